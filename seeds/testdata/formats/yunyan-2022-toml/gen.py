#!/usr/bin/env python3
"""Writes guide.txt: the TOML content config of a (fictional) district kiosk.

Test data: a real district (贵州省贵阳市云岩区, area code 0851, 8-digit local
numbers) and an invented file; every unit's department, person, phone, e-mail,
amount and wording is invented. Re-parses the result with tomllib and checks
every body against the data.
"""
import tomllib

CONTACTS = [
    # key, unit, dept, person, tel (str or list), extra lines
    ("tax_hw", "区税务局", "货物和劳务税科", "罗永刚", "0851-86512301", ""),
    ("tax_cx", "区税务局", "财产和行为税科", "杨春梅", "(0851)86512317", ""),
    ("tax_ns", "区税务局", "纳税服务科", "陈光明", "86512360", ""),
    ("czj_ys", "区财政局", "预算科", "田晓芳", "0851-86521108", ""),
    ("jyj", "区就业局", "就业促进科", "龙海燕", ["0851-86531840", "13985062751"], ""),
    ("gjj", "贵阳住房公积金管理中心云岩管理部", "归集科", "潘志强", "(0851)86583310", ""),
    ("gzw", "区国资委", "产权管理科", "石立新", "0851-86543261", ""),
    ("jgsw", "区机关事务局", "资产科", "吴丽萍", "86543288", ""),
    ("power", "云岩供电局", "营销部", "蒙建国", "0851-86595598", ""),
    ("water", "贵阳自来水云岩营业所", "客服中心", "韦丽", "0851-86570311", ""),
    ("gas", "中燃云岩营业厅", "客服部", "黄志明", "0851-86560219", ""),
    ("jtj", "区交通运输局", "物流保通保畅工作专班（24小时）", None, "0851-86581207", 'hours = "7×24小时"\n'),
    ("swj_xf", "区商务局", "消费促进科", "钱国华", "0851-86563526", ""),
    ("swj_wm", "区商务局", "对外贸易科", None, None, 'email = "yyswjwmk@163.com"\n'),
    ("scjg_dj", "区市场监管局", "登记注册科", "刘静", "(0851)86530158", 'addr = "云岩区中华北路某号3楼"\n'),
]

# no, title, category, body form, body, deadline (None, str date, or "s:…"), lead, support, contact (TOML text), extra lines
P = []
def pol(no, title, cat, form, body, deadline, lead, support, contact, extra=""):
    P.append(dict(no=no, title=title, cat=cat, form=form, body=body, deadline=deadline, lead=lead,
                  support=support, contact=contact, extra=extra))

pol(1, "增值税留抵退税", "税费", "join",
    ["对符合条件的小微企业和制造业等行业企业，在", "2022年6月30日前一次性退还存量留抵税额，并按月全额退还增量留抵税额。",
     "企业可通过电子税务局提交退税申请，税务部门在3个工作日内完成审核，退税款项直接退付至企业账户。"],
    "2022-06-30", "区税务局", ["区财政局"], 'contact = ["contacts.tax_hw", "contacts.czj_ys"]', "show_on_home = true\n")
pol(2, "小规模纳税人免征增值税", "税费", "basic",
    "2022年4月1日至12月31日，对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税，适用3%预征率的预缴增值税项目暂停预缴增值税。",
    "2022-12-31", "区税务局", [], None, 'hotline = "12366"\n')
pol(3, "“六税两费”减半征收", "税费", "literal",
    "对增值税小规模纳税人、小型微利企业和个体工商户，按50%的税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。",
    "2022-12-31", "区税务局", [], 'contact = "contacts.tax_cx"')
pol(4, "房产税、城镇土地使用税困难减免", "税费", "trail",
    "对受疫情影响生产经营困难、缴纳房产税和城镇土地使用税确有困难的纳税人，可申请减免2022年第二、三季度的房产税和城镇土地使用税，由税务部门依法审核后办理。",
    "2022-11-30", "区税务局", [], 'contact = ["contacts.tax_cx", "contacts.tax_ns"]   # 纳税服务科负责受理',
    'material.required = ["减免税申请表", "财务报表"]\nmaterial.optional = ["受疫情影响情况说明"]\nupdated = 2022-07-01\n')
pol(5, "失业保险稳岗返还", "就业", "basic",
    "对上年度未裁员或裁员率不高于5.5%的参保企业，按企业及其职工上年度实际缴纳失业保险费的90%返还中小微企业，大型企业按50%返还，实行免申即享。",
    None, "区人社局", [], 'contact = "contacts.jyj"')
pol(6, "一次性留工培训补助", "就业", "trail",
    "对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元的标准发放一次性留工培训补助，已享受过的企业不重复享受。",
    "s:2022年12月31日前", "区人社局", ["区财政局"],
    'contact = { ref = "contacts.jyj", person = "吴敏", tel = "139 8511 2206" }   # 本条联系人单列')
pol(8, "国有房屋租金减免", "房租", "join",
    ["对承租区属国有企业和行政事业单位经营用房的服务业小微企业和个体工商户，20", "22年减免3个月租金，位于疫情中高风险地区的减免6个月租金。",
     "减免申请于2022", "年9月30日前向出租单位提出，转租、分租的须确保减免落实到最终承租人。"],
    "2022-09-30", "区国资委", ["区机关事务局"], 'contact = ["contacts.gzw", "contacts.jgsw"]',
    "show_on_home = true\n", )
pol(7, "住房公积金阶段性缓缴", "社保", "literal",
    "受疫情影响的企业可按规定申请缓缴住房公积金，缓缴期间职工正常提取和申请住房公积金贷款不受影响，缓缴期满后补缴。",
    "2022-12-31", "贵阳住房公积金管理中心云岩管理部", [], 'contact = "contacts.gjj"')
pol(9, "水电气“欠费不停供”", "公用事业", "para",
    ["对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气实行“欠费不停供”，缓缴截止2022年12月31日。",
     "缓缴期间免收欠费滞纳金，企业可向供水、供电、供气单位申请分期补缴。"],
    "2022-12-31", "区发改局", [], 'contact = ["contacts.power", "contacts.water", "contacts.gas"]')
pol(10, "出租汽车驾驶员一次性补贴", "物流", "basic",
    "对在云岩区登记营运的出租汽车，按每车800元的标准向驾驶员发放一次性补贴，由区交通运输局统一核定名单后发放。",
    "2022-08-31", "区交通运输局", [], 'contact = "contacts.jtj"', None)
pol(11, "全力保通保畅", "物流", "basic",
    "落实货车司机通行管理措施，对持有效核酸证明和健康码绿码的货车司机不得限制通行，区物流保通保畅工作专班24小时受理企业和司机反映的问题。",
    None, "区交通运输局", ["区公安分局"], 'contact = "contacts.jtj"')
pol(12, "发放“云岩惠购”消费券", "消费", "join",
    ["在全区范围内分批发放\\\"云岩惠购\\\"消费券，通过\\\"云闪付\\\"平台领取，", "用于区内参与活动的商超、餐饮和家电门店消费，每批次发放", "500万元，领取后7日内有效。"],
    "2022-10-31", "区商务局", [], 'contact = "contacts.swj_xf"',
    '[policy.extra]\nplatform = "云闪付"\nbatches = [2022-07-15, 2022-08-15, 2022-09-15]\n')
pol(13, "出口信用保险保费补贴", "外贸", "basic",
    "对投保短期出口信用保险的外贸企业，按实际缴纳保费的50%给予补贴，单个企业年度补贴最高20万元，申报材料通过电子邮件报送。",
    "2022-12-15", "区商务局", [], 'contact = "contacts.swj_wm"',
    '[policy.extra]\nemail_subject = "出口信保补贴申报+企业名称"\nattachments = ["申报表.docx"]\n')
pol(14, "个体工商户转型为企业奖励", "市场监管", "oneline",
    "对个体工商户转型为企业（\\\"个转企\\\"）且转型后正常经营满一年的，给予一次性奖励5000元。",
    None, "区市场监管局", [], 'contact = "contacts.scjg_dj"')
pol(15, "就业见习补贴", "就业", "join",
    ["对吸纳离校2年内未就业高校毕业生参加就业见习的单位，按当地最低工资标准的", "60%给予见习补贴，见习期满留用率达到50%以上的，", "见习补贴标准提高到70%。"],
    "2022-12-20", "区人社局", [], 'contact = "contacts.jyj"', "updated = 2022-07-10\n")

# file order: 1-6, 8, 7, 9-15 (the pol() calls above)

def body_toml(p):
    f, b = p["form"], p["body"]
    if f == "basic":
        return 'body = """\n' + b + '"""\n'
    if f == "trail":
        return 'body = """\n' + b + '\n"""\n'
    if f == "literal":
        return "body = '''\n" + b + "'''\n"
    if f == "oneline":
        return 'body = "' + b + '"\n'
    if f == "para":
        return 'body = """\n' + b[0] + "\n" + b[1] + '"""\n'
    if f == "join":
        return 'body = """\\\n' + "".join("    " + l + "\\\n" for l in b) + '    """\n'
    raise ValueError(f)

def body_text(p):
    f, b = p["form"], p["body"]
    if f == "join":
        return "".join(b).replace('\\"', '"')
    if f == "para":
        return b[0] + "\n" + b[1]
    return b.replace('\\"', '"')

def tel(v):
    if isinstance(v, list):
        return "[" + ", ".join('"%s"' % x for x in v) + "]"
    return '"%s"' % v

out = []
out += ["# ============================================================",
        "# KSK-CMS 3.2.1  内容配置导出",
        "# 厂商：贵州黔政通信息技术有限公司（虚构）",
        "# 终端：云岩区政务服务中心自助终端",
        "# 导出时间：2022-07-21 10:02:44",
        "# schema 3",
        "# DO NOT EDIT BY HAND —— 请通过后台修改",
        "# ============================================================",
        "",
        'kiosk_id = "YY-ZWZX-003"',
        'site = "云岩区政务服务中心一楼大厅"',
        "updated = 2022-07-21T10:02:44+08:00",
        "schema = 3",
        'locale = "zh-CN"',
        "",
        "[document]",
        'title = "贵阳市云岩区人民政府关于印发《云岩区稳住经济增长若干政策措施》的通知"',
        'issuer = "贵阳市云岩区人民政府"',
        '"文号" = "云府发〔2022〕17号"',
        "published = 2022-06-28",
        'area_code = "0851"',
        'source_url = "https://example.invalid/yunyan/zcwj/2022/17.html"',
        "measure_count = 15   # 含第10条（已撤回）",
        "",
        "[ui]",
        "font_size = 22",
        "line_height = 1.6",
        "screen_timeout = 120   # 秒，无操作返回首页",
        "idle_carousel = true",
        'tabs = ["全部", "税费", "就业", "社保", "房租", "公用事业", "物流", "消费", "外贸", "市场监管"]',
        'marquee = "政务服务便民热线12345；纳税缴费服务热线12366"',
        "",
        "[ui.colors]",
        'primary = "#0B5FA5"',
        'accent = "#C8102E"',
        "highlight = 0xFFD54F",
        ""]
for key, unit, dept, person, t, extra in CONTACTS:
    out.append("[contacts.%s]" % key)
    out.append('unit = "%s"' % unit)
    out.append('dept = "%s"' % dept)
    if person:
        out.append('person = "%s"' % person)
    if t:
        out.append("tel = " + tel(t))
    if extra:
        out.append(extra.rstrip("\n"))
    out.append("")
for p in P:
    out.append("[[policy]]")
    out.append("no = %d" % p["no"])
    out.append('title = "%s"' % p["title"] + ("   # 首页轮播" if p["no"] in (1, 8) else ""))
    out.append('category = "%s"' % p["cat"])
    if p["no"] == 10:
        out.append("enabled = false   # 2022-07-15 撤回：改由市级统一发放，终端不再展示")
    out.append(body_toml(p).rstrip("\n"))
    d = p["deadline"]
    if d and d.startswith("s:"):
        out.append('deadline = "%s"' % d[2:])
    elif d:
        out.append("deadline = %s" % d + ("   # 以税务局通知为准" if p["no"] == 4 else ""))
    out.append('lead = "%s"' % p["lead"] + ("   # 经办：区就业局" if p["lead"] == "区人社局" else ""))
    out.append("support = [%s]" % ", ".join('"%s"' % s for s in p["support"]))
    if p["contact"]:
        out.append(p["contact"])
    extra = p["extra"] or ""
    if extra.startswith("[policy.extra]"):
        out.append('icon = "icon-%d.png"' % p["no"])
        out.append(extra.rstrip("\n"))
    else:
        if extra:
            out.append(extra.rstrip("\n"))
        out.append('icon = "icon-%d.png"' % p["no"])
    out.append("")
out += ["# [[policy]]",
        "# no = 16",
        '# title = "夜间经济消费补贴"',
        '# body = "对夜市摊位给予每户2000元补贴。"   # 暂不上线',
        '# contact = "contacts.swj_xf"',
        "",
        "[[faq]]",
        'q = "国有房屋租金减免去哪里问？"',
        'a = """',
        "可到区政务服务中心企业服务专窗咨询，也可直接联系出租单位。\"\"\"",
        "related = 8",
        'contact = { unit = "区政务服务中心", dept = "企业服务专窗", tel = "0851-86823599" }',
        "",
        "[[faq]]",
        'q = "消费券怎么领？"',
        'a = """',
        "打开\\\"云闪付\\\"搜索活动页面即可领取，每批次数量有限。\"\"\"",
        'tags = ["消费券", "云闪付"]',
        'contact = { unit = "区商务局", dept = "消费券活动专班", tel = "0851-86563530" }',
        "",
        "[changelog]",
        'version = "3.2.1"',
        "last = 2022-07-18",
        "entries = [",
        '  { date = 2022-07-02, key = "contacts.gzw.tel", old = "0851-86543260", new = "0851-86543261" },',
        '  { date = 2022-07-05, key = "contacts.jyj.tel", old = "0851-86531841", new = "0851-86531840" },',
        '  { date = 2022-07-15, key = "policy[10].enabled", old = "true", new = "false" },',
        "]",
        ""]
# the gzw phone is the new one
text = "\n".join(out)
text = text.replace('tel = "0851-86543261"', 'tel = "0851-86543261"')
open("guide.txt", "w", encoding="utf-8").write(text)

doc = tomllib.loads(text)
byno = {p["no"]: p for p in P}
assert [p["no"] for p in doc["policy"]] == [1, 2, 3, 4, 5, 6, 8, 7, 9, 10, 11, 12, 13, 14, 15]
for d in doc["policy"]:
    want = body_text(byno[d["no"]])
    got = d["body"].rstrip("\n") if byno[d["no"]]["form"] == "trail" else d["body"]
    assert got == want, (d["no"], got, want)
assert doc["document"]["area_code"] == "0871".replace("71", "51")
print("ok", len(text.splitlines()), "lines")
