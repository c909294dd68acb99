#!/usr/bin/env python3
"""Build guide.txt: simulated PaddleOCR (PP-OCRv3, ocr.ocr(img, cls=True)) results of phone
screenshots (1080x2400) scrolling down the long "一图读懂" image of the 涧西区 guide.

Input : body.txt (the guide as the long image shows it) and contacts.csv (the contact table).
Output: guide.txt, one JSON object per screenshot:
        {"image": ..., "width": 1080, "height": 2400, "ocr": [[[[x,y]*4], [text, conf]], ...]}

Standard library only, deterministic (all randomness comes from string-seeded random.Random).
"""
import csv
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 1080, 2400
TOP = 236            # first screen row below status bar (0-88) + WeChat article bar (88-236)
BOT = 2340           # last content row (Android gesture bar below)
BOT_WITH_BAR = 2236  # last content row when the WeChat bottom toolbar is shown
BAR_SHOTS = {3, 7}   # screenshots (0-based) showing the bottom toolbar; the last one always does

# 形近字 misreads used for OCR noise (never applied to digits, so phones are never misread)
MISREAD = {
    '缓': '媛', '租': '祖', '免': '兔', '贴': '帖', '已': '己', '未': '末', '拨': '拔',
    '贷': '货', '税': '锐', '缴': '徼', '补': '朴', '续': '绩', '延': '廷', '券': '卷',
    '营': '菅', '担': '坦', '入': '人', '日': '曰', '土': '士', '准': '淮', '折': '拆',
    '侯': '候', '历': '厉', '微': '徽', '减': '咸', '策': '筞', '额': '颔', '持': '待',
}
HALF_PUNCT = {'（': '(', '）': ')', '：': ':', '，': ',', '；': ';'}
FULL_DIGITS = {str(i): chr(0xFF10 + i) for i in range(10)}
NO_LINE_START = set('，。、；：？！）》”’%‰—·」』')
NO_LINE_END = set('（《“‘「『')


def cw(ch):
    """width of one character in units of the font size"""
    if unicodedata.east_asian_width(ch) in ('W', 'F', 'A'):
        return 1.0
    return 0.55


def text_w(s, fs):
    return sum(cw(c) for c in s) * fs


def tokens(s):
    """CJK characters one by one; runs of digits/Latin (2022年 -> '2022', '0379-64217356') stay whole"""
    return re.findall(r'[0-9A-Za-z.%\-:@~]+|.', s)


def wrap(s, fs, maxw):
    """greedy line wrapping with simple Chinese kinsoku rules; digit runs are never split"""
    lines, cur = [], ''
    for ch in tokens(s):
        if cur and text_w(cur + ch, fs) > maxw and ch[0] not in NO_LINE_START:
            carry = ''
            while cur and cur[-1] in NO_LINE_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur = carry + ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


class Page:
    """all text boxes of the article page (article header, long image, footer) in page coordinates"""

    def __init__(self):
        self.boxes = []
        self.y = 0

    def add(self, x0, y0, text, fs, kind, uid):
        self.boxes.append(dict(x0=x0, x1=x0 + text_w(text, fs), y0=y0, y1=y0 + fs,
                               text=text, fs=fs, kind=kind, uid=uid))

    def para(self, text, fs, pitch, x0, maxw, kind, uid, indent=0, first_extra=0):
        lines = wrap(text, fs, maxw)
        if indent:  # the first line is shorter by the indent; re-wrap the rest
            first = wrap(text, fs, maxw - indent)[0]
            rest = wrap(text[len(first):], fs, maxw)
            lines = [first] + rest
        for i, ln in enumerate(lines):
            self.add(x0 + (indent if i == 0 else 0), self.y, ln, fs, kind, '%s/%d' % (uid, i))
            self.y += pitch
        return len(lines)


def split_resp(s):
    i = s.find('（责任单位')
    if i < 0:
        return s, ''
    return s[:i], s[i:]


def load_body():
    items = []
    with open(os.path.join(HERE, 'body.txt'), encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            tag, _, rest = line.partition('|')
            items.append((tag.strip(), rest.strip()))
    return items


def load_contacts(name):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def layout():
    pg = Page()
    items = load_body()
    pg.y = 40
    i = 0
    n_sec = 0
    while i < len(items):
        tag, rest = items[i]
        if tag == 'ARTICLE_TITLE':
            pg.para(rest, 54, 78, 48, 984, 'article', 'atitle')
            pg.y += 14
        elif tag == 'ARTICLE_META':
            a, b = [t.strip() for t in rest.split('||')]
            pg.add(48, pg.y, a, 38, 'article', 'ameta/a')
            pg.add(48 + text_w(a, 38) + 30, pg.y + 1, b, 36, 'article', 'ameta/b')
            pg.y += 110
        elif tag == 'IMAGE_START':
            pg.y += 90          # top margin of the title panel
        elif tag == 'TITLE':
            fs = 72 if len(rest) > 5 and '人民政府' not in rest else (60 if len(rest) <= 5 else 44)
            pg.add((W - text_w(rest, fs)) / 2, pg.y, rest, fs, 'title', 'title/%d' % i)
            pg.y += int(fs * 1.55)
        elif tag == 'TITLE2':
            a, b = [t.strip() for t in rest.split('||')]
            pg.add(150, pg.y + 12, a, 40, 'title', 'title2/a')
            # the date is set in a different font: its box top is 12 px higher than the 文号's
            pg.add(930 - text_w(b, 40), pg.y, b, 40, 'title', 'title2/b')
            pg.y += 130
        elif tag == 'PARA':
            pg.para(rest, 46, 58, 100, 880, 'text', 'para%d' % i, indent=92)
            pg.y += 40
        elif tag == 'SECTION':
            n_sec += 1
            pg.y += 26
            pg.add(96, pg.y + 4, '■', 46, 'icon', 'sec%d/icon' % n_sec)
            pg.add(160, pg.y, rest, 54, 'head', 'sec%d' % n_sec)
            pg.y += 92
        elif tag == 'MEASURE':
            main, resp = split_resp(rest)
            num = rest.split('.', 1)[0]
            pg.para(main, 46, 58, 100, 880, 'text', 'm%s' % num)
            if resp:
                pg.para(resp, 42, 54, 100, 880, 'text', 'm%s/resp' % num)
            pg.y += 18
        elif tag == 'COL_L':
            left = rest
            tag2, right = items[i + 1]
            assert tag2 == 'COL_R', 'COL_L must be followed by COL_R'
            i += 1
            y0 = pg.y + 10
            heights = []
            for side, (txt, x0, dy) in enumerate(((left, 90, 0), (right, 570, -6))):
                main, resp = split_resp(txt)
                num = txt.split('.', 1)[0]
                pg.y = y0 + dy
                pg.para(main, 42, 54, x0, 420, 'text', 'm%s' % num)
                if resp:
                    pg.para(resp, 38, 50, x0, 420, 'text', 'm%s/resp' % num)
                heights.append(pg.y)
            pg.y = max(heights) + 40
        elif tag == 'TABLE':
            title, fname = [t.strip() for t in rest.split('|')]
            pg.y += 50
            pg.add((W - text_w(title, 50)) / 2, pg.y, title, 50, 'head', 'tabletitle')
            pg.y += 100
            header, rows = load_contacts(fname)
            cols = [(20, 90), (98, 404), (412, 668), (676, 786), (794, 1064)]
            fs_h, fs, pitch, pad = 32, 32, 40, 10

            def put_row(cells, fs_row, uid, kinds):
                cell_lines = []
                for c, (a, b) in zip(cells, cols):
                    parts = [p for p in c.split(';') if p]
                    lines = []
                    for p in parts:
                        lines += wrap(p, fs_row, b - a)
                    cell_lines.append(lines or [''])
                n = max(len(l) for l in cell_lines)
                row_h = n * pitch + 2 * pad
                for ci, (lines, (a, b)) in enumerate(zip(cell_lines, cols)):
                    top = pg.y + pad + (n - len(lines)) * pitch / 2
                    for li, ln in enumerate(lines):
                        if not ln:
                            continue
                        x0 = (a + b) / 2 - text_w(ln, fs_row) / 2
                        pg.add(x0, top + li * pitch, ln, fs_row, kinds[ci], '%s/c%d/%d' % (uid, ci, li))
                pg.y += row_h

            put_row(header, fs_h, 'th', ['cell'] * 5)
            for r in rows:
                put_row(r, fs, 'tr%s' % r[0], ['cell', 'cell', 'cell', 'cell', 'phone'])
            pg.y += 30
        elif tag == 'NOTE':
            pg.para(rest, 36, 52, 60, 960, 'text', 'note')
            pg.y += 30
        elif tag == 'QR':
            parts = [t.strip() for t in rest.split('||')]
            qr_top = pg.y + 20
            # the QR code itself (100..380) yields no text; the caption sits to its right
            cy = qr_top + 140 - len(parts) * 58 / 2
            for k, p in enumerate(parts):
                pg.add(420, cy + k * 58, p, 40, 'phone' if re.search(r'\d{7}', p) else 'text', 'qr/%d' % k)
            pg.y = qr_top + 300
        elif tag == 'IMAGE_END':
            pg.y += 70
        elif tag == 'FOOT':
            pg.para(rest, 40, 60, 48, 984, 'foot', 'foot%d' % i)
            pg.y += 22
        else:
            sys.exit('unknown tag %r' % tag)
        i += 1
    return pg


def rng_for(*parts):
    return random.Random('|'.join(str(p) for p in parts))


def conf_ok(r, text):
    lo = 0.90 if re.search(r'\d', text) else 0.93
    return r.uniform(lo, 0.9995)


def noisy(box, shot, special):
    """the text and confidence PaddleOCR returns for a fully visible box"""
    r = rng_for('noise', shot, box['uid'], box['text'])
    t = box['text']
    kind = box['kind']
    if box['uid'] in special:
        return special.pop(box['uid'])(t), r.uniform(0.88, 0.95)
    if kind == 'title':
        t = t.replace('〔', '【').replace('〕', '】')
        return t, conf_ok(r, t)
    if kind in ('cell', 'phone', 'head'):
        return t, conf_ok(r, t)
    if kind in ('text', 'foot', 'article'):
        conf = conf_ok(r, t)
        long_digits = re.search(r'\d{5}', t)
        x = r.random()
        if x < 0.055:
            cands = [k for k, c in enumerate(t) if c in MISREAD]
            if cands:
                k = r.choice(cands)
                t = t[:k] + MISREAD[t[k]] + t[k + 1:]
                conf = r.uniform(0.60, 0.86)
        elif x < 0.12 and re.search(r'\d', t) and not long_digits and kind == 'text':
            t = ''.join(FULL_DIGITS.get(c, c) for c in t)
        elif x < 0.24 and kind == 'text':
            t = ''.join(HALF_PUNCT.get(c, c) for c in t)
        return t, conf
    return t, conf_ok(r, t)


def cut_text(box, shot, frac, edge):
    """text of a box cut by the screen edge: a few glyphs misread or lost, digits kept"""
    r = rng_for('cut', shot, box['uid'])
    out = []
    for c in box['text']:
        if c in MISREAD and r.random() < 0.3:
            out.append(MISREAD[c])
        elif unicodedata.east_asian_width(c) == 'W' and r.random() < 0.08:
            continue
        else:
            out.append(c)
    return ''.join(out), r.uniform(0.60, 0.80)


def quad(r, x0, y0, x1, y1):
    x0, y0, x1, y1 = round(x0), round(y0), round(x1), round(y1)
    dy = r.choice([0, 0, 0, 1, -1, 2])
    return [[float(x0), float(y0)], [float(x1), float(y0 + dy)],
            [float(x1), float(y1 + dy)], [float(x0), float(y1)]]


def sorted_boxes(res):
    """PaddleOCR 2.5 tools/infer/predict_system.py sorted_boxes: sort by top-left (y, x), then one
    pass swapping neighbours whose top-left y differs by < 10 px and whose x is reversed"""
    s = sorted(res, key=lambda e: (e[0][0][1], e[0][0][0]))
    for i in range(len(s) - 1):
        if abs(s[i + 1][0][0][1] - s[i][0][0][1]) < 10 and s[i + 1][0][0][0] < s[i][0][0][0]:
            s[i], s[i + 1] = s[i + 1], s[i]
    return s


def chrome(shot, clock, battery, bar):
    r = rng_for('chrome', shot)
    out = []
    hh, mm = clock
    out.append((quad(r, 50, 24, 152, 64), ('%d:%02d' % (hh, mm), r.uniform(0.95, 0.999))))
    out.append((quad(r, 842, 28, 884, 62), ('4G', r.uniform(0.80, 0.97))))
    out.append((quad(r, 958, 26, 1036, 64), ('%d%%' % battery, r.uniform(0.93, 0.999))))
    x = r.random()
    out.append((quad(r, 40, 138, 84, 182), ('×' if x < 0.6 else 'X', r.uniform(0.62, 0.85))))
    out.append((quad(r, 462, 134, 618, 184), ('涧西发布', r.uniform(0.97, 0.999))))
    if r.random() < 0.7:
        out.append((quad(r, 968, 150, 1034, 170), ('···' if r.random() < 0.5 else '...', r.uniform(0.60, 0.78))))
    if bar:
        for x0, x1, t in ((84, 204, '写留言'), (636, 700, '分享'), (800, 836, '赞'), (924, 992, '在看')):
            out.append((quad(r, x0, 2296, x1, 2336), (t, r.uniform(0.93, 0.999))))
    return out


def main():
    pg = layout()
    page_end = max(b['y1'] for b in pg.boxes) + 60
    # scrolling: consecutive screenshots overlap by 3-6 body lines (58 px each); the overlaps are drawn
    # at random and then scaled so that the last screenshot ends exactly at the end of the page
    R = random.Random('jianxi-2022-scroll')
    PITCH = 58
    n = 2
    while True:
        bots = [BOT_WITH_BAR if (k in BAR_SHOTS or k == n - 1) else BOT for k in range(n)]
        need = sum(bt - TOP for bt in bots) - page_end     # total overlap needed
        if need >= 3.3 * PITCH * (n - 1):
            break
        n += 1
    draws = [R.uniform(3.2, 5.8) for _ in range(n - 1)]
    scale = need / (PITCH * sum(draws))
    ovs = [round(d * scale * PITCH + R.randint(-8, 8)) for d in draws]
    ovs[-1] += need - sum(ovs)
    assert all(3 * PITCH - 20 <= o <= 6 * PITCH + 20 for o in ovs), ovs
    shots, off = [], 0
    for k in range(n):
        shots.append((off, bots[k]))
        if k < n - 1:
            off = off + (bots[k] - TOP) - ovs[k]

    # one-off OCR quirk: the phone of contact-table row 33 comes back with a space the first time it is seen
    special = {'tr33/c4/0': lambda t: t[:9] + ' ' + t[9:]}

    h, m, s = 10, 15, 12
    lines = []
    for k, (off, bot) in enumerate(shots):
        r = rng_for('shot', k)
        battery = 85 if k < 6 else 84
        res = chrome(k, (h, m), battery, bot == BOT_WITH_BAR)
        for b in pg.boxes:
            sy0 = b['y0'] - off + TOP - 5
            sy1 = b['y1'] - off + TOP + 5
            if sy1 <= TOP or sy0 >= bot:
                continue
            vis = min(sy1, bot) - max(sy0, TOP)
            frac = vis / (sy1 - sy0)
            br = rng_for('box', k, b['uid'])
            jx = br.randint(-2, 2)
            jy = br.randint(-3, 3)
            if frac >= 0.999:
                if b['kind'] == 'icon':
                    continue       # handled together with its heading below
                text, conf = noisy(b, k, special)
                if b['kind'] == 'head' and b['uid'].startswith('sec'):
                    mode = br.random()
                    if mode < 0.4:   # icon read as a separate box
                        ic = [x for x in pg.boxes if x['uid'] == b['uid'] + '/icon'][0]
                        res.append((quad(br, ic['x0'] - 4, ic['y0'] - off + TOP - 4,
                                         ic['x1'] + 4, ic['y1'] - off + TOP + 4),
                                    (br.choice(['■', '口']), br.uniform(0.60, 0.76))))
                    elif mode < 0.75:  # icon merged into the heading box
                        text = '口' + text
                        conf = br.uniform(0.80, 0.90)
                        res.append((quad(br, 92 + jx, sy0 + jy, b['x1'] + 6 + jx, sy1 + jy), (text, conf)))
                        continue
                res.append((quad(br, b['x0'] - 6 + jx, sy0 + jy, b['x1'] + 6 + jx, sy1 + jy), (text, conf)))
            elif frac >= 0.5 and b['kind'] != 'icon':
                text, conf = cut_text(b, k, frac, 'top' if sy0 < TOP else 'bottom')
                if text:
                    res.append((quad(br, b['x0'] - 6 + jx, max(sy0, TOP), b['x1'] + 6 + jx, min(sy1, bot)),
                                (text, conf)))
        res = sorted_boxes(res)
        name = 'Screenshot_20220623-%02d%02d%02d.jpg' % (h, m, s)
        ocr = [[q, [t, round(c, 16)]] for q, (t, c) in res]
        lines.append(json.dumps({'image': name, 'width': W, 'height': H, 'ocr': ocr}, ensure_ascii=False))
        s += r.randint(6, 15)
        if s >= 60:
            s -= 60
            m += 1
    with open(os.path.join(HERE, 'guide.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    print('page height %d px, %d screenshots, offsets %s, overlaps %s' % (page_end, len(shots), [o for o, _ in shots], ovs))


if __name__ == '__main__':
    main()
