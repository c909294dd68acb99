#!/usr/bin/env python3
"""Writes guide.txt: the RTF source of a Word document (another writer's
settings than Word 2003's: \\uc1 by default, rows defined once before their
cells) holding draft below. Run: python3 make_rtf.py > guide.txt"""
import random

random.seed(7)

TITLE = "黔川市松溪区稳增长惠企政策措施实施细则"
HEAD = [
    ("title", TITLE),
    ("center", "松溪区促进经济稳增长工作领导小组办公室"),
    ("center", "2022年8月"),
    ("p", "为推动国家和省稳增长一揽子政策在我区落地见效，现将具体措施明确如下。各条联系人见各部分末尾的联系表，个别条目的联系方式列在条文中。本细则所列电话区号均为0851。"),
]
# (section, [(title, body, [inline lines]), ...], table rows)
SECTIONS = [
    ("一、财税支持", [
        ("第一条", "缓缴房产税。", "对受疫情影响缴纳房产税确有困难的中小微企业，可申请缓缴2022年第三季度房产税，缓缴期限最长不超过3个月。", []),
        ("第二条", "“两费”减免。", "对小型微利企业按50%幅度减征城市维护建设税和教育费附加，执行期限为2022年1月1日至2022年12月31日。", []),
        ("第三条", "政府采购预付款。", "政府采购合同预付款比例提高至合同金额的40%—60%。", ["联系单位：区财政局采购办", "咨询电话：0851-86231177"]),
        ("第四条", "稳岗补贴。", "对不裁员或少裁员的参保企业发放稳岗补贴", []),
    ], [
        ("1", "缓缴房产税", ["区税务局"], ["罗建新"], ["0851-86230412"]),
        ("2", "两费减免", ["区税务局", "区财政局"], ["罗建新", "彭玉"], ["0851-86230412", "86231150"]),
        ("3", "稳岗补贴", ["区人力社保局"], ["龙婷"], ["0851-86234460"]),
    ]),
    ("二、金融服务", [
        ("第五条", "应急转贷。", "区转贷基金为中小微企业提供续贷过桥资金，单笔最高500万元。", []),
        ("第六条", "首贷培植。", "通过“松溪金融服务平台”（www.sxjr.example.cn）发布融资需求，银行2个工作日内对接。", []),
        ("第七条", "担保降费。", "区融资担保公司对小微企业担保费率降至1%以下，执行至2022年12月31日。", []),
    ], [
        ("1", "应急转贷", ["区金融服务中心"], ["杨柳"], ["0851-86239011"]),
        ("2", "首贷培植", ["人行松溪支行", "区金融服务中心"], ["石磊", "杨柳"], ["0851-86225560", "0851-86239011"]),
        ("3", "担保降费", ["区融资担保公司"], ["吴丹"], ["0851-86227789"]),
    ]),
    ("三、消费和就业", [
        ("第八条", "消费券发放。", "分批发放餐饮、零售消费券，对参与商户按核销金额给予补贴。", []),
        ("第九条", "一次性扩岗补助。", "企业招用毕业年度高校毕业生的，按每人1000元发放一次性扩岗补助", []),
        ("第十条", "投诉举报。", "企业遇到违规收费可随时投诉。", ["咨询电话：12345"]),
    ], [
        ("1", "消费券发放", ["区商务局"], ["田甜"], ["0851-86228810"]),
        ("2", "一次性扩岗补助", ["区就业局"], ["潘强"], ["0851-86234477"]),
    ]),
]
FOOTNOTE = (4, "稳岗补贴政策执行至2022年12月31日，大型企业按30%返还。")
UNICODE_UC0 = {"第五条"}      # \uc0 \uN: no fallback at all
UNICODE_UC2 = {"第八条"}      # \uc2 \uN\'xx\'xx inside the run's group


def gbk(s):
    out = []
    for ch in s:
        if ch == "“":
            out.append("\\ldblquote ")
        elif ch == "”":
            out.append("\\rdblquote ")
        elif ch == "—":
            out.append("\\emdash ")
        elif ord(ch) < 128:
            out.append({"\\": "\\\\", "{": "\\{", "}": "\\}"}.get(ch, ch))
        else:
            out.append("".join("\\'%02x" % b for b in ch.encode("gbk")))
    return "".join(out)


def uni(s, uc):
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
            continue
        n = ord(ch)
        if n > 32767:
            n -= 65536
        if uc == 0:
            out.append("\\u%d " % n)
        else:
            out.append("\\u%d%s" % (n, "".join("\\'%02x" % b for b in ch.encode("gbk"))))
    return "".join(out)


def runs(s, enc=gbk, bold=False):
    """The text cut into formatting groups at random points."""
    out, i = [], 0
    while i < len(s):
        j = min(len(s), i + random.randint(3, 12))
        b = "\\b" if bold else ""
        out.append("{\\f1\\fs32%s\\insrsid%d %s}" % (b, random.randint(1000000, 9999999), enc(s[i:j])))
        i = j
    return "".join(out)


def para(body, center=False):
    q = "\\qc" if center else "\\qj\\fi640"
    return "\\pard\\plain %s\\sl560\\slmult1 %s{\\f1\\fs32 \\par }\n" % (q, body)


def table(rows):
    out = []
    head = ["序号", "政策措施", "牵头单位", "联系人", "联系电话"]
    defs = "\\trowd\\trgaph108\\trleft-108\\cellx700\\cellx3600\\cellx5800\\cellx7000\\cellx8800"
    for k, r in enumerate([head] + rows):
        cells = []
        for c in r:
            if isinstance(c, list):
                # Units, people and phones one a line: the second phone
                # cell as two paragraphs, the others with \line.
                if c and c[0][:1].isdigit():
                    cells.append("\\par ".join(runs(x) for x in c))
                else:
                    cells.append("{\\f1\\fs24\\line}".join(runs(x) for x in c))
            else:
                cells.append(runs(c, bold=k == 0))
        out.append(defs + "\n" + "".join("\\pard\\plain\\intbl\\qc %s\\cell " % c for c in cells) + "\\row\n")
    return "".join(out) + "\\pard\\plain\n"


def wrap(s, width=180):
    lines = []
    for raw in s.split("\n"):
        while len(raw) > width:
            cut = width
            # Never inside a control word or an escape.
            while cut > 0 and raw[cut - 1] not in " }":
                cut -= 1
            if cut == 0:
                cut = width
            lines.append(raw[:cut])
            raw = raw[cut:]
        lines.append(raw)
    return "\n".join(lines)


def main():
    doc = ["{\\rtf1\\ansi\\ansicpg936\\uc1\\deff0\\deflang1033\\deflangfe2052"]
    doc.append("{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}{\\f1\\fnil\\fcharset134\\fprq2 %s{\\*\\falt SimSun};}{\\f2\\fnil\\fcharset134 %s;}}" % (gbk("宋体"), gbk("黑体")))
    doc.append("{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;}")
    doc.append("{\\stylesheet{\\qj\\f1\\fs21 \\snext0 %s;}{\\s1\\f2\\fs32 \\sbasedon0 %s;}}" % (gbk("正文"), gbk("标题 1")))
    doc.append("{\\info{\\title %s}{\\author %s}{\\creatim\\yr2022\\mo8\\dy3\\hr10\\min5}}" % (gbk(TITLE), gbk("区稳增长办")))
    doc.append("\\paperw11906\\paperh16838\\margl1588\\margr1474\\sectd")
    doc.append("{\\header \\pard\\plain\\qc {\\f1\\fs18 %s}\\par}" % gbk(TITLE))
    doc.append("{\\footer \\pard\\plain\\qc {\\f1\\fs28 %s}{\\field{\\*\\fldinst {\\f1 PAGE }}{\\fldrslt {\\f1 1}}}{\\f1\\fs28 %s}\\par}\n" % (gbk("— "), gbk(" —")))
    for kind, text in HEAD:
        if kind == "title":
            doc.append(para("{\\f2\\fs44 %s}" % runs(text), center=True))
        elif kind == "center":
            doc.append(para(runs(text), center=True))
        else:
            doc.append(para(runs(text)))
    n = 0
    for si, (head, measures, rows) in enumerate(SECTIONS):
        if si == 2:
            doc.append("{\\f1 \\page }{\\f1 \\par }\n")
        doc.append("{\\*\\bkmkstart _Toc%d}" % (si + 1) + para("{\\f2\\fs32 %s}" % runs(head)) + "{\\*\\bkmkend _Toc%d}" % (si + 1))
        for number, title, body, inline in measures:
            n += 1
            if number in UNICODE_UC0:
                text = "{\\f1\\fs32\\uc0 %s}" % uni(number + "　" + title + body, 0)
            elif number in UNICODE_UC2:
                text = "{\\f1\\fs32\\uc2 %s}" % uni(number + "　" + title + body, 2)
            else:
                text = runs(number + "　" + title, bold=True)
                if number == "第六条":
                    pre, _, post = body.partition("www.sxjr.example.cn")
                    text += runs(pre) + "{\\field{\\*\\fldinst HYPERLINK \"http://www.sxjr.example.cn\" }{\\fldrslt {\\ul\\cf2 www.sxjr.example.cn}}}" + runs(post)
                elif n == FOOTNOTE[0]:
                    text += runs(body) + "{\\super\\chftn}{\\footnote\\pard\\plain\\s18 {\\super\\chftn}{\\f1\\fs18  %s}}" % gbk(FOOTNOTE[1]) + runs("。")
                else:
                    text += runs(body)
            if inline:
                text += "{\\f1\\line }" + runs(inline[0])
                for l in inline[1:]:
                    text += "{\\f1\\tab }" + runs(l)
            doc.append(para(text))
        doc.append(table(rows))
    doc.append(para(runs("本细则自印发之日起施行，由区稳增长办负责解释。")))
    doc.append("}")
    print(wrap("".join(doc)))


main()
