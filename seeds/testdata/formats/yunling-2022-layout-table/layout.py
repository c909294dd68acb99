#!/usr/bin/env python3
"""Lays out the 云岭区 policy list the way `pdftotext -layout` gives a
landscape PDF that is one table: cells side by side at character positions
(one position per character, CJK or not), text wrapped at the column's
display width (CJK two, Latin and digits one; Latin/number runs kept
whole), short cells centred in their column and vertically in their record,
the 政策类别 merged over each category's records on a page, the header row
over two lines, column starts shifting from page to page, a footer and a
form feed at each page break. Run: python3 layout.py > guide.txt"""
import os
import re

AREA = "0878"
CATS = ["财税支持", "金融支持", "稳岗就业", "外贸和交通运输", "消费和服务业"]
# (category, text, units, persons, phones, end date)
R = [
 (0, "减免房屋租金。对承租区属国有房屋从事生产经营的服务业小微企业和个体工商户，2022年减免6个月租金，其中位于中高风险地区所在县级行政区的减免9个月。转租、分租的，确保减免落实到实际经营者。", ["区国资中心"], ["杭雨桐"], ["0878-65112408"], "2022年12月31日"),
 (0, "落实增值税留抵退税。对符合条件的小微企业和制造业等六个行业企业，按月全额退还增量留抵税额，一次性退还存量留抵税额；对其他行业的小微企业，存量留抵税额于2022年6月30日前一次性退还。", ["区税务局"], [""], ["12366"], "2022年4月1日至2022年12月31日"),
 (0, "减征六税两费。对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。", ["区税务局", "区财政局"], ["邬晨阳", "冼嘉禾"], ["65113320", "65113578"], "2024年12月31日"),
 (0, "缓缴行政事业性收费。对受疫情影响暂时无力缴纳的中小微企业，经申请可缓缴城市基础设施配套费，缓缴期最长6个月，缓缴期间免收滞纳金。", ["区住房和城乡建设局"], ["欧阳明"], ["0878-", "65114096"], "2022年12月31日"),
 (0, "免征公共交通运输服务增值税。对纳税人提供公共交通运输服务取得的收入，免征增值税。", ["区税务局"], ["甄可欣"], ["65113302"], "2022年12月31日"),
 (0, "减免房产税和城镇土地使用税。对出租人减免服务业小微企业和个体工商户租金的，可按减免租金月份申请减免当年房产税、城镇土地使用税，减免额度不超过所减免的租金。", ["区税务局"], ["甄可欣"], ["65113302"], "2022年12月31日"),
 (1, "实施贷款贴息。对2022年新增流动资金贷款的中小微企业，贷款利率不高于LPR-150BP的，按实际支付利息的50%给予贴息，单户最高30万元。", ["区金融办"], ["蓝子墨"], ["0878-65117731"], "2022年12月31日"),
 (1, "延期还本付息。对受疫情影响暂时经营困难的中小微企业和个体工商户贷款，银行机构按市场化原则给予延期还本付息，延期期间不罚息、不降低信用等级。", ["区金融办", "人民银行云岭支行"], ["蓝子墨", "庞思源"], ["0878-65117731", "0878-65119206"], "2022年12月31日"),
 (1, "降低融资担保费率。区政府性融资担保机构对小微企业和个体工商户的担保费率降至1%以下，对单户500万元以下的首贷业务免收担保费。", ["区融资担保公司"], ["巫晓岚"], ["13987801264"], "2022年12月31日"),
 (1, "设立应急转贷资金。为按时还贷有困难的中小微企业提供应急转贷支持，转贷资金使用费按日万分之一收取，单笔使用期限不超过15天。", ["区金融办"], ["蓝子墨"], ["0878-65117731"], "2023年6月30日"),
 (1, "推广政府采购合同融资。中标政府采购项目的中小企业，凭政府采购合同即可向合作银行申请融资，银行不得要求提供抵押担保。", ["区财政局"], ["冼嘉禾"], ["65113578"], "长期"),
 (2, "阶段性缓缴社会保险费。对受疫情影响生产经营出现暂时困难的中小微企业和以单位方式参保的个体工商户，可申请缓缴养老、失业、工伤三项社会保险单位缴费部分，缓缴期间免收滞纳金。", ["区人力资源和社会保障局"], ["祁振宇"], ["0878-65118842"], "2022年12月31日"),
 (2, "发放失业保险稳岗返还。对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还，大型企业按50%返还，返还资金直接拨付至企业账户，无需企业申报，实行免申即享。", ["区人力资源和社会保障局"], ["祁振宇"], ["0878-65118842"], "2022年12月31日"),
 (2, "发放一次性留工培训补助。对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元的标准发放一次性留工培训补助。", ["区人力资源和社会保障局"], ["祁振宇"], ["0878-65118842"], "2022年12月31日"),
 (2, "发放一次性扩岗补助。企业招用毕业年度高校毕业生，签订劳动合同并参加失业保险的，按每人1500元发放一次性扩岗补助。", ["区人力资源和社会保障局", "区就业服务中心"], ["祁振宇", "郦文博"], ["0878-65118842", "65118870"], "2022年12月31日"),
 (2, "支持创业担保贷款。个人创业担保贷款最高额度30万元，小微企业最高额度300万元，财政按规定给予贴息。", ["区就业服务中心"], ["郦文博"], ["65118870"], "长期"),
 (3, "稳定外贸企业经营。对参加境外展会的外贸企业，按展位费的50%补贴，单个企业每年最高10万元；对出口信用保险保费给予60%补助。", ["区商务局"], ["阮思齐"], ["0878-65116025"], "2022年12月31日"),
 (3, "减免货车通行费用。对进出云岭物流园区的ETC货车，按通行费的10%给予补贴，单车每月最高500元。", ["区交通运输局"], ["晏海宁"], ["0878-65115518"], "2022年12月31日"),
 (3, "支持道路运输企业纾困。对区内道路客运企业按车辆座位数给予每座200元运营补助，对城市公交企业给予一次性运营补贴。", ["区交通运输局", "区财政局"], ["晏海宁", "冼嘉禾"], ["0878-65115518", "65113578"], "2022年12月31日"),
 (3, "畅通物流运输通道。落实货车司机健康码全国互认，设立物流保通保畅服务专线，对重点物资运输车辆实行优先通行。", ["区交通运输局"], [""], ["12345"], "长期"),
 (4, "发放消费券。分批次发放餐饮、零售、文旅消费券，每批不少于300万元，支持商户参与满减活动，鼓励金融机构配套让利。", ["区商务局"], ["阮思齐"], ["0878-65116025"], "2022年12月31日"),
 (4, "补贴汽车消费。个人在区内购买新能源乘用车并在区内上牌的，每辆给予3000元消费补贴。", ["区商务局"], ["阮思齐"], ["0878-65116025"], "2022年12月31日"),
 (4, "扶持文旅企业。对旅行社暂退旅游服务质量保证金，对组织游客到区内A级景区游览的旅行社，按每人次20元给予奖励，单家最高10万元。", ["区文化和旅游局"], ["闵诗涵"], ["65116633"], "2022年12月31日"),
 (4, "提供政务代办服务。对企业开办、变更、注销等事项提供全程帮办代办服务，推行一窗受理、一次办结。", ["区政务服务管理局"], ["柯一鸣"], ["0878-65119001"], "长期"),
]
TOP = {2, 6, 11, 16, 21, 23}         # 序号 on the record's first line
GLUED = {3, 4, 8, 9, 12, 13, 17, 22}  # no blank line before these records
PAGES = [(1, 5), (6, 13), (14, 20), (21, 24)]
SPLIT = 13                           # its last text line after the page break
# 政策措施 cells whose title sentence stands on a line of its own (the PDF
# broke the cell after it); the number sits on that line (2 is in TOP).
TITLED = {2}
# A merged 政策类别 label pdftotext printed off its block's middle (the PDF
# centres it over the rows' heights, not over their text lines), on a line
# of its own inserted after the given line of the given record: the
# category, the record, the line.
CATAT = {0: (2, 0)}
# Column widths in characters: 序号, 政策类别, 政策措施（内容）, 责任单位,
# 联系人, 联系电话, 执行期限; starts shift by page.
WIDTH = [4, 6, 21, 9, 5, 13, 8]
GAP = int(os.environ.get("GAP", "3"))
SHIFT = [[2, 0, 0, 1, 0, 0, 1], [0, 1, 2, 0, 1, 1, 0], [3, 0, 1, 2, 0, 2, 1], [1, 2, 0, 1, 2, 0, 0]]
HEAD = ["序号", "政策类别", "政策措施（内容）", "责任单位", "联系人", "联系电话", "执行"]
HEAD2 = {6: "期限"}

def dw(s):
    return sum(1 if ord(c) < 0x2E80 else 2 for c in s)

def wrap(s, width, runs=True):
    """Wraps at a display width; Latin/number runs are kept whole."""
    toks = re.findall(r"[A-Za-z0-9%.\-]+|.", s) if runs else list(s)
    out, cur = [], ""
    for t in toks:
        if cur and dw(cur + t) > width:
            out.append(cur)
            cur = ""
        cur += t
    if cur:
        out.append(cur)
    return out

def starts(page):
    out, x = [], 0
    for c, w in enumerate(WIDTH):
        out.append(x + SHIFT[page][c])
        x += w + GAP
    return out

def centre(s, w):
    return max(0, (w - len(s)) // 2)

def place(cols, page):
    """cols: {column: text} on one physical line."""
    st = starts(page)
    line = ""
    for c in sorted(cols):
        s = cols[c]
        x = st[c]
        if c in (0, 1, 3, 4, 5, 6) and not os.environ.get("LEFT"):
            x += centre(s, WIDTH[c])
        line = line.ljust(x) if len(line) < x else line + " "
        line += s
    return line.rstrip()

def record_cells(n):
    cat, text, units, persons, phones, date = R[n - 1]
    cols = {2: wrap(text, 2 * 20)}
    if n in TITLED:
        title, rest = text.split("。", 1)
        cols[2] = [title + "。"] + wrap(rest, 2 * 20)
    ul = []
    for u in units:
        ul += wrap(u, 2 * 8, runs=False)
    cols[3] = ul
    cols[4] = [p for p in persons if p]
    cols[5] = phones if len(phones) == 2 and phones[0].endswith("-") else phones
    cols[6] = wrap(date, 12)
    if phones[0].endswith("-"):
        cols[5] = phones  # one number over two lines of its column
    return cols

def header(page):
    return [place(dict(enumerate(HEAD)), page), place(HEAD2, page)]

def main():
    head = [
        " " * 28 + "澜川市云岭区人民政府办公室",
        "",
        " " * 32 + "云政办发〔2022〕18号",
        "",
        " " * 18 + "澜川市云岭区人民政府办公室关于印发云岭区稳经济",
        " " * 20 + "促发展助企纾困政策措施清单的通知",
        "",
        "各街道办事处，区政府各部门，各有关单位：",
        "    《云岭区稳经济促发展助企纾困政策措施清单》已经区人民政府同意，现印发给你们，请结合实际认",
        "真贯彻落实。各责任单位要主动对接服务对象，简化办理流程，确保政策直达快享。",
        "",
        " " * 56 + "澜川市云岭区人民政府办公室",
        " " * 60 + "2022年6月24日",
        "",
        " " * 22 + "云岭区稳经济促发展助企纾困政策措施清单",
        # A 说明 with inline enumerations, wrapped: its "1." is no measure.
        "    说明：1.本清单共收政策措施24项，按类别排列；2.联系电话未注明区号的，区号均为" + AREA + "；3.申报材料、",
        "办理程序以各责任单位公布的办事指南为准。",
        "",
    ]
    out = list(head)
    carried = None  # the split record's last text line
    for p, (a, b) in enumerate(PAGES):
        hd = header(p)
        if p > 0:
            hd[0] = "\f" + hd[0]
        page = [dict() for _ in range(0)]
        rows = []   # per physical line: {column: fragment}
        owner = []  # per physical line: record number or 0 (blank)
        if carried:
            rows.append({2: carried})
            owner.append(a - 1)
            carried = None
        for n in range(a, b + 1):
            if rows and n not in GLUED and not os.environ.get("ALLGLUED"):
                rows.append({})
                owner.append(0)
            cols = record_cells(n)
            text = cols[2]
            h = max(len(v) for v in cols.values())
            if n == SPLIT:
                carried = text[-1]
                text = text[:-1]
                h = max(len(text), max(len(v) for c, v in cols.items() if c != 2))
            lines = [dict() for _ in range(h)]
            for i, t in enumerate(text):
                lines[i][2] = t
            for c in (3, 4, 5, 6):
                v = cols[c]
                off = (h - len(v)) // 2
                for i, t in enumerate(v):
                    lines[off + i][c] = t
            top = n in TOP if not os.environ.get("TOPS") else os.environ["TOPS"] == "all"
            lines[0 if top else (h - 1) // 2][0] = str(n)
            rows += lines
            owner += [n] * h
        # 政策类别: merged over each category's lines on the page, centred;
        # a category begun on an earlier page is not printed again.
        seen = set()
        for n in range(a, b + 1):
            cat = R[n - 1][0]
            if cat in seen:
                continue
            seen.add(cat)
            recs = [m for m in range(a, b + 1) if R[m - 1][0] == cat]
            if recs[0] > 1 and R[recs[0] - 2][0] == cat:
                continue  # continued from the page before
            idx = [i for i, o in enumerate(owner) if o in recs]
            lo, hi = idx[0], idx[-1]
            label = wrap(CATS[cat], 10, runs=False)
            off = lo + (hi - lo + 1 - len(label)) // 2
            if cat in CATAT and CATAT[cat][0] in recs:
                off = owner.index(CATAT[cat][0]) + CATAT[cat][1] + 1
                for _ in label:
                    rows.insert(off, {})
                    owner.insert(off, CATAT[cat][0])
            for i, t in enumerate(label):
                rows[off + i][1] = t
        out += hd
        out += [place(r, p) for r in rows]
        out += ["", " " * 44 + ("" if os.environ.get("NOFOOT") else "第 %d 页 共 %d 页" % (p + 1, len(PAGES)))]
    out[-2:-1] = []
    tail = [
        "    备注：表中政策措施的执行期限以原文件规定为准，国家、省、市出台新政策的，按新政策执行。",
        "",
        " " * 56 + "澜川市云岭区人民政府办公室",
        " " * 60 + "2022年6月24日",
    ]
    # The tail comes after the last page's table, before its footer.
    foot = out.pop()
    out += [""] + tail + ["", foot]
    print("\n".join(out))

main()
