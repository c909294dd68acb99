#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's mini-program data file in YAML
(two documents: the policies, then a FAQ and a changelog; see README.md).
Deterministic; run from this directory. Every unit's department, person,
phone, e-mail and amount is invented."""

HEAD = """\
# 城中惠企通 小程序政策数据 v1.4
# 来源：宁城中政办〔2022〕31号（2022年7月8日印发）
# 维护：区营商环境服务中心（内容） / 青禾软件（格式）
# 最后编辑：2022-09-02
# TODO 第9条的联系人等科室确认
# 注意：列表顺序≠文件条款顺序，按 no 取数
meta:
  title: 城中区稳经济助企纾困政策措施（小程序数据）
  doc_title: 西宁市城中区人民政府办公室关于印发《城中区稳住经济大盘助企纾困若干措施》的通知
  issuer: 西宁市城中区人民政府办公室
  doc_no: 宁城中政办〔2022〕31号  # 文号
  publish_date: 2022-07-08
  area_code: 0971
  app: 城中惠企通
  service_tel: 0971-6120099
  version: 1.4
  updated: 2022-09-02
  total: 16  # 小程序显示15条
"""

# anchor: (unit, dept, name, tel written as YAML, email, comment)
CONTACTS = [
    ("tax_zz", "区税务局", "增值税科", "马永福", '"0971-6131208"', None, None),
    ("tax_sd", "区税务局", "所得税科", "韩晓丽", "6131215", None, None),
    ("fin", "区财政局", "预算科", "冶文娟", "'0971-6128830'", None, None),
    ("rs", "区人社局", "失业保险科", "祁国庆", '"0971-6145521"', None, "# 9月前是 6145512，已停用"),
    ("jy", "区就业服务中心", "创业服务科", "李海燕", '["0971-6145560", 13897240016]', None, None),
    ("gz", "区国资中心", "资产科", "张玉梅", '"(0971)6127706"', None, "# 已核实"),
    ("jr", "区金融办", "金融科", "鲁明", "0971 6122418", None, None),
    ("db", "区融资担保公司", "业务部", "赵启明", '["0971-6190321", "13997030552"]', None, None),
    ("sw", "区商务局", "商贸科", "马秀兰", '"0971－6133362"', None, None),
    ("sw_wm", "区商务局", "外贸科", None, None, "czswwm@163.com", None),
    ("gx", "区工信局", "中小企业科", "杨春", "0971-6138805", None, None),
]

# (no, title, cat, content (style, text), condition, deadline (as written), units (style, list),
#  contact (as written, YAML), tags style, extra lines)
P = [
    (1, "增值税留抵退税", "tax",
     ("literal", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额。\n一次性退还存量留抵税额，申请后5个工作日内办结。"),
     ["纳税信用等级为A级或B级、", "申请退税前36个月未发生骗取留抵退税情形的纳税人，", "2022年12月31日前提出申请。"],
     "2022-12-31  # 存量部分", ("flow", ["区税务局", "区财政局"]), "[*tax_zz, *fin]", ["hot: yes  # 小程序首页置顶", "page: /pages/policy/detail?no=1#apply"]),
    (2, "“六税两费”减半征收", "tax",
     ("double", "对小规模纳税人、小型微利企业和个体工商户减半征收资源税、城市维护建设税、房产税等“六税两费”。\\n纳税人在\\\"城中惠企通\\\"自行申报享受，无需提交资料。"),
     None, "null", ("flow", ["区税务局"]), "{hotline: 12366}  # 税务总热线", []),
    (3, "小微企业所得税减免", "tax",
     ("literal", "对小型微利企业年应纳税所得额不超过100万元的部分，减按12.5%计入应纳税所得额。"),
     ["年应纳税所得额不超过300万元、从业人数不超过300人的企业，", "随年度汇算清缴申报享受。"],
     "~", ("block", ["区税务局"]), "*tax_sd", ["online: on"]),
    (5, "一次性扩岗补助", "job",
     ("single", "对招用毕业年度高校毕业生的企业，按每人1500元发放一次性扩岗补助，通过''夏都人社''平台申领。"),
     None, '"2022年底前"', ("flow", ["区就业服务中心", "区人社局"]),
     "\n      - <<: *jy\n        name: 王丽\n        tel: \"0971-6145563\"\n      - *rs", ["updated: 2022-08-20"]),
    (4, "失业保险稳岗返还", "job",
     ("plain", "对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还。"),
     None, "2022年底前", ("flow", ["区人社局"]), "*rs", []),
    (6, "留工培训补助", "job",
     ("literal", "对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元发放一次性留工培训补助。"),
     None, "'2022年12月31日'", ("block", ["区人社局"]), "{<<: *rs, tel: \"0971-6145529\"}  # 号码9月已更新", []),
    (7, "国有房屋租金减免", "rent",
     ("literal", "承租区属国有房屋的服务业小微企业和个体工商户，2022年免除6个月租金。\n转租的，租金减免惠及实际经营主体。"),
     ["承租人应于2022年10月31日前", "向出租单位提出申请。"],
     "2022-10-31", ("flow", ["区国资中心"]), "[*gz, {unit: 区城投公司, dept: 资产运营部, name: 何建平, tel: 18909711234}]", []),
    (8, "水电气欠费不停供", "utility",
     ("double", "对生产经营暂时困难的小微企业和个体工商户，用水、用电、用气\\\"欠费不停供\\\"，设立6个月缓缴期。"),
     None, "2022年6月至12月", ("flow", ["国网西宁城中供电公司", "城中供水营业厅", "区燃气公司"]),
     "\n      - {unit: 国网西宁城中供电公司, dept: 营销部, name: 祁海涛, tel: \"0971-6170023\"}\n      - {unit: 城中供水营业厅, dept: 客服中心, tel: \"0971-6176600\"}  # 供水那边没给联系人\n      - {unit: 区燃气公司, dept: 客服部, name: 沈海波, tel: 13519720045}", []),
    (10, "应急转贷资金", "finance",
     ("plain", "设立区级应急转贷资金，为续贷有困难的中小微企业提供过桥资金，单笔最高1000万元。"),
     None, "2022-12-31", ("block", ["区金融办", "区融资担保公司"]), "\n      - *jr\n      - *db", []),
    (9, "融资担保费补贴", "finance",
     ("literal", "对区融资担保公司为小微企业新增担保业务，担保费率降至1%以下，财政按担保额的0.5%给予补贴。"),
     None, "2022-12-31", ("flow", ["区融资担保公司", "区财政局"]), "[*db, *fin]  # TODO 联系人可能还要换", []),
    (12, "惠民消费券", "consume",
     ("single", "分批发放''幸福城中''消费券1000万元，覆盖餐饮、零售、文旅领域。"),
     None, "2022年9月至12月分批发放", ("flow", ["区商务局"]), "*sw", []),
    (13, "企业开拓海外市场补贴", "trade",
     ("literal", "对参加境外展会的外贸企业，按展位费的50%给予补贴，单个企业最高5万元。"),
     ["2022年内参展的企业于展会结", "束后30日内申报。"],
     "2022-12-31", ("flow", ["区商务局"]), "*sw_wm  # 外贸科只留了邮箱", []),
    (14, "中小企业数字化转型奖励", "industry",
     ("literal", "对实施数字化转型项目且投资额超过100万元的中小企业，按投资额的10%给予奖励，最高30万元。"),
     None, "2022-12-31", ("flow", ["区工信局"]), "{<<: *gx, name: 马晓刚, tel: \"0971-6138812\"}", []),
    (15, "政务服务便民热线", "service",
     ("plain", "企业办事遇到堵点难点，可拨打政务服务便民热线反映，热线24小时受理，限时转办。"),
     ["所有市场主体", "均可拨打。"],
     None, ("flow", ["区营商环境服务中心"]),
     "\n      - {unit: 区营商环境服务中心, dept: 企业服务科, name: 朱晓东, tel: \"0971-6120135\"}\n      - {name: 政务服务便民热线, tel: \"12345\"}", ["tags_extra: [12345]"]),
]

DROPPED = """\
  # 2022-09-02 第11条市级政策暂停执行，先注释掉
  # - no: 11
  #   title: 会展场租补贴
  #   cat: trade
  #   content: |
  #     对在区内举办展销会的企业，按场地租金的30%给予补贴。
  #   contact: {unit: 区商务局, dept: 会展科, name: 孙立伟, tel: "0971-6133390"}
"""

DOC2 = """\
---
# 第二部分：常见问题与修改记录
# 这里的内容不进入政策列表
faq:
  - q: 留抵退税怎么申请？
    a: >-
      在电子税务局提交退税申请即
      可，5个工作日内办结。
    policy_no: 1
    contact: {unit: 区税务局, dept: 纳税服务科, name: 陈淑芳, tel: "0971-6131200"}
  - q: 国有房屋租金怎么减免？
    a: >-
      向出租的区属国有企业提出申请，
      免除6个月租金。
    policy_no: 7
    contact: {unit: 区国资中心, dept: 资产科, name: 张玉梅, tel: "0971-6127706"}
changelog:
  - {ver: "1.4", date: 2022-09-02, by: 周航, note: 区人社局失业保险科电话 0971-6145512 改为 0971-6145521}
  - {ver: "1.3", date: 2022-08-20, by: 周航, note: 区商务局商贸科 孙莉（0971-6133358） 换为 马秀兰}
  - {ver: "1.2", date: 2022-07-20, by: 刘畅, note: 补录第16条}
"""

# measure 16, added last under a comment
LATE = (16, "个体工商户纾困补助", "consume",
        ("literal", "对受疫情影响的个体工商户，按每户2000元发放一次性纾困补助。"),
        None, "2022-11-30", ("block", ["区商务局", "各街道"]), "*sw", ["updated: 2022-07-20  # v1.2 补录"])


def scalar(style, text):
    if style == "literal":
        return "|\n" + "".join("      " + l + "\n" for l in text.split("\n")).rstrip("\n")
    if style == "double":
        return '"' + text + '"'
    if style == "single":
        return "'" + text + "'"
    return text


def policy(p):
    no, title, cat, (cstyle, content), cond, deadline, (ustyle, units), contact, extra = p
    out = [f"  - no: {no}", f"    title: {title}", f"    cat: {cat}", f"    content: {scalar(cstyle, content)}"]
    if cond:
        out.append("    condition: >-")
        out += ["      " + c for c in cond]
    if deadline is not None:
        out.append(f"    deadline: {deadline}")
    if ustyle == "flow":
        out.append("    units: [" + ", ".join(units) + "]")
    else:
        out.append("    units:")
        out += ["      - " + u for u in units]
    out.append("    contact: " + contact if not contact.startswith("\n") else "    contact:" + contact)
    tags = ["惠企", cat]
    if any(e.startswith("tags_extra") for e in extra):
        tags.append("12345")  # an int in YAML
    if no % 3 == 0:
        out.append("    tags:")
        out += ["      - " + t for t in tags]
    else:
        out.append("    tags: [" + ", ".join(tags) + "]")
    out += ["    " + e for e in extra if not e.startswith("tags_extra")]
    return "\n".join(out)


def main():
    lines = [HEAD, "contacts:"]
    for a, unit, dept, name, tel, email, comment in CONTACTS:
        fields = [f"unit: {unit}", f"dept: {dept}"]
        if name:
            fields.append(f"name: {name}")
        if tel:
            fields.append(f"tel: {tel}")
        if email:
            fields.append(f"email: {email}")
        line = f"  {a}: &{a} {{" + ", ".join(fields) + "}"
        if comment:
            line += "  " + comment
        lines.append(line)
    lines.append("categories:")
    for k, n in [("tax", "减税降费"), ("job", "稳岗就业"), ("rent", "房租减免"), ("utility", "水电气"), ("finance", "金融支持"),
                 ("consume", "促进消费"), ("trade", "外贸"), ("industry", "工业"), ("service", "政务服务")]:
        lines.append(f"  - {{key: {k}, name: {n}, icon: /static/icon/{k}.png}}")
    lines.append("policies:")
    for p in P:
        lines.append(policy(p))
        if p[0] == 9:
            lines.append(DROPPED.rstrip("\n"))
    lines.append("  # ---- v1.2 补录 ----")
    lines.append(policy(LATE))
    text = "\n".join(lines) + "\n" + DOC2
    with open("guide.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
