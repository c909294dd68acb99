#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's guide as the tesseract hOCR
output of a scanned copy (hOCR 1.2, XHTML), one document per scanned page,
concatenated (see README.md). A small layout engine places every word in
pixels (300 dpi A4, y downward); tesseract's quirks are imitated: ids and
ppageno restart on each page, words are arbitrary chunks, the table is
emitted column by column, a stamp is read as garbage. Deterministic; run
from this directory."""

import random

R = random.Random(20220721)
W, H = 2480, 3508
LEFT, RIGHT, SIZE, PITCH = 310, 2160, 50, 74
BOTTOM = 3236
NPAGES = 4

ISSUER = "岭川市云峰区人民政府办公室"
HEAD = ISSUER + "文件"
DOCNO = "云政办发〔2022〕9号"
TITLE = ["岭川市云峰区人民政府办公室关于印发", "云峰区稳经济助企纾困政策工作指南的通知"]
GUIDE = "云峰区稳经济助企纾困政策工作指南"
TO = "各街道办事处，区直各单位："
NOTICE = ("《云峰区稳经济助企纾困政策工作指南》已经区人民政府同意，现印发给你们，请结合实际认真贯彻落实。"
          "执行中遇到的问题，请及时向区人民政府办公室反映（联系电话：3120010）。")
SIGN_DATE = "二O二二年七月二十-日"  # 二〇二二年七月二十一日 as OCR'd
INTRO = ("为深入贯彻落实国家和自治区稳住经济一揽子政策措施，帮助市场主体纾困解难，"
         "结合我区实际，制定本指南。各项政策执行期限除注明外至2022年12月31日。")

# Body: ("sec", heading) or ("m", text). Measures are numbered in order.
BODY = [
    ("sec", "一、减轻企业税费负担"),
    ("m", "2022年对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额，退税资金快速直达企业。纳税人可通过电子税务局提交退税申请，税务机关在受理后5个工作日内完成审核。（责任单位：区税务局；配合单位：区财政局）"),
    ("m", "对增值税小规模纳税人适用3%征收率的应税销售收入，免征增值税；适用3%预征率的预缴增值税项目，暂停预缴增值税。纳税人按规定自行申报享受，无需另行备案。（责任单位：区税务局）"),
    ("m", "对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，减按２５%计入应纳税所得额，按20%的税率缴纳企业所得税，在预缴和年度汇算清缴时均可享受。(责任单位:区税务局)"),
    ("m", "对受疫情影响较大、纳税确有困难的交通运输、餐饮、住宿、旅游等行业企业，依申请减免房产税、城镇土地使用税，减免期限不超过6个月，所需资料可通过电子税务局一次提交。（责任单位：区税务局；配合单位：区财政局）"),
    ("sec", "二、稳岗就业和社会保险"),
    ("m", "餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，可申请缓缴养老、失业和工伤保险单位缴费部分，缓缴期间免收滞纳全，缓缴期限最长至2022年底。企业可向社保经办机构提出申请，提交缓缴承诺书即可办理，缓缴期满后可分期补缴，补缴期间不影响参保职工享受各项社会保险待遇。（责任单位：区人社局、区税务局；配合单位：区医保局）"),
    ("m", "对不裁员或少裁员的参保企业，按大型企业上年度实际缴纳失业保险费的30%、中小微企业按90%返还，返还资金直接拨付至企业基本账户。符合条件的企业无需申报，经办机构通过大数据比对筛选后直接发放。（责任单位：区就业服务中心；配合单位：区财政局）"),
    ("m", "对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每人１５００元标准发放一次性扩岗补助，与一次性吸纳就业补贴不重复享受，企业可在招用后3个月内提出申请。（责任单位：区人社局）"),
    ("m", "2022年7月1日至12月31日，对吸纳登记失业人员就业的小微企业，按实际缴纳社会保险费的50%给予补贴，补贴期限最长12个月。（责任单位：区人社局；配合单位：区财政局）"),
    ("m", "对受疫情影响暂时无法足额缴存住房公积金的企业，可申请缓缴住房公积金，缓缴期间职工正常提取和申请贷款不受影响，缓缴期满后企业应及时足额补缴。（责任单位：岭川市住房公积金管理中心云峰管理部）"),
    ("sec", "三、减免房租降低经营成本"),
    ("m", "对承租区属国有企业经营用房的服务业小微企业和个体工商户，2022年减免３个月租金，其中位于中高风险地区的减免６个月租金。已经缴纳的租金，可在后续租期内予以抵扣。（责任单位：区国资委；配合单位：区财政局）"),
    ("m", "鼓励非国有房屋业主为服务业小微企业和个体工商户减免租金，对减免租金的业主按规定减免当年房产税、城镇土地使用税，并优先推荐申报各类扶持资金。（责任单位：区税务局；配合单位：区住建局）"),
    ("m", "对用水用电用气实行“欠费不停供”，设立6个月费用缓缴期，缓缴期间免收欠费滞纳金，企业可在缓缴期内分期补缴，供水、供电、供气企业不得因此中止服务。（责任单位：区发改局；配合单位：区城管局）"),
    ("m", "2022年区级政府采购工程项目预留面向中小企业的份额提高至40%以上，货物和服务项目的价格扣除比例提高至10%—20%。(责任单位:区财政局)"),
    ("m", "对中小微企业办理工程建设项目审批，实行容缺受理、并联审批，审批时限压缩至10个工作日以内。（责任单位：区行政审批局）"),
    ("sec", "四、加大金融支持力度"),
    ("m", "对受疫情影响较大的中小微企业贷款，鼓励银行机构合理延期还本付息，做到不抽贷、不断贷、不压贷，对符合条件的小微企业贷款实行应延尽延。（责任单位：区金融办；配合单位：人民银行云峰支行）"),
    ("m", "对新发放的普惠小微贷款，区财政按实际贷款额的1%给予贴息，单户企业年度贴息最高5万元，贴息资金按季度拨付至借款企业账户。（责任单位：区金融办、区财政局）"),
    ("m", "政府性融资担保机构对小微企业和个体工商户担保费率降至1%以下，对符合条件的担保业务给予担保费补贴。（责任单位：区融资担保公司）"),
    ("sec", "五、优化服务保障"),
    ("m", "推行惠企政策“免申即享”，对可通过数据共享确定享受对象的政策，由主管部门直接兑现，企业无需提交申请材料；确需企业申报的，申报材料压减一半以上，办理进度和结果可在政务服务网在线查询。（责任单位：区政务服务中心；配合单位：区大数据中心）"),
    ("m", "建立“一企一专员”帮扶机制，对规模以上工业企业、限额以上商贸企业和重点服务业企业逐一明确帮扶专员，每月至少走访一次，协调解决用工、用地、融资等困难。（责任单位：区工信局、区商务局）"),
    ("m", "设立区企业服务热线，对企业反映的政策落实问题实行24小时受理、限时办结、结果反馈，企业也可通过“云峰营商”小程序在线提交诉求。（责任单位：区营商环境办）"),
]

# Contacts table: 序号, 政策条款, units (lines), people (lines), phones (lines).
# Rows 2–4 share one merged 责任单位 cell (written on row 3 only).
T = [
    (1, "留抵退税", ["区税务局", "区财政局"], ["梁晓峰", "覃美玲"], ["0775-3125561", "3128802"]),
    (2, "小规模纳税人免征增值税", None, ["黄志刚"], ["12366"]),
    (3, "小微企业所得税优惠", ["区税务局"], ["莫丽华"], ["12366"]),
    (4, "房产税城镇土地使用税减免", None, ["韦建国"], ["3125573"]),
    (5, "缓缴社会保险费", ["区人社局、区税务局"], ["蒙晓燕、廖志强"], ["3136620、3125580"]),
    (6, "失业保险稳岗返还", ["区就业服务中心"], ["陆春梅"], [["0775", "-", "3140216"]]),
    (7, "一次性扩岗补助", ["区人社局"], ["蓝海波"], ["13907751234"]),
    (8, "吸纳就业社保补贴", ["区人社局"], ["蒙晓燕"], ["3136620"]),
    (9, "缓缴住房公积金", ["岭川市住房公积金管理", "中心云峰管理部"], ["罗建华"], ["3159908"]),
    (10, "国有房屋租金减免", ["区国资委"], ["覃海燕"], [["0775-312", "6645"]]),
    (11, "业主减租税收优惠", ["区税务局"], ["韦建国"], ["3125573"]),
    (12, "欠费不停供", ["区发改局"], ["卢志明"], ["3127730"]),
    (13, "政府采购预留份额", ["区财政局"], ["覃美玲"], ["3128802"]),
    (14, "容缺受理", ["区行政审批局"], ["黎秋萍"], ["15877501234"]),
    (15, "延期还本付息", ["区金融办"], ["谢文斌"], ["3126619"]),
    (16, "普惠小微贷款贴息", ["区金融办、区财政局"], ["谢文斌、覃美玲"], ["3126619、3128802"]),
    (17, "融资担保费补贴", ["区融资担保公司"], ["潘丽君"], ["rzdb@example.cn"]),
    (18, "推行免申即享", ["区政务服务中心"], ["甘丽萍"], ["3171106"]),
    (19, "一企一专员", ["区工信局", "区商务局"], ["农志勇", "邓海英"], ["3172248", "0775-3173359"]),
    (20, "企业服务热线", ["区营商环境办"], [], ["12345（24小时）"]),
]
FOOTNOTE = ("注：12345热线7×24小时受理，12366纳税服务热线服务时间为工作日9:00—17:00；"
            "其余电话服务时间为工作日上午8:00—12:00、下午15:00—17:30。")
CC = "抄送：区委办公室，区人大常委会办公室，区政协办公室。"
ISSUE = ("岭川市云峰区人民政府办公室", "2022年7月21日印发")
PRINTER = ("岭川云峰印刷厂承印", "电话：3166021")

PUNCT = set("，。、；：（）《》“”%—-()[]:;,.！？")


def is_ascii(c):
    return ord(c) < 0x80


def width(c, size):
    return size // 2 if is_ascii(c) else size


def conf(text):
    if all(c in PUNCT for c in text):
        return R.randint(62, 91)
    if R.random() < 0.035:
        return R.randint(44, 68)
    return R.randint(70, 96)


def chunks(text, number=None):
    """Cuts a line's text into OCR words: 1–5 characters, punctuation on the
    word before it, ASCII runs kept whole and often glued to a neighbour."""
    out = []
    i = 0
    if number is not None:
        # The typed number: alone, or glued to 1–3 following characters
        # (never to a digit: a year after the number is its own word).
        out.append(number)
        i = len(number)
        if i < len(text) and not text[i].isdigit() and R.random() < 0.5:
            k = R.randint(1, 3)
            out[-1] += text[i:i + k]
            i += k
    while i < len(text):
        c = text[i]
        if c == " ":
            i += 1
            continue
        if is_ascii(c) and c not in "()":
            j = i
            while j < len(text) and is_ascii(text[j]) and text[j] != " " and text[j] not in "()":
                j += 1
            w = text[i:j]
            if j < len(text) and not is_ascii(text[j]) and R.random() < 0.6:
                w += text[j]
                j += 1
            i = j
        else:
            k = R.randint(1, 5)
            j = i
            while j < len(text) and j - i < k and not (is_ascii(text[j]) and text[j] not in "()") and text[j] != " ":
                j += 1
            j = max(j, i + 1)
            w = text[i:j]
            i = j
        if out and all(ch in PUNCT for ch in w) and w not in ("（", "(", "《", "“"):
            out[-1] += w
        else:
            out.append(w)
    return [w for w in out if w]


class Line:
    def __init__(self, words, size, cls="ocr_line"):
        self.words, self.size, self.cls = words, size, cls  # words: (text, x0, y0, x1, y1, conf)

    def bbox(self):
        return (min(w[1] for w in self.words), min(w[2] for w in self.words),
                max(w[3] for w in self.words), max(w[4] for w in self.words))


def place(words, x, base, size, gaps=None):
    """Places words left to right from x on baseline base; gaps[i] is extra
    space before word i."""
    out = []
    for i, w in enumerate(words):
        if gaps and i in gaps:
            x += gaps[i]
        wd = sum(width(c, size) for c in w)
        j = R.randint(-2, 2)
        out.append((w, x, base - int(size * 0.86) + j, x + wd, base + int(size * 0.12) + j, conf(w)))
        x += wd
    return out


def wrap(text, first_x, size, right=RIGHT, left=LEFT):
    """Cuts text into lines filling left..right (the first from first_x);
    a line-end punctuation may overhang."""
    lines, cur, x = [], "", first_x
    for c in text:
        wd = width(c, size)
        if x + wd > right and cur and not (c in "，。、；：）" and x + wd <= right + size):
            lines.append(cur)
            cur, x = "", left
        cur += c
        x += wd
    if cur:
        lines.append(cur)
    return lines


def para_lines(text, base, size=SIZE, indent=True, number=None, left=LEFT, right=RIGHT):
    first = left + 2 * size + R.randint(0, 6) if indent else left + R.randint(0, 6)
    out = []
    for k, t in enumerate(wrap(text, first, size, right, left)):
        x = first if k == 0 else left + R.randint(2, 6)
        ws = chunks(t, number if k == 0 else None)
        out.append(Line(place(ws, x, base + R.randint(-1, 1), size), size))
        base += PITCH if size == SIZE else int(size * 1.45)
    return out, base


def centred(text, base, size, cls="ocr_line"):
    wd = sum(width(c, size) for c in text)
    return Line(place(chunks(text), (W - wd) // 2, base, size), size, cls)


class Page:
    def __init__(self, n):
        self.n = n
        self.areas = []  # list of pars, each a list of Lines

    def add(self, *pars):
        self.areas.append([p for p in pars if p])


def fax(n):
    words = ["2022-07-21", "15:", "42", "FROM:云峰", "区政府办", "（总机）", "3120000", "P.%d/%d" % (n, NPAGES)]
    gaps = {1: 14, 3: 14, 6: 14, 7: 30}
    return Line(place(words, 560, 88, 28, gaps), 28)


def folio(n):
    words = ["—", str(n), "—"]
    return Line(place(words, 1150, 3378, 44, {1: 16, 2: 16}), 44, "ocr_textfloat")


def build():
    pages = [Page(i + 1) for i in range(NPAGES)]
    for p in pages:
        p.add([fax(p.n)])
    p1 = pages[0]
    p1.add([centred(HEAD, 330, 96, "ocr_header")])
    p1.add([centred(DOCNO, 520, SIZE)])
    p1.add([centred(TITLE[0], 680, 66), centred(TITLE[1], 780, 66)])
    to, _ = para_lines(TO, 930, indent=False)
    notice, y = para_lines(NOTICE, 1004)
    p1.add(to, notice)
    # The stamp, read before the signature it overlaps.
    stamp = []
    for k, g in enumerate(["蠹 鬟蕊 @", "丨 颥瀚 ≡ 窶", "郾 攥"]):
        ws = g.split(" ")
        line = Line([(w, 1610 + 150 * i, 1130 + 95 * k, 1610 + 150 * i + 60 * len(w), 1190 + 95 * k, R.randint(6, 27)) for i, w in enumerate(ws)], 60)
        stamp.append(line)
    p1.add(stamp)
    sig = Line(place(chunks(ISSUER), 1500, 1290, SIZE), SIZE)
    sig.words = [(w[0], w[1], w[2], w[3], w[4], 52 if w[0].endswith("公室") else w[5]) for w in sig.words]
    dw = ["二", "O", "二二", "年七月", "二十", "-", "日"]
    date = Line(place(dw, 1590, 1364, SIZE), SIZE)
    date.words = [(w[0], w[1], w[2], w[3], w[4], 38 if w[0] in ("O", "-") else w[5]) for w in date.words]
    p1.add([sig, date])
    p1.add([centred(GUIDE, 1560, 60)])
    intro, y = para_lines(INTRO, 1680)

    # The body's flow: headings in their own area, measures 1–3 to an area.
    page, n = 0, 0
    cur = [intro]
    pages[0].areas.append(cur)
    group_left = 0
    for kind, text in BODY:
        if kind == "sec":
            y += 10
            ls, y2 = para_lines(text, y)
            if y2 > BOTTOM:
                page, y = page + 1, 260
                ls, y2 = para_lines(text, y)
            y = y2
            pages[page].add(ls)
            group_left = 0
            continue
        n += 1
        number = "%d." % n
        ls, y2 = para_lines(number + text, y, number=number)
        if group_left == 0:
            cur = []
            pages[page].areas.append(cur)
            group_left = R.randint(1, 3)
        group_left -= 1
        fit = [l for l in ls if l.words[0][4] <= BOTTOM + 20]
        if len(fit) < len(ls):
            # The measure crosses the page break: its rest opens the
            # next page, a paragraph and an area of their own.
            if fit:
                cur.append(fit)
            rest = ls[len(fit):]
            page, y = page + 1, 260
            rest2 = []
            for l in rest:
                dy = y - (l.words[0][4] - int(SIZE * 0.12))
                l.words = [(w[0], w[1], w[2] + dy, w[3], w[4] + dy, w[5]) for w in l.words]
                rest2.append(l)
                y += PITCH
            cur = [rest2]
            pages[page].areas.append(cur)
            continue
        cur.append(ls)
        y = y2
    # Page 4: the contact table, one area per column, emitted column by column.
    p4 = pages[3]
    p4.add([centred("附件", 250, SIZE)][:1])
    p4.add([centred("云峰区稳经济助企纾困政策联系表", 360, 60)])
    cols = [(280, "序号"), (390, "政策条款"), (1088, "责任单位"), (1588, "联系人"), (1915, "联系电话")]
    TS, TP = 40, 48
    rows = [(0, "政策条款", ["责任单位"], ["联系人"], ["联系电话"])] + T
    top = 460
    cells = [[] for _ in cols]  # per column: Lines
    geo = []
    for r in rows:
        nl = max(len(r[2] or [1]), len(r[3]), len(r[4]), 1)
        h = 58 + TP * (nl - 1)
        geo.append((top, h, nl))
        top += h
    for i, r in enumerate(rows):
        t, h, nl = geo[i]
        mid = t + h // 2

        def put(k, lines, centre=mid):
            n = len(lines)
            b0 = centre - (n - 1) * TP // 2 + 14
            for j, l in enumerate(lines):
                ws = l if isinstance(l, list) else chunks(l)
                gaps = {1: 20} if isinstance(l, list) and len(l) == 2 else None
                x = cols[k][0] + (R.randint(0, 8) if k else (20 if len(str(l)) == 1 else 6))
                cells[k].append(Line(place(ws, x, b0 + j * TP, TS, gaps), TS))

        put(0, ["序号" if i == 0 else str(r[0])])
        put(1, [r[1]])
        if r[2] is not None:
            if i == 3:  # merged over rows 2–4: centred on row 3
                put(2, r[2], (geo[2][0] + geo[4][0] + geo[4][1]) // 2)
            else:
                put(2, r[2])
        if r[3]:
            put(3, r[3])
        put(4, r[4])
    for k, lines in enumerate(cells):
        cut = sorted(R.sample(range(3, len(lines) - 2), R.randint(1, 2)))
        pars, last = [], 0
        for c in cut + [len(lines)]:
            pars.append(lines[last:c])
            last = c
        p4.add(*pars)
    y = top + 80
    fn, y = para_lines(FOOTNOTE, y, size=40, indent=False, left=280, right=2225)
    p4.add(fn)
    y += 120
    p4.add([Line(place(chunks(CC), 330, y, 44), 44)])
    y += 80
    issue = chunks(ISSUE[0]) + chunks(ISSUE[1])
    p4.add([Line(place(issue, 330, y, 44, {len(chunks(ISSUE[0])): 620}), 44)])
    y += 80
    pr = chunks(PRINTER[0]) + chunks(PRINTER[1])
    p4.add([Line(place(pr, 330, y, 44, {len(chunks(PRINTER[0])): 700}), 44)])
    for p in pages:
        p.add([folio(p.n)])
    return pages


def bb(b):
    return "bbox %d %d %d %d" % b


def write(pages):
    out = []
    for p in pages:
        o = []
        o.append('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
                 '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
                 '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n  <title></title>\n'
                 '  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n'
                 "  <meta name='ocr-system' content='tesseract 4.1.1' />\n"
                 "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>\n"
                 ' </head>\n <body>\n')
        o.append("  <div class='ocr_page' id='page_1' title='image \"page_%d.png\"; bbox 0 0 %d %d; ppageno 0'>\n" % (p.n, W, H))
        bi = pi = li = wi = 0
        for area in p.areas:
            if not area or not any(area):
                continue
            bi += 1
            al = [l for par in area for l in par]
            ab = (min(l.bbox()[0] for l in al), min(l.bbox()[1] for l in al), max(l.bbox()[2] for l in al), max(l.bbox()[3] for l in al))
            o.append("   <div class='ocr_carea' id='block_1_%d' title=\"%s\">\n" % (bi, bb(ab)))
            for par in area:
                if not par:
                    continue
                pi += 1
                pb = (min(l.bbox()[0] for l in par), min(l.bbox()[1] for l in par), max(l.bbox()[2] for l in par), max(l.bbox()[3] for l in par))
                o.append("    <p class='ocr_par' id='par_1_%d' lang='chi_sim' title=\"%s\">\n" % (pi, bb(pb)))
                for l in par:
                    li += 1
                    b = l.bbox()
                    o.append("     <span class='%s' id='line_1_%d' title=\"%s; baseline 0.001 -%d; x_size %d; x_descenders %d; x_ascenders %d\">\n"
                             % (l.cls, li, bb(b), int(l.size * 0.14), l.size, int(l.size * 0.14), int(l.size * 0.24)))
                    for w in l.words:
                        wi += 1
                        t = w[0].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        o.append("      <span class='ocrx_word' id='word_1_%d' title='bbox %d %d %d %d; x_wconf %d'>%s</span>\n" % (wi, w[1], w[2], w[3], w[4], w[5], t))
                    o.append("     </span>\n")
                o.append("    </p>\n")
            o.append("   </div>\n")
        o.append("  </div>\n </body>\n</html>\n")
        out.append("".join(o))
    return "".join(out)


if __name__ == "__main__":
    pages = build()
    # The misread 金 (滞纳金 → 滞纳全) in measure 5.
    text = write(pages)
    with open("guide.txt", "w", encoding="utf-8") as f:
        f.write(text)
