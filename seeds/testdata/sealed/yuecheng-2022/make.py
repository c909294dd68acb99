#!/usr/bin/env python3
"""Build the raw .eml (guide.txt) for yuecheng-2022 from body.txt and contacts.csv.

Standard library only, deterministic.  Usage:  python3 make.py > guide.txt

body.txt     UTF-8; the plain-text part exactly as the mail carries it (cover note, guide
             text with measures 1..N each ending （责任单位：…）, signature).  The signature
             starts at the first line consisting only of '-' characters.
contacts.csv UTF-8; columns 序号,政策条款,责任单位,联系人,联系电话,附件电话.  Several rows may share a
             序号 (a measure with two unit/phone pairs).  附件电话, when not empty, is how the
             GBK CSV attachment writes that phone (the HTML table always uses 联系电话).
"""
import base64
import csv
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = "\r\n"

B_MIXED = "----=_NextPart_000_0017_01D88AFE.7C3A5B40"
B_ALT = "----=_NextPart_001_0018_01D88AFE.7C3A5B40"

FROM_NAME = "越城区经信局"
FROM_ADDR = "ycjxj_qyfw@sxyc.gov.cn"
SUBJECT_WORDS = ["转发越城区2022", "年助企纾困指南"]
DATE = "Tue, 28 Jun 2022 16:42:17 +0800"
ATTACH_NAME = "联系方式汇总表.csv"

# 16x16 RGB PNG (red ring with cross), precomputed so the output never depends on zlib's version
LOGO_PNG_B64 = (
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAARElEQVR42mP4TyJgQOYcUNDAirBrwKUaTQ8DmmpkLlYp"
    "BkwhNA1oChgwpfGLUKCBGESZBrr4gdhgJTniyEka5CQ+IgEARyQSRwqnrC8AAAAASUVORK5CYII="
)


def b64_lines(data: bytes) -> str:
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


def qp_encode(text: str) -> str:
    """RFC 2045 quoted-printable of UTF-8 text with CRLF hard breaks; all non-ASCII bytes escaped."""
    out = []
    for line in text.split("\n"):
        data = line.encode("utf-8")
        toks = []
        for i, b in enumerate(data):
            last = i == len(data) - 1
            if b in (0x20, 0x09) and not last:
                toks.append(chr(b))
            elif 33 <= b <= 126 and b != 0x3D:
                toks.append(chr(b))
            else:
                toks.append("=%02X" % b)
        cur = ""
        for t in toks:
            if len(cur) + len(t) > 75:  # leave room for the soft break '='
                out.append(cur + "=")
                cur = ""
            cur += t
        out.append(cur)
    return CRLF.join(out)


def ew_b(text: str, charset: str) -> str:
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset.lower())).decode("ascii"))


def ew_q(text: str) -> str:
    s = ""
    for b in text.encode("utf-8"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c in "!*+-/"):
            s += c
        elif c == " ":
            s += "_"
        else:
            s += "=%02X" % b
    w = "=?UTF-8?Q?%s?=" % s
    assert len(w) <= 75, w
    return w


def read_contacts():
    with open(os.path.join(HERE, "contacts.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    groups = []  # [(序号, 政策条款, [row,...])]
    for r in rows:
        if groups and groups[-1][0] == r["序号"]:
            groups[-1][2].append(r)
        else:
            groups.append((r["序号"], r["政策条款"], [r]))
    return groups


def csv_field(v: str) -> str:
    if any(ch in v for ch in ',"\r\n；'):
        return '"' + v.replace('"', '""') + '"'
    return v


def attachment_csv(groups) -> bytes:
    lines = [",".join(["序号", "政策条款", "责任单位", "联系人", "联系电话"])]
    for _, _, rows in groups:
        for r in rows:
            phone = r.get("附件电话") or r["联系电话"]
            lines.append(",".join(csv_field(v) for v in
                                  (r["序号"], r["政策条款"], r["责任单位"], r["联系人"], phone)))
    return (CRLF.join(lines) + CRLF).encode("gbk")


def html_table(groups):
    td = '<td style="border:1px solid #000;padding:2px 4px">'
    t = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;font-size:10.5pt">',
         "<tr>" + "".join('<td style="border:1px solid #000;padding:2px 4px;background:#d9d9d9"><b>%s</b></td>' % h
                          for h in ("序号", "政策条款", "责任单位", "联系人", "联系电话")) + "</tr>"]
    for no, title, rows in groups:
        for k, r in enumerate(rows):
            cells = ""
            if k == 0:
                span = ' rowspan="%d"' % len(rows) if len(rows) > 1 else ""
                cells += td.replace("<td", "<td" + span) + html.escape(no) + "</td>"
                cells += td.replace("<td", "<td" + span) + html.escape(title, quote=False) + "</td>"
            for key in ("责任单位", "联系人", "联系电话"):
                cells += td + html.escape(r[key], quote=False) + "</td>"
            t.append("<tr>" + cells + "</tr>")
    t.append("</table>")
    return t


SECTION = re.compile(r"^[一二三四五六七八九十]+、")
MEASURE = re.compile(r"^(\d+\. [^。]+。)(.*)$")


def para(line: str) -> str:
    lead = len(line) - len(line.lstrip("　"))
    return "&nbsp;&nbsp;" * lead + html.escape(line.lstrip("　"), quote=False)


def html_body(lines, groups) -> str:
    sep = next(i for i, l in enumerate(lines) if l and set(l) == {"-"})
    main, sig = lines[:sep], lines[sep + 1:]
    h = ['<html><head>',
         '<meta http-equiv="content-type" content="text/html; charset=utf-8">',
         '<style>body { line-height: 1.5; } p { margin-top: 0px; margin-bottom: 0px; }</style>',
         '<meta name="GENERATOR" content="MSHTML 11.00.10570.1001"></head>',
         '<body style="font-family: 微软雅黑; font-size: 10.5pt; color: #000000">']
    for l in main:
        if not l.strip():
            h.append("<p>&nbsp;</p>")
        elif l.endswith("的通知") or l.endswith("工作指南"):
            h.append('<p align="center"><b><span style="font-size:14pt">%s</span></b></p>' % para(l))
        elif SECTION.match(l):
            h.append("<p><b>%s</b></p>" % para(l))
        elif MEASURE.match(l):
            m = MEASURE.match(l)
            h.append("<p>&nbsp;&nbsp;&nbsp;&nbsp;<b>%s</b>%s</p>" % (para(m.group(1)), para(m.group(2))))
        else:
            h.append("<p>%s</p>" % para(l))
    h.append("<p>&nbsp;</p>")
    h.append("<p><b>附：政策条款联系方式一览表</b></p>")
    h.extend(html_table(groups))
    h.append("<p>&nbsp;</p>")
    h.append('<hr style="width:210px;height:1px" align="left" color="#b5c4df" size="1">')
    h.append('<div><span style="color:#808080">' + "<br>".join(para(l) for l in sig if l.strip())
             + '</span></div>')
    h.append('<div><img src="cid:logo01@sxyc.gov.cn" border="0"></div>')
    h.append('<div><span style="font-size:9pt;color:#999999">本邮件由越城区电子政务邮件系统发送。'
             '邮件系统技术支持：区经信局总机 0575-85201700</span></div>')
    h.append("</body></html>")
    return "\n".join(h)


def main():
    with open(os.path.join(HERE, "body.txt"), encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    lines = text.split("\n")
    groups = read_contacts()

    plain = b64_lines("\r\n".join(lines).encode("gb18030") + b"\r\n")
    htm = qp_encode(html_body(lines, groups))
    att = b64_lines(attachment_csv(groups))
    attach_pct = "".join(c if (c.isascii() and (c.isalnum() or c in ".-_")) else
                         "".join("%%%02X" % b for b in c.encode("gbk")) for c in ATTACH_NAME)

    out = [
        "Return-Path: <%s>" % FROM_ADDR,
        "Received: from mail.sxyc.gov.cn (unknown [198.51.100.23])",
        "\tby mx1.yc-hengxin.com.cn (Postfix) with ESMTPS id 4LXK2n1QxZz9sTt",
        "\tfor <caiwu@yc-hengxin.com.cn>; Tue, 28 Jun 2022 16:42:25 +0800 (CST)",
        "Received: from PC-QYFW01 (unknown [10.12.3.45])",
        "\tby mail.sxyc.gov.cn (Coremail) with SMTP id AQAAfwBHs3WUubtiQk0DAA--.5821S2;",
        "\tTue, 28 Jun 2022 16:42:19 +0800 (CST)",
        "From: %s <%s>" % (ew_b(FROM_NAME, "GB2312"), FROM_ADDR),
        "To: undisclosed-recipients:;",
        "Subject: " + ew_q(SUBJECT_WORDS[0]),
        " " + ew_q(SUBJECT_WORDS[1]),
        "Date: " + DATE,
        "Message-ID: <202206281642170536981@sxyc.gov.cn>",
        "MIME-Version: 1.0",
        "X-Priority: 3",
        "X-Mailer: Foxmail 7.2.23.116[cn]",
        "Content-Type: multipart/mixed;",
        '\tboundary="%s"' % B_MIXED,
        "",
        "This is a multi-part message in MIME format.",
        "",
        "--" + B_MIXED,
        "Content-Type: multipart/alternative;",
        '\tboundary="%s"' % B_ALT,
        "",
        "",
        "--" + B_ALT,
        "Content-Type: text/plain;",
        '\tcharset="GB18030"',
        "Content-Transfer-Encoding: base64",
        "",
        plain,
        "",
        "--" + B_ALT,
        "Content-Type: text/html;",
        '\tcharset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        htm,
        "",
        "--" + B_ALT + "--",
        "",
        "--" + B_MIXED,
        "Content-Type: text/csv;",
        '\tcharset="GBK";',
        '\tname="%s"' % ew_b(ATTACH_NAME, "GB2312"),
        "Content-Transfer-Encoding: base64",
        "Content-Disposition: attachment;",
        "\tfilename*=GBK''%s" % attach_pct,
        "",
        att,
        "",
        "--" + B_MIXED,
        "Content-Type: image/png;",
        '\tname="logo.png"',
        "Content-Transfer-Encoding: base64",
        "Content-Disposition: inline;",
        '\tfilename="logo.png"',
        "Content-ID: <logo01@sxyc.gov.cn>",
        "",
        b64_lines(base64.b64decode(LOGO_PNG_B64)),
        "",
        "--" + B_MIXED + "--",
        "",
    ]
    sys.stdout.buffer.write(CRLF.join(out).encode("ascii"))


if __name__ == "__main__":
    main()
