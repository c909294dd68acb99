import random, sys, json
sys.path.insert(0, '/tmp/layout49')
from pool import *

ID = "guixi-2022-docx-xml"
rng = random.Random(4901)
SECTIONS = [
 ("财税支持", ["ldts", "xgm", "lsf", "fcs", "yfjk", "cbj", "ghjf"]),
 ("降低经营成本", ["gyzj", "fgyzj", "syzh", "sdq", "kd"]),
 ("稳岗就业", ["sbhj", "wgfh", "lgpx", "kgbz", "jxbt", "sbbt", "gjj"]),
 ("金融支持", ["yqhb", "jjzd", "dbfl", "txdk", "cydb", "sd"]),
 ("重点行业帮扶", ["gtzh", "cyq", "zbj", "ysbt", "qq"]),
]
keys = [k for _, ks in SECTIONS for k in ks]
ms, staff, units = assign(rng, keys, SECTIONS, "8", two_unit_keys={"fcs", "fgyzj", "cydb", "yfjk"}, extra_person_units=["区人力资源和社会保障局", "区税务局"])
# special contacts
for m in ms:
    if m["key"] == "ldts":
        m["contacts"].append({"full": "纳税服务热线", "short": "纳税服务热线", "person": "", "phone": "12366", "hotline": True})
    if m["key"] == "qq":
        m["contacts"] = [{"full": "", "short": "", "person": "", "phone": "12345", "hotline": True}]
    if m["key"] == "sdq":
        m["contacts"].append({"full": "国网桂溪供电公司", "short": "国网桂溪供电公司", "person": "", "phone": "95598"})
AREA = "0749"

def contact_para(m):
    cs = m["contacts"]
    if m["key"] == "qq":
        return ["咨询电话：12345（桂溪区政务服务便民热线）"]
    if m["key"] == "ldts":
        c = cs[0]
        return ["责任单位：%s；联系人：%s；联系电话：%s，纳税服务热线12366" % (c["short"], c["person"], c["phone"])]
    if m["key"] == "sdq":
        c = cs[0]
        return ["责任单位：%s；联系人：%s；联系电话：%s；供电服务热线：95598（国网桂溪供电公司）" % (c["short"], c["person"], c["phone"])]
    if len(cs) == 2:
        return ["责任单位：%s、%s" % (cs[0]["short"], cs[1]["short"]),
                "联系人及电话：%s %s %s；%s %s %s" % (cs[0]["short"], cs[0]["person"], cs[0]["phone"], cs[1]["short"], cs[1]["person"], cs[1]["phone"])]
    c = cs[0]
    unit = c["full"] if m["n"] % 3 == 0 else c["short"]
    c["written"] = unit
    return ["责任单位：%s；联系人：%s；联系电话：%s" % (unit, c["person"], c["phone"])]

def split_runs(text, lo=2, hi=9):
    out, i = [], 0
    while i < len(text):
        k = rng.randint(lo, hi)
        out.append(text[i:i + k])
        i += k
    return out

def wrap(run):
    r = rng.random()
    if r < 0.08:
        return "<w:t>" + run + "</w:t>"
    if r < 0.12:
        return '<w:t xml:space="preserve">' + run
    if r < 0.15:
        return run + "</w:t></w:r>"
    return run

paras = []  # list of (kind, text)
def P(text, kind="p"):
    paras.append((kind, text))

P("桂溪区人民政府办公室", "head")
P("关于印发《桂溪区助企纾困稳定经济增长若干措施》的通知", "head")
P("桂政办发〔2022〕21号", "head")
P("各街道办事处，区政府各部门，各有关单位：", "p")
P("《桂溪区助企纾困稳定经济增长若干措施》已经区政府常务会议研究同意，现印发给你们，请认真贯彻执行。", "p")
P("桂溪区人民政府办公室", "p")
P("2022年6月28日", "p")
P("桂溪区助企纾困稳定经济增长若干措施", "head")
P("为深入贯彻落实国家和省、市关于扎实稳住经济的一揽子政策措施，帮助市场主体纾困解难，结合我区实际，制定以下措施。本措施所列电话区号均为%s。" % AREA, "p")
for si, (stitle, _) in enumerate(SECTIONS, 1):
    P("%s、%s" % (Numeral(si), stitle), "h")
    for m in [m for m in ms if m["section"][0] == si]:
        body = "".join(m["body"])
        P(m["title"] + "。" + body, "m")
        for cp in contact_para(m):
            P(cp, "c")
P("本措施自印发之日起施行，有效期至2022年12月31日，国家和省、市出台相关支持政策的，按上级政策执行。", "p")
P("抄送：区委办公室，区人大常委会办公室，区政协办公室。", "p")

lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
         '<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" mc:Ignorable="w14 wp14">',
         '<w:body>']
numid = 0
for i, (kind, text) in enumerate(paras):
    sec = sum(1 for k, _ in paras[:i] if k == "h")
    # Paragraph boundary: a blank line, except in section four where the
    # converter kept the <w:p> opening tag instead.
    if sec == 4:
        lines.append('<w:p w:rsidR="00%X" w:rsidRDefault="00B52F1A">' % rng.randrange(0x100000, 0xFFFFFF))
    else:
        lines.append("")
    if kind == "m" and sec in (2, 3, 5):
        lines.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % (sec + 1))
    if kind == "m":
        # the title is its own bold run, itself split
        t, rest = text.split("。", 1)
        for r in split_runs(t, 2, 6):
            lines.append(wrap(r))
        text = "。" + rest
    if rng.random() < 0.15:
        lines.append('<w:proofErr w:type="spellStart"/>')
    for r in split_runs(text, 3 if kind == "c" else 4, 9 if kind == "c" else 14):
        lines.append(wrap(r))
    if kind == "h" and sec == 1:
        lines.append('<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>')
lines += ["", '<w:sectPr w:rsidR="00B52F1A"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1531" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>', "</w:body>", "</w:document>"]
text = "\n".join(lines) + "\n"
text = text.replace("“", "&#8220;").replace("”", "&#8221;")
json.dump({"id": ID, "ms": ms, "area": AREA, "district": "桂溪区"}, open("/tmp/layout49/%s.json" % ID, "w"), ensure_ascii=False)
open("/tmp/layout49/%s.txt" % ID, "w").write(text)
