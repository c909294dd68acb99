#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's guide as the page-content files
of an OFD (GB/T 33190) document (Doc_0/Pages/Page_N/Content.xml), each with
its own XML declaration, concatenated into one text (see README.md).
A small layout engine places every glyph (mm, y downward, TextCode Y the
baseline), then each page's objects are emitted in an order of its own.
Deterministic; run from this directory."""

ISSUER = "赣州市章贡区人民政府办公室"
DOCNO = "章府办发〔2022〕21号"
TITLE = ["赣州市章贡区人民政府办公室关于印发章贡区", "助企纾困稳增长若干措施的通知"]

# Measures: (section or None, lead, body, duty units).
M = []
def sec(h):
    M.append(("sec", h))
def m(lead, body, duty):
    M.append(("m", lead, body, duty))

sec("一、减轻企业税费负担")
m("落实留抵退税政策。", "对符合条件的小微企业和制造业企业，按月全额退还增量留抵税额，存量留抵税额在2022年6月30日前一次性退还，退税资金当日到账。", "区税务局、区财政局")
m("减征“六税两费”。", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税等税费，执行至2024年12月31日。", "区税务局")
m("延缓缴纳部分税费。", "对制造业中小微企业依法延缓缴纳2022年第二季度部分税费，延缓期限为6个月，延缓期间不加收滞纳金。", "区税务局")
m("减免政府性基金。", "对小微企业免征残疾人就业保障金，2022年减半征收文化事业建设费，由区财政局会同相关部门统一组织实施，企业无需申请。", "区财政局、区残联")
sec("二、降低企业经营成本")
m("阶段性缓缴社会保险费。", "对餐饮、零售、旅游、公路水路铁路运输等特困行业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金，缓缴期限至2022年12月31日。", "区人社局、区社保中心、区税务局")
m("发放一次性留工培训补助。", "对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元的标准发放一次性留工培训补助，同一企业只享受一次。", "区人社局、区就业创业服务中心")
m("减免国有房屋租金。", "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免3个月租金；所在县级行政区域内有中高风险地区的，减免6个月租金。", "区国资中心、区机关事务服务中心")
m("降低水电气成本。", "对中小微企业和个体工商户生产经营所需用水、用电、用气实行“欠费不停供”，设立6个月费用缓缴期，缓缴期间免收欠费滞纳金。", "区发改局、章贡供电公司、区水务公司、区燃气公司")
sec("三、加大金融支持力度")
m("扩大普惠小微贷款。", "引导辖区银行机构扩大普惠小微贷款投放，对受疫情影响的中小微企业贷款应延尽延，2022年普惠小微贷款增速不低于各项贷款增速。", "区金融办、人行章贡支行")
m("降低融资担保费率。", "区融资担保公司对小微企业和个体工商户的担保费率降至1%以下，对单户担保金额500万元及以下的，免收担保费。", "区金融办、区融资担保&转贷中心")
m("设立应急转贷资金。", "设立2亿元应急转贷资金，为到期贷款续贷困难的中小微企业提供过桥资金，日费率不超过0.1‰。", "区融资担保&转贷中心")
sec("四、提振消费优化服务")
m("发放消费券。", "分批次发放总额1000万元的电子消费券，重点支持餐饮、零售、住宿、文旅等行业，活动期间每周五上午10:00在“章贡发布”APP投放。", "区商务局、区文广新旅局")
m("支持外贸企业稳订单。", "对2022年进出口额同比增长的外贸企业，按增量部分给予每美元0.02元奖励，单个企业最高不超过50万元。", "区商务局")
m("优化涉企审批服务。", "推行“一网通办”和“帮办代办”，企业开办1个工作日内办结，工程建设项目审批时限压减至60个工作日以内。", "区行政审批局、区住建局")

INTRO = "各镇人民政府、街道办事处，区直各有关单位：经区政府同意，现将《章贡区助企纾困稳增长若干措施》印发给你们，请认真贯彻落实。各牵头单位要在本通知印发之日起10个工作日内制定实施细则，确保政策尽快落地见效。"
CLOSING = "各责任单位要主动靠前服务，确保政策直达市场主体。企业对政策有疑问的，可在工作日8:30—12:00，14:30—17:30拨打区优化营商环境办公室电话0797-8235071咨询。本措施自印发之日起施行，有效期至2022年12月31日。"

# Contacts table: unit, 科室, person, phones (one per line), measures (as written).
T = [
    ("区税务局", "货物和劳务税科", "钟立群", ["0797-8211046"], "1、2"),
    ("区税务局", "纳税服务科", "—", ["12366"], "3"),
    ("区税务局", "征收管理科", "赖晓东", ["8211052"], "2、3、5"),
    ("区财政局", "综合科", "曾丽华", ["0797-8226310"], "1、4"),
    ("区残联", "就业服务科", "刘文斌", ["0797-8240159"], "4"),
    ("区社保中心", "征缴稽核科", "谢雨晴", ["0797-8253307", "13907971268"], "5"),
    ("区就业创业服务中心", "", "黄振宇", ["0797－8262214"], "6"),
    ("区国资中心", "资产管理科", "温海燕", ["0797-8270581"], "7"),
    ("区机关事务服务中心", "房产管理科", "邱子豪", ["8273390"], "7"),
    ("章贡供电公司", "营销部", "朱建平", ["0797-8281165", "95598"], "8"),
    ("区燃气公司", "抢修值班室", "—", ["0797-8288119"], "8"),
    ("区金融办", "金融服务科", "廖春梅", ["0797-8297420", "13879712056"], "9、10—11"),
    ("区融资担保&转贷中心", "业务部", "罗国栋", ["18979735524"], "10、11"),
    ("区商务局", "商贸流通科", "钟晓燕", ["0797-8310246"], "12"),
    ("区商务局", "对外贸易科", "叶思远", ["zgwmk@163.com"], "13"),
    ("区行政审批局", "政务服务科", "胡婷婷", ["0797-8325518"], "1、5—7、12—14"),
]

SIZE = 5.6444
LEFT, RIGHT = 28.0, 184.0
CELLS = 27
STEP = 10.2

def isascii(c):
    return ord(c) < 128

def fmt(v):
    s = ("%.4f" % v).rstrip("0").rstrip(".")
    return s if s != "-0" else "0"

# A glyph: (char, font, bold, x); a line: dict(y, glyphs, size, kind).
pages = [[]]  # per page: list of items: ("line", dict) / ("path", dict) / ("image", dict)

def wrap(cells, first_indent):
    """Split a list of (char, font, bold) into lines of CELLS cells; the
    first line starts after first_indent cells. Returns [(indent, cells, full)]."""
    out = []
    cur, w, ind = [], first_indent, first_indent
    for c in cells:
        cw = 0.5 if isascii(c[0]) else 1
        if w + cw > CELLS:
            out.append((ind, cur, True))
            cur, w, ind = [], 0, 0
        cur.append(c)
        w += cw
    if cur:
        out.append((ind, cur, False))
    return out

def place(indent, cells, full, size=SIZE):
    """x positions: a full line is justified to RIGHT."""
    units = sum(0.5 if isascii(c[0]) else 1 for c in cells)
    adv = (RIGHT - LEFT - indent * size) / units if full else size
    x = LEFT + indent * size
    out = []
    for c in cells:
        out.append((c[0], c[1], c[2], x))
        x += adv * (0.5 if isascii(c[0]) else 1)
    return out

def styled(text, font, bold=False):
    """Cells of text in font; ASCII runs in Font 5 (Times New Roman)."""
    return [(ch, 5 if isascii(ch) and font in (3, 7) else font, bold) for ch in text]

y = 0.0
def newpage():
    global y
    pages.append([])
    y = 43.2

def addline(glyphs, kind, size=SIZE, tag=None):
    global y
    if y > 257.45:
        newpage()
    pages[-1].append(("line", dict(y=y, glyphs=glyphs, size=size, kind=kind, tag=tag)))
    y += STEP

def paragraph(cells, kind, indent=2, tag=None):
    for ind, cs, full in wrap(cells, indent):
        addline(place(ind, cs, full), kind, tag=tag)

# Page 1 head.
pages[0].append(("line", dict(y=62.0, glyphs=place(0, styled("章贡区人民政府办公室文件", 6), False, 0) , size=15.5, kind="red", tag=None)))
# re-place the red header centred, spaced
red = "赣州市章贡区人民政府办公室文件"
adv = 10.0
x0 = (210 - adv * len(red)) / 2
pages[0][-1] = ("line", dict(y=62.0, glyphs=[(c, 6, False, x0 + i * adv) for i, c in enumerate(red)], size=15.5, kind="red", tag=None))
dn = styled(DOCNO, 3)
x0 = (210 - SIZE * sum(0.5 if isascii(c[0]) else 1 for c in dn)) / 2
pages[0].append(("line", dict(y=80.0, glyphs=place(0, dn, False) and [(c[0], c[1], c[2], x0 + SIZE * sum(0.5 if isascii(d[0]) else 1 for d in dn[:i])) for i, c in enumerate(dn)], size=SIZE, kind="docno", tag=None)))
pages[0].append(("path", dict(box=(28, 86.2, 156, 1), data="M 0 0 L 156 0", width=0.7, color="255 0 0")))
ty = 101.6
for t in TITLE:
    ts = 7.7611
    x0 = (210 - ts * len(t)) / 2
    pages[0].append(("line", dict(y=ty, glyphs=[(c, 6, False, x0 + i * ts) for i, c in enumerate(t)], size=ts, kind="title", tag=None)))
    ty += 10.8
y = ty + 3.0
addr, intro = INTRO.split("：", 1)
paragraph(styled(addr + "：", 3), "body", indent=0)
paragraph(styled(intro, 3), "body")
sec_heads = []
for item in M:
    if item[0] == "sec":
        paragraph(styled(item[1], 4), "head", tag="bold")
        continue
    _, lead, body, duty = item
    n = sum(1 for it in M[:M.index(item) + 1] if it[0] == "m")
    cells = styled("%d." % n, 5, True) + styled(lead, 3, True) + styled(body, 3)
    paragraph(cells, "measure", tag=n)
    paragraph(styled("责任单位：" + duty, 7), "duty", tag=n)
paragraph(styled(CLOSING, 3), "body")
paragraph(styled("附：章贡区助企纾困政策措施联系人名单", 3), "body", indent=0)

# The table on a page of its own.
COLS = [0, 11, 44, 76, 94, 128, 156]  # offsets from LEFT
HEAD = ["序号", "责任单位", "科室", "联系人", "联系电话", "对应措施"]
TS = 4.2333
def cell_lines(text, width):
    if not text:
        return []
    per = int((width - 1.0) / TS)
    lines, cur, w = [], "", 0
    for ch in text:
        cw = 0.5 if isascii(ch) else 1
        if w + cw > per:
            lines.append(cur)
            cur, w = "", 0
        cur += ch
        w += cw
    lines.append(cur)
    return lines

def table_page():
    newpage()
    pages[-1].append(("line", dict(y=40.0, glyphs=[], size=TS, kind="none", tag=None)))
    pages[-1].pop()

ty = y - STEP + 6.0
rows = [(HEAD, True)] + [([str(i + 1), r[0], r[1], r[2], "\n".join(r[3]), r[4]], False) for i, r in enumerate(T)]
top = ty
hrules = []
def flush_rules(bottom):
    pages[-1].append(("path", dict(box=(LEFT, top, 156, bottom - top), data=" ".join("M %s 0 L %s %s" % (fmt(c), fmt(c), fmt(bottom - top)) for c in COLS), width=0.25, color=None)))
    for hy, w in hrules:
        pages[-1].append(("path", dict(box=(LEFT, hy, 156, 1), data="M 0 0 L 156 0", width=w, color=None)))
    pages[-1].append(("path", dict(box=(LEFT, bottom, 156, 1), data="M 0 0 L 156 0", width=0.5, color=None)))

for ri, (cells, head) in enumerate(rows):
    lines = []
    for k, c in enumerate(cells):
        w = COLS[k + 1] - COLS[k]
        ls = []
        for part in c.split("\n"):
            ls += cell_lines(part, w)
        lines.append(ls)
    n = max(len(l) for l in lines)
    h = 8.0 + 5.4 * (n - 1)
    if ty + h > 262 and not head:
        flush_rules(ty)
        newpage()
        top = ty = 36.0
        hrules = []
        # the header again
        rows_again = [(HEAD, True)]
        for hc, _ in rows_again:
            hrules.append((ty, 0.5))
            for k, c in enumerate(hc):
                w = COLS[k + 1] - COLS[k]
                x = LEFT + COLS[k] + (w - TS * len(c)) / 2
                pages[-1].append(("line", dict(y=ty + 5.5, glyphs=[(ch, 4, False, x + i * TS) for i, ch in enumerate(c)], size=TS, kind="cell", tag=(0, k))))
            ty += 8.0
    hrules.append((ty, 0.5 if head else 0.25))
    for k, ls in enumerate(lines):
        w = COLS[k + 1] - COLS[k]
        first = ty + 5.5 + 5.4 * (n - len(ls)) / 2
        for j, l in enumerate(ls):
            lw = TS * sum(0.5 if isascii(ch) else 1 for ch in l)
            x = LEFT + COLS[k] + (w - lw) / 2
            xs, gl = x, []
            for ch in l:
                f = 4 if head else (5 if isascii(ch) else 3)
                gl.append((ch, f, False, xs))
                xs += TS * (0.5 if isascii(ch) else 1)
            pages[-1].append(("line", dict(y=first + 5.4 * j, glyphs=gl, size=TS, kind="cell", tag=(ri, k))))
    ty += h
flush_rules(ty)

# After the table: signature, date, seal, 版记.
y = ty + 22
def right(text, yy, size=SIZE, font=3, margin=RIGHT - 4 * SIZE):
    cs = styled(text, font)
    w = size * sum(0.5 if isascii(c[0]) else 1 for c in cs)
    x = margin - w
    gl = []
    for c in cs:
        gl.append((c[0], c[1], c[2], x))
        x += size * (0.5 if isascii(c[0]) else 1)
    pages[-1].append(("line", dict(y=yy, glyphs=gl, size=size, kind="sig", tag=None)))
right(ISSUER, y)
right("2022年6月24日", y + STEP, margin=RIGHT - 6 * SIZE)
pages[-1].append(("image", dict(box=(118.5, y - 30, 42, 42))))
pages[-1].append(("line", dict(y=y + 2 * STEP, glyphs=place(2, styled("（此件公开发布）", 3), False), size=SIZE, kind="body", tag=None)))
by = 252.0
pages[-1].append(("path", dict(box=(LEFT, by - 6, 156, 1), data="M 0 0 L 156 0", width=0.5, color=None)))
cc = styled("抄送：区委办公室，区人大常委会办公室，区政协办公室。", 3)
pages[-1].append(("line", dict(y=by, glyphs=place(1, cc, False, 4.9389) if False else [(c[0], c[1], c[2], LEFT + 4.9389 + 4.9389 * sum(0.5 if isascii(d[0]) else 1 for d in cc[:i])) for i, c in enumerate(cc)], size=4.9389, kind="banji", tag=None)))
pages[-1].append(("path", dict(box=(LEFT, by + 3, 156, 1), data="M 0 0 L 156 0", width=0.25, color=None)))
left = styled(ISSUER, 3)
rt = styled("2022年6月27日印发", 3)
gl = [(c[0], c[1], c[2], LEFT + 4.9389 + 4.9389 * i) for i, c in enumerate(left)]
rw = 4.9389 * sum(0.5 if isascii(c[0]) else 1 for c in rt)
x = RIGHT - 4.9389 - rw
for c in rt:
    gl.append((c[0], c[1], c[2], x))
    x += 4.9389 * (0.5 if isascii(c[0]) else 1)
pages[-1].append(("line", dict(y=by + 9.6, glyphs=gl, size=4.9389, kind="banji", tag=None)))
pages[-1].append(("path", dict(box=(LEFT, by + 12, 156, 1), data="M 0 0 L 156 0", width=0.5, color=None)))

# Page numbers and the running header.
for i, p in enumerate(pages):
    num = "—\u2002%d\u2002—" % (i + 1)
    ps = 4.9389
    w = ps * 3
    x = RIGHT - 8 - w if i % 2 == 0 else LEFT + 8
    p.append(("line", dict(y=272.1, glyphs=[(c, 8, False, x + j * ps) for j, c in enumerate(num)], size=ps, kind="pageno", tag=None)))
    if i > 0:
        hd = "章贡区助企纾困稳增长若干措施"
        p.insert(0, ("line", dict(y=20.5, glyphs=[(c, 3, False, 105 - 4.2333 * len(hd) / 2 + j * 4.2333) for j, c in enumerate(hd)], size=4.2333, kind="runhead", tag=None)))

# Objects: a line becomes one TextObject per font/weight run.
def deltas(xs):
    d = [round(xs[i + 1] - xs[i], 4) for i in range(len(xs) - 1)]
    if not d:
        return None
    if all(abs(v - d[0]) < 1e-4 for v in d):
        return "g %d %s" % (len(d), fmt(d[0])) if len(d) > 1 else fmt(d[0])
    out, i = [], 0
    while i < len(d):
        j = i
        while j < len(d) and abs(d[j] - d[i]) < 1e-4:
            j += 1
        out.append("g %d %s" % (j - i, fmt(d[i])) if j - i > 2 else " ".join([fmt(d[i])] * (j - i)))
        i = j
    return " ".join(out)

PARA = {3, 12, 14}  # measures whose body is one paragraph object (one TextCode per line)
SPLIT = {2, 6, 12}  # measures whose first plain run carries a second TextCode after "，"

def esc(s, page):
    s = s.replace("&", "&amp;").replace("<", "&lt;")
    if page % 2 == 0:
        s = s.replace("、", "&#x3001;")
    return s

def runs(line):
    out = []
    for g in line["glyphs"]:
        if out and out[-1]["font"] == g[1] and out[-1]["bold"] == g[2]:
            out[-1]["g"].append(g)
        else:
            out.append(dict(font=g[1], bold=g[2], g=[g]))
    return out

def textobj(r, y, size, page, color=None, codes=None):
    xs = [g[3] for g in r["g"]]
    bx = xs[0]
    top = y - size * 0.88 - (0.175 if r["font"] == 5 else 0)
    w = xs[-1] - bx + size
    attrs = 'Boundary="%s %s %s %s" Font="%d" Size="%s"' % (fmt(bx), fmt(top), fmt(w), fmt(size * 1.2), r["font"], fmt(size))
    if r["bold"]:
        attrs += ' Weight="700"'
    kids = ""
    if color:
        kids += '<ofd:FillColor Value="%s"/>' % color
    if codes is None:
        codes = [r["g"]]
    for gs in codes:
        d = deltas([g[3] for g in gs])
        kids += '<ofd:TextCode X="%s" Y="%s"%s>%s</ofd:TextCode>' % (
            fmt(gs[0][3] - bx), fmt(y - top), ' DeltaX="%s"' % d if d else "", esc("".join(g[0] for g in gs), page))
    return dict(kind="text", attrs=attrs, kids=kids, font=r["font"], bold=r["bold"], y=y, x=bx)

objs = []
for pi, p in enumerate(pages):
    po = []
    para = {}  # measure → its paragraph object on this page
    for kind, it in p:
        if kind == "path":
            bx = it["box"]
            kids = ('<ofd:StrokeColor Value="%s"/>' % it["color"] if it["color"] else "") + "<ofd:AbbreviatedData>%s</ofd:AbbreviatedData>" % it["data"]
            po.append(dict(kind="path", attrs='Boundary="%s %s %s %s" LineWidth="%s"' % (fmt(bx[0]), fmt(bx[1]), fmt(bx[2]), fmt(bx[3]), fmt(it["width"])), kids=kids, font=0, bold=False, y=bx[1]))
            continue
        if kind == "image":
            bx = it["box"]
            po.append(dict(kind="image", attrs='Boundary="%s %s %s %s" CTM="42 0 0 42 0 0" ResourceID="77"' % tuple(fmt(v) for v in bx), kids="", font=0, bold=False, y=bx[1]))
            continue
        if not it["glyphs"]:
            continue
        rs = runs(it)
        color = "255 0 0" if it["kind"] == "red" else None
        if it["kind"] == "measure" and it["tag"] in PARA:
            # The measure's plain text on this page: one paragraph object,
            # its digits kept in the body font.
            fixed = []
            for r in rs:
                if r["bold"]:
                    fixed.append(r)
                elif fixed and not fixed[-1]["bold"]:
                    fixed[-1]["g"] += [(g[0], 3, False, g[3]) for g in r["g"]]
                else:
                    fixed.append(dict(font=3, bold=False, g=[(g[0], 3, False, g[3]) for g in r["g"]]))
            for r in fixed:
                if r["bold"]:
                    po.append(textobj(r, it["y"], it["size"], pi))
                    continue
                key = it["tag"]
                if key not in para:
                    para[key] = dict(lines=[], obj=None)
                    po.append(dict(kind="para", key=key, font=3, bold=False, y=it["y"]))
                para[key]["lines"].append((it["y"], r["g"]))
            continue
        for r in rs:
            codes = None
            if it["kind"] == "measure" and it["tag"] in SPLIT and r["font"] == 3 and not r["bold"]:
                txt = "".join(g[0] for g in r["g"])
                k = txt.find("，")
                if 0 < k < len(txt) - 1:
                    codes = [r["g"][:k + 1], r["g"][k + 1:]]
            o = textobj(r, it["y"], it["size"], pi, color, codes)
            o["line"] = it["kind"]
            po.append(o)
    # paragraph objects: Boundary from LEFT over all their lines
    for i, o in enumerate(po):
        if o["kind"] != "para":
            continue
        lines = para[o["key"]]["lines"]
        top = lines[0][0] - SIZE * 0.88
        kids = ""
        for ly, gs in lines:
            d = deltas([g[3] for g in gs])
            kids += '<ofd:TextCode X="%s" Y="%s"%s>%s</ofd:TextCode>' % (fmt(gs[0][3] - LEFT), fmt(ly - top), ' DeltaX="%s"' % d if d else "", esc("".join(g[0] for g in gs), pi))
        h = lines[-1][0] - lines[0][0] + SIZE * 1.2
        po[i] = dict(kind="text", attrs='Boundary="%s %s %s %s" Font="3" Size="%s"' % (fmt(LEFT), fmt(top), fmt(RIGHT - LEFT), fmt(h), fmt(SIZE)), kids=kids, font=3, bold=False, y=lines[0][0])
    # Emission order, page by page (none of it reading order but page 1).
    pn = [o for o in po if o.get("line") == "pageno"]
    rest = [o for o in po if o.get("line") != "pageno"]
    cells = [o for o in rest if o.get("line") == "cell"]
    cells.sort(key=lambda o: (sum(1 for c in COLS if LEFT + c <= o["x"]), o["y"]))
    paths = [o for o in rest if o["kind"] == "path"]
    other = [o for o in rest if o.get("line") != "cell" and o["kind"] != "path"]
    if pi == 1:
        po = pn + list(reversed(rest))  # bottom up, the page number first
    elif pi == 2:
        po = [o for o in rest if o["font"] == 5] + [o for o in rest if o["font"] != 5] + pn  # ASCII runs first
    elif cells and pi < len(pages) - 1:
        # bold objects first, then the rest, the table's cells column by
        # column after its rules
        po = [o for o in other if o["bold"] or o["font"] == 4] + [o for o in other if not (o["bold"] or o["font"] == 4)] + paths + cells + pn
    elif cells:
        po = pn + cells + other + paths
    else:
        po = rest + pn
    objs.append(po)

out = []
oid = 1
for pi, po in enumerate(objs):
    layer = oid
    oid += 1
    body = []
    for o in po:
        tag = {"text": "TextObject", "path": "PathObject", "image": "ImageObject"}[o["kind"]]
        if o["kids"]:
            body.append('<ofd:%s ID="%d" %s>%s</ofd:%s>' % (tag, oid, o["attrs"], o["kids"], tag))
        else:
            body.append('<ofd:%s ID="%d" %s/>' % (tag, oid, o["attrs"]))
        oid += 1
    out.append('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Doc_0/Pages/Page_%d/Content.xml -->\n<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">\n<ofd:Template TemplateID="2" ZOrder="Background"/>\n%s<ofd:Area>\n<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>\n</ofd:Area>\n<ofd:Content>\n<ofd:Layer ID="%d" Type="Body">\n%s\n</ofd:Layer>\n</ofd:Content>\n</ofd:Page>\n' % (
        pi, "<ofd:PageRes>PageRes.xml</ofd:PageRes>\n" if pi == len(objs) - 1 else "", layer, "\n".join(body)))
open("guide.txt", "w", encoding="utf-8").write("".join(out))

if __name__ == "__main__" and __import__("sys").argv[1:] == ["dump"]:
    for i, p in enumerate(pages):
        print("=== page", i + 1)
        for kind, it in p:
            if kind == "line":
                print("%6.1f %-8s %s" % (it["y"], it["kind"], "".join(g[0] for g in it["glyphs"])))
