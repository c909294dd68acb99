#!/usr/bin/env python3
"""Writes guide.txt: 竹源区 policy cards as `pdftotext -layout` gives them.

Two cards to a landscape page, side by side on the same text lines, placed at
character positions (one position per character, CJK or not, as pdftotext
pads); a page of one card; pages separated by form feeds. Run:
python3 cards.py > guide.txt
"""

HEAD = "竹源区惠企政策明白卡" + " " * 40 + "澧州市竹源区企业服务中心 编"
RIGHT = 58  # the right card's position on a side-by-side page
WRAP = 24   # characters of 政策内容 on a line

# Cards: number, head style, name (a list when it wraps), objects (chosen),
# content, method, until, contact rows (unit (a list when it wraps), person,
# phone, label), note.
CARDS = [
    dict(n=1, name="中小微企业房租减免", objects=["小微企业", "个体工商户"],
         content="承租区属国有企业经营用房的服务业小微企业和个体工商户，2022年减免6个月租金。转租的，减免落实到实际经营者。",
         method="依申请", until="2022年12月31日",
         rows=[("区国资中心", "龙晓雯", "0739-5212046")], note=""),
    dict(n=2, name="“六税两费”减征", objects=["小微企业", "个体工商户"],
         content="对增值税小规模纳税人、小型微利企业和个体工商户，按50%幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税等。",
         method="免申即享", until="2024年12月31日",
         rows=[("区税务局", "", "12366", "咨询电话")], note=""),
    dict(n=3, name="小微企业融资担保费补贴", objects=["小微企业"],
         content="区融资担保公司为小微企业提供贷款担保的，年化担保费率不超过1%，区财政按担保额的0.5%给予补贴。",
         method="依申请", until="2022年12月31日",
         rows=[("区金融办", "邹海峰", "5213308"), ("竹源区融资担保有限责任公司", "谭佳", "0739-5216619")], note=""),
    dict(n=4, name="失业保险稳岗返还", objects=["小微企业", "社会组织"],
         content="上年度不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还。",
         method="免申即享", until="2022年9月30日",
         rows=[("区人社局", "龚丽", "0739-5211570")], note=""),
    dict(n=5, name="一次性扩岗补助", objects=["小微企业", "社会组织"],
         content="企业招用2022届高校毕业生并参加失业保险的，按每人1500元给予一次性扩岗补助。",
         method="依申请", until="2022年12月31日",
         rows=[("区人社局", "", "", "")], note="联系人、联系电话同第4卡"),
    dict(n=6, name=["农业经营主体生产", "补贴"], objects=["其他：家庭农场、农民合作社"],
         content="对受疫情影响的家庭农场、农民合作社购买种子、化肥、饲料的，按实际支出的20%给予补贴，每户最高2万元。",
         method="依申请", until="",
         rows=[(["区农业农村和水利", "局"], "石磊", "5214472")], note="补贴资金于2023年1月前拨付"),
    dict(n=7, name="货车司机贷款延期还本付息", objects=["个体工商户", "其他：货车司机"],
         content="对受疫情影响的货车司机贷款，协调银行延期还本付息，延期部分不计罚息。",
         method="依申请", until="2022年12月31日",
         rows=[("区交通运输局", "侯建军", "0739-5219083"), ("区金融办", "邹海峰", "5213308")], note=""),
    dict(n=8, name="文旅企业纾困补助", objects=["小微企业", "其他：旅行社、A级景区"],
         content="对2022年上半年营业收入同比下降30%以上的旅行社和A级景区，给予一次性纾困补助2万元至5万元。",
         method="依申请", until="2022年10月31日",
         rows=[("区文化旅游广电体育局", "", "0739-5217726")], note=""),
    dict(n=9, name="餐饮住宿业水电气费补贴", objects=["小微企业", "个体工商户"],
         content="对餐饮、住宿业市场主体2022年第二季度用水、用电、用气费用给予10%补贴。",
         method="免申即享", until="2022年8月31日",
         rows=[("区商务局", "", "12345", "咨询电话")], note=""),
    dict(n=10, name="政府采购预留份额", objects=["小微企业"],
         content="超过200万元的货物和服务采购项目中适宜由中小企业提供的，预留该部分预算总额的40%以上面向中小企业。",
         method="免申即享", until="长期",
         rows=[("区财政局", "覃红梅", "0739-5210934")], note=""),
    dict(n=11, name="个体工商户开业指导", objects=["个体工商户"],
         content="为新开业个体工商户提供免费开业指导、登记代办，营业执照当日办结。",
         method="依申请", until="长期",
         rows=[("区市场监督管理局", "彭珊", "0739-5218851")], note="同第10号卡的覃红梅负责采购咨询"),
    dict(n=12, name="专精特新企业奖励", objects=["小微企业"],
         content="对首次认定的省级专精特新中小企业，给予一次性奖励20万元。",
         method="依申请", until="2022年11月30日",
         rows=[("区工业和信息化局", "", "", ""), ("区科技局", "", "", "")], note="联系人同第13号卡"),
    dict(n=13, name="研发费用补助", objects=["小微企业"],
         content="对上年度研发投入超过200万元的科技型中小企业，按研发投入增量的10%给予补助。",
         method="依申请", until="2023年3月31日",
         rows=[("区工业和信息化局", "段宏", "0739-5215560"), ("区科技局", "冯远", "5215588")], note=""),
    dict(n=14, name="困难企业社会保险费缓缴", objects=["小微企业", "个体工商户", "社会组织"],
         content="对生产经营困难的中小微企业，可申请缓缴养老、失业和工伤保险单位缴费部分，缓缴期间免收滞纳金。",
         method="依申请", until="2022年12月31日",
         rows=[("区社保中心", "龚丽", "0739-5211570")], note=""),
]
# The corrected reprint of card 4: a later deadline, a second unit.
REVISED = dict(CARDS[3], until="2022年12月31日",
               rows=[("区人社局", "龚丽", "0739-5211570"), ("区社保中心", "龚丽", "0739-5211570")],
               note="本卡替代原4号卡", revised=True)

OBJECTS = ["小微企业", "个体工商户", "社会组织"]


def head(c):
    if c.get("revised"):
        return f"【明白卡 No.{c['n']}】更正版"
    return f"政策卡 第{c['n']:02d}号" if c["n"] % 3 else f"【明白卡 No.{c['n']}】"


def wrap(s, w):
    return [s[i:i + w] for i in range(0, len(s), w)]


def card_lines(c):
    out = [head(c), f"ZY2022-{c['n']:02d}"]
    name = c["name"]
    if isinstance(name, list):
        out += [f"项目名称：___{name[0]}", f"      {name[1]}___"]
    else:
        out.append(f"项目名称：___{name}___")
    boxes = []
    for o in OBJECTS:
        boxes.append(("■" if o in c["objects"] else "□") + o)
    other = [o for o in c["objects"] if o.startswith("其他：")]
    boxes.append("■" + other[0] if other else "□其他：____")
    out += ["适用对象：" + " ".join(boxes[:2]), "      " + " ".join(boxes[2:])]
    lines = wrap(c["content"], WRAP)
    out.append("政策内容：" + lines[0])
    out += ["      " + l for l in lines[1:]]
    out.append("申报方式：" + ("■免申即享 □依申请" if c["method"] == "免申即享" else "□免申即享 ■依申请"))
    out.append("有效期限：" + (c["until"] or "________"))
    for r in c["rows"]:
        unit, person, phone = r[0], r[1], r[2]
        label = r[3] if len(r) > 3 else "联系电话"
        if isinstance(unit, list):
            out += [f"主管部门：__{unit[0]}", f"      {unit[1]}__"]
        else:
            out.append(f"主管部门：__{unit}__")
        if label == "咨询电话":
            out.append(f"咨询电话：{phone}")
        else:
            out.append(f"联系人：_{person or '____'}_   联系电话：_{phone or '________'}_")
    out.append("备注：" + (c["note"] or "____________"))
    out.append("[二维码] 扫一扫 查看原文")
    return out


def pad(s, n):
    return s + " " * max(n - len(s), 4)


def page(body, num):
    return "\n".join([HEAD, ""] + body + ["", "", " " * 50 + f"- {num} -"])


def side_by_side(a, b):
    la, lb = card_lines(a), card_lines(b)
    rows = []
    for i in range(max(len(la), len(lb))):
        l = la[i] if i < len(la) else ""
        r = lb[i] if i < len(lb) else ""
        rows.append((pad(l, RIGHT) + r) if r else l)
    return rows


def main():
    pages = []
    cover = ["", "", " " * 30 + "竹源区惠企政策明白卡", " " * 32 + "（2022年第二版）", "", "",
             " " * 30 + "澧州市竹源区企业服务中心", " " * 33 + "2022年7月15日"]
    pages.append(cover)
    pages.append(["", " " * 34 + "填 卡 说 明", "",
                  "  ① 每张明白卡对应一项政策，卡号即政策序号；更正版明白卡以更正版为准。",
                  "  ② ■表示适用或所选方式，□表示不适用。",
                  "  ③ 卡上电话未写区号的，区号为0739；备注写“同第×号卡”的，联系人和电话与该卡相同。"])
    byn = {c["n"]: c for c in CARDS}
    layout = [(1, 2), (3, 4), (5,), (6, 7), (8, 9), (10, 11), (12, 13), (14, "R")]
    for pair in layout:
        cs = [REVISED if x == "R" else byn[x] for x in pair]
        if len(cs) == 1:
            pages.append(["    " + l for l in card_lines(cs[0])])
        else:
            pages.append(side_by_side(*cs))
    out = [page(p, i + 1) for i, p in enumerate(pages)]
    print("\f".join(out))


main()
