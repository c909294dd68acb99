#!/usr/bin/env python3
"""Writes guide.txt: PaddleOCR 2.5 results (JSON Lines, one object per phone
screenshot) of a fictional district's 一图读懂 long image, scrolled through with
overlapping screenshots. Deterministic (python3 stdlib, fixed seed).

Every name, phone and e-mail is invented."""
import json
import random

R = random.Random(20220617)
W, H = 1080, 2400
TOP, BOTTOM, BOTTOM_BAR = 236, 2340, 2236

SECTIONS = [
    ("一、财税支持政策", [
        (1, "增值税留抵退税。对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额。", "区税务局", "区财政局"),
        (2, "小规模纳税人免征增值税。2022年4月1日至12月31日，对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税。", "区税务局", ""),
        (3, "“六税两费”减征。对小型微利企业和个体工商户按50%的税额幅度减征资源税、城市维护建设税、房产税等。", "区税务局", ""),
        (4, "政府采购支持。采购项目中适宜由中小企业提供的，预留预算总额的40%以上专门面向中小企业采购。", "区财政局", "区政务服务中心"),
    ]),
    ("二、社保就业政策", [
        (5, "阶段性缓缴社保费。餐饮、零售、旅游等困难行业企业可申请缓缴养老、失业和工伤保险单位缴费部分，缓缴期间免收滞纳金。", "区人社局", "区税务局、区医保局"),
        (6, "稳岗返还。对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还。", "区人社局", ""),
        (7, "一次性扩岗补助。企业招用毕业年度高校毕业生并缴纳失业保险费的，按每人1500元发放一次性扩岗补助。", "区人社局", "区财政局"),
        (8, "创业担保贷款。符合条件的个人创业可申请最高20万元创业担保贷款，小微企业最高300万元，财政按规定贴息。", "区人社局", "区财政局、人行桐溪支行"),
    ]),
    ("三、降低经营成本", [
        (9, "减免房屋租金。对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。", "区国资办", "区财政局"),
        (10, "水电气欠费不停供。对暂时困难的小微企业和个体工商户，用水、用电、用气实行“欠费不停供”，缓缴期间免收欠费滞纳金。", "区发改局", "桐溪供电公司、区城管局"),
    ]),
    ("四、促消费与行业纾困", [
        (11, "发放消费券。2022年6月至9月，分三批发放餐饮、零售、文旅消费券共1000万元。", "区商务局", "区文旅局"),
        (12, "个体工商户防疫补贴。对正常经营的个体工商户按每户1000元给予一次性防疫补贴。", "区市场监管局", ""),
        (13, "住宿业会议补贴。对承接会议的住宿企业按实际支出的30%给予补贴，最高5万元。", "区文旅局", ""),
        (14, "金融纾困。对受疫情影响的中小微企业贷款予以展期、续贷，不抽贷、不断贷、不压贷。", "区金融办", "人行桐溪支行"),
    ]),
    ("五、优化营商服务", [
        (15, "涉企服务专员。为重点企业配备服务专员，企业诉求线上转办后2个工作日内答复。", "区营商办", "各街道办事处"),
        (16, "诉求直通。企业可通过12345热线反映诉求，相关单位3个工作日内办结。", "区营商办", "区政务服务中心"),
    ]),
]
COLUMNS = (12, 13)  # measures laid out side by side

# 序号, 政策条款, 责任单位 (wrapped lines), 联系人, 联系电话 (lines)
TABLE = [
    ("1", ["第1条 留抵退税"], ["区税务局"], "韦晓峰", ["65230121"]),
    ("2", ["第1条 留抵退税"], ["区财政局"], "覃美玲", ["65230245"]),
    ("3", ["第2-3条 税费减免"], ["区税务局"], "黄志刚", ["12366（9:00—", "17:00）"]),
    ("4", ["第4条 政府采购"], ["区财政局"], "覃美玲", ["65230245"]),
    ("5", ["第5条 缓缴社保"], ["区人社局"], "蒙晓燕", ["65231180", "65231181"]),
    ("6", ["第6、7条 稳岗扩岗"], ["区人社局"], "廖志强", ["13907351620"]),
    ("7", ["第8条 创业担保贷", "款"], ["区人社局创业指", "导中心"], "莫丽华", ["65231306"]),
    ("8", ["第9条 租金减免"], ["区国资办"], "卢建国", ["65232077", "（工作日上午）"]),
    ("9", ["第10条 欠费不停供"], ["区发改局"], "陆春燕", ["65232410"]),
    ("10", ["第10条 欠费不停供"], ["桐溪供电公司客", "户服务中心"], "潘振宇", ["65239517"]),
    ("11", ["第11条 消费券"], ["区商务局"], "蓝海燕", ["6523 3058"]),
    ("12", ["第12条 防疫补贴"], ["区市场监管局"], "韦晓峰", ["65233512"]),
    ("13", ["第13条 会议补贴"], ["区文旅局"], "周雅琴", ["txwlj@example.cn"]),
    ("14", ["第14条 金融纾困"], ["区金融办"], "农志坚", ["13677351208"]),
    ("15", ["第15-16条 营商服", "务"], ["区营商办"], "甘丽萍", ["12345", "65234006"]),
]

ICON = ["■", "口", None]
MISREAD = {"微": "徽", "补": "朴", "免": "兔", "贷": "货", "营": "菅", "贴": "帖", "减": "咸", "日": "曰"}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "，": ","})


def wrap(text, n):
    """Cuts text into boxes of about n characters, never inside a digit run."""
    out, cur = [], ""
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isdigit() or text[i] == "%":
            while j < len(text) and (text[j].isdigit() or text[j] in ".%"):
                j += 1
        piece = text[i:j]
        if len(cur) + len(piece) > n and cur:
            out.append(cur)
            cur = ""
        cur += piece
        i = j
    if cur:
        out.append(cur)
    return out


class Image:
    """The long image: boxes (x0, y0, x1, text, font, kind) in image pixels."""

    def __init__(self):
        self.boxes = []
        self.y = 0

    def add(self, x0, text, font, kind="text", y=None, width=None):
        y = self.y if y is None else y
        w = width if width is not None else sum(font if ord(c) > 0x2000 else font * 0.55 for c in text)
        self.boxes.append(dict(x0=x0, y0=y, x1=min(x0 + w, W - 10), y1=y + font + 6, text=text, font=font, kind=kind))

    def line(self, x0, text, font=46, kind="text", pitch=58):
        self.add(x0, text, font, kind)
        self.y += pitch

    def centred(self, text, font):
        w = sum(font if ord(c) > 0x2000 else font * 0.55 for c in text)
        self.line((W - w) / 2, text, font, pitch=font + 22)


def panel(im, cols):
    """Two measures side by side in narrow columns."""
    top = im.y
    ends = []
    for ci, (n, text, lead, sup) in enumerate(cols):
        im.y = top - 6 * ci  # the right column sits a little higher
        x = 84 if ci == 0 else 562
        for t in wrap(f"{n}.{text}", 9):
            im.line(x, t)
        for t in wrap(f"（责任单位：{lead}）", 10):
            im.line(x, t, 42, pitch=56)
        ends.append(im.y)
    im.y = max(ends) + 30


def layout():
    im = Image()
    im.y = 20
    im.line(40, "一图读懂｜桐溪区稳经济助企纾困政策工", 52, pitch=70)
    im.line(40, "作指南", 52, pitch=70)
    im.add(40, "桐溪发布", 36)
    im.line(260, "2022-06-20 17:30 发表于湘南", 36, pitch=90)
    im.centred("一图读懂", 80)
    im.centred("桐溪区稳经济助企纾困政策", 60)
    im.centred("工作指南", 60)
    im.y += 20
    im.centred("岚江市桐溪区人民政府办公室", 42)
    # 文号 and date on one line; the date's box sits higher.
    im.add(92, "桐政办【2022】15号", 42)
    im.add(690, "2022年6月17日", 42, y=im.y - 14)
    im.y += 90
    intro = "为贯彻落实国家、省、市稳经济一揽子政策措施，帮助市场主体纾困解难，结合我区实际，现将有关政策整理如下，各单位按职责抓好落实。咨询时段为工作日。"
    for k, t in enumerate(wrap("　　" + intro, 18)):
        im.line(92, t.replace("　", "") if k == 0 else t)
        if k == 0:
            im.boxes[-1]["x0"] = 92 + 92
    im.y += 30
    for si, (head, measures) in enumerate(SECTIONS):
        icon = ICON[si % 3]
        if icon:
            im.add(92, icon, 40, kind="icon")
            im.line(150, head, 50, pitch=80)
        else:
            im.line(150, head, 50, pitch=80)
        if si == 1:  # merged icon
            im.boxes[-1]["text"] = "口" + head
            im.boxes[-1]["x0"] = 92
        done = False
        for n, text, lead, sup in measures:
            if n in COLUMNS:
                if not done:
                    panel(im, [m for m in measures if m[0] in COLUMNS])
                    done = True
                continue
            for t in wrap(f"{n}.{text}", 18):
                im.line(92, t)
            clause = f"（责任单位：{lead}" + (f"；配合单位：{sup}" if sup else "") + "）"
            for t in wrap(clause, 20):
                im.line(92, t, 42, pitch=56)
            im.y += 20
    im.y += 40
    im.centred("桐溪区稳经济政策措施联系方式一览表", 44)
    cols = [(20, 90), (98, 404), (412, 668), (676, 786), (794, 1064)]
    head = ["序号", "政策条款", "责任单位", "联系人", "联系电话"]
    for (a, b), t in zip(cols, head):
        w = 34 * len(t)
        im.add((a + b - w) / 2, t, 34, kind="cell", y=im.y + 14)
    im.y += 70
    for row in TABLE:
        cells = [[row[0]], row[1], row[2], [row[3]], row[4]]
        n = max(len(c) for c in cells)
        hgt = n * 42 + 24
        for (a, b), c in zip(cols, cells):
            top = im.y + (hgt - len(c) * 42) / 2
            for k, t in enumerate(c):
                w = sum(32 if ord(ch) > 0x2000 else 17 for ch in t)
                im.add((a + b - w) / 2, t, 32, kind="cell", y=top + k * 42)
        im.y += hgt
    im.y += 30
    note = "注：以上电话服务时间为工作日8:30—12:00、14:30—17:30，12345热线24小时服务。综合咨询：区稳经济工作专班 65230001"
    for t in wrap(note, 26):
        im.line(60, t, 34, pitch=46)
    im.y += 80
    im.line(420, "扫码进入“桐溪惠企通”小程序", 34, pitch=46)
    im.line(420, "在线申报 政策查询", 34, pitch=46)
    im.line(420, "客服电话：65234008", 34, pitch=46)
    im.y += 120
    im.line(40, "来源：桐溪区发展和改革局", 36, pitch=52)
    im.line(40, "编辑：韩立明 校对：苏晓 审核：欧阳锋", 36, pitch=52)
    im.line(40, "桐溪区融媒体中心 联系电话：65238800", 36, pitch=52)
    im.line(40, "阅读 1.3万", 34, pitch=70)
    im.line(40, "往期推荐", 40, pitch=60)
    im.line(40, "桐溪区召开2022年重点项目推进会", 38, pitch=56)
    im.line(40, "端午假期桐溪文旅活动一览", 38, pitch=70)
    im.line(40, "精选留言", 40, pitch=60)
    im.line(40, "小陈：个体户能申请第12条补贴吗？", 36, pitch=52)
    im.line(40, "作者回复：请按指南第12条咨询区市场监管局。", 36, pitch=52)
    im.y += 200
    return im


def noisy(text, kind, cut, first):
    if kind in ("text", "cell") and not cut and R.random() < 0.06:
        cands = [i for i, c in enumerate(text) if c in MISREAD]
        if cands:
            i = R.choice(cands)
            text = text[:i] + MISREAD[text[i]] + text[i + 1:]
    if kind == "text" and R.random() < 0.08 and not any(c.isdigit() for c in text[:3]):
        text = text.translate(HALF)
    if kind == "text" and first and R.random() < 0.15:
        n = text.split(".", 1)[0]
        if n.isdigit():
            text = n.translate(FULLWIDTH) + text[len(n):]
    if cut:
        keep = [c for c in text]
        for _ in range(2):
            idx = [i for i, c in enumerate(keep) if not c.isdigit() and c not in "@."]
            if len(idx) > 4:
                del keep[R.choice(idx)]
        text = "".join(keep)
    return text


def sorted_boxes(boxes):
    """PaddleOCR 2.5's sorted_boxes: by top-left (y, x), one pass of swaps."""
    bs = sorted(boxes, key=lambda b: (b[0][0][1], b[0][0][0]))
    for i in range(len(bs) - 1):
        if abs(bs[i + 1][0][0][1] - bs[i][0][0][1]) < 10 and bs[i + 1][0][0][0] < bs[i][0][0][0]:
            bs[i], bs[i + 1] = bs[i + 1], bs[i]
    return bs


def shots(im):
    total = max(b["y1"] for b in im.boxes)
    out, top, k = [], 0, 0
    times = ["093012", "093015", "093019", "093022", "093026", "093029", "093033", "093037", "093041", "093044"]
    while True:
        bar = k in (3, 7) or top + (BOTTOM - TOP) >= total
        bottom = BOTTOM_BAR if bar else BOTTOM
        span = bottom - TOP
        boxes = []
        clock = "9:30"
        for t, x, y, c in [(clock, 50, 30, 0.998), ("4G", 842, 32, 0.8 + R.random() * 0.17), ("86%", 958, 30, 0.99)]:
            boxes.append(quad(x, y, x + 20 * len(t) + 10, y + 36, t, c))
        boxes.append(quad(40, 140, 80, 180, R.choice(["×", "X"]), 0.62 + R.random() * 0.2))
        boxes.append(quad(470, 138, 610, 184, "桐溪发布", 0.995))
        if k % 4 != 2:
            boxes.append(quad(980, 146, 1040, 176, R.choice(["···", "..."]), 0.6 + R.random() * 0.18))
        for b in im.boxes:
            y0, y1 = b["y0"] - top + TOP, b["y1"] - top + TOP
            vis = min(y1, bottom) - max(y0, TOP)
            if vis <= 0 or vis < (y1 - y0) / 2:
                continue
            cut = vis < (y1 - y0)
            text = noisy(b["text"], b["kind"], cut, b["x0"] < 100)
            if b["kind"] == "icon":
                conf = 0.6 + R.random() * 0.16
            elif cut:
                conf = 0.6 + R.random() * 0.2
            else:
                conf = 0.9 + R.random() * 0.0995
            jit = R.choice([-1, 0, 0, 1])
            boxes.append(quad(b["x0"], max(y0, TOP), b["x1"], min(y1, bottom), text, conf, jit))
        if bar:
            for t, x in [("写留言", 60), ("分享", 560), ("赞", 760), ("在看", 900)]:
                boxes.append(quad(x, 2296, x + 40 * len(t), 2336, t, 0.97))
        out.append({"image": f"Screenshot_20220621-{times[k]}.jpg", "width": W, "height": H, "ocr": sorted_boxes(boxes)})
        if top + span >= total:
            break
        top += span - R.randint(195, 338)
        k += 1
    return out


def quad(x0, y0, x1, y1, text, conf, jit=0):
    x0, y0, x1, y1 = (float(round(v)) for v in (x0, y0, x1, y1))
    return [[[x0, y0], [x1, y0 + jit], [x1, y1 + jit], [x0, y1]], [text, round(conf, 4)]]


def main():
    with open("guide.txt", "w", encoding="utf-8") as f:
        for s in shots(layout()):
            f.write(json.dumps(s, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
