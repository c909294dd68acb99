#!/usr/bin/env python3
"""Writes guide.txt: the OCR text of a fictional district's guide received by fax
(see README.md). Deterministic; run from this directory."""

WIDTH = 52  # the fax page's width in columns: a wide character takes two


def cols(s):
    w = 0
    for ch in s:
        o = ord(ch)
        wide = (0x1100 <= o <= 0x115F or 0x2E80 <= o <= 0xA4CF or 0xAC00 <= o <= 0xD7A3 or
                0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6)
        w += 2 if wide else 1
    return w


def wrap(par):
    """Cuts a paragraph after WIDTH columns, anywhere."""
    out, line = [], ""
    for ch in par:
        if cols(line + ch) > WIDTH:
            out.append(line)
            line = ""
        line += ch
    if line:
        out.append(line)
    return out


TITLE = ["澄溪区促进中小微企业平稳发展", "若干措施办理指引"]
PREAMBLE = ("　　为帮助中小微企业应对经营困难，经区政府同意，现将我区促进中小微企业"
            "平稳发展若干措施的办理部门和联系方式汇总印发，请各单位做好政策宣传和受理工作。")

# (section, [(title, body, contact lines)])
SECTIONS = [
    ("一、减轻企业税费负担", [
        ("减免小微企业房产税", "对受疫情影响的小型微利企业，2022年度房产税按50%减征，自行申报享受，不需另行审批。执行期限至2022年12月31日。",
         ["贵任单位：区税务局财产和行为税科；联系人：温可欣；电话：0739-86612208"]),
        ("缓缴社会保险费", "对生产经营困难的中小微企业，可申请缓缴养老、失业和工伤保险单位缴费部分，缓缴期限最长6个月，期间免收滞纳金。",
         ["责任单位：区社会保险服务中心；联糸人：邹明轩；电话：０７３９－８６６１５５２７"]),
        ("降低水电气费用", "对小微企业和个体工商户的用水、用电、用气实行“欠费不停供”，设立6个月缓缴期。",
         ["责任单位：区发展和改革局；联系人：柴静怡；电话：0739-86613301"]),
        ("减免国有房屋租金", "承租区属国有房屋的服务业小微企业和个体工商户，2022年免除3个月租金。申请截止2022年10月31日。",
         ["责任单位：区国有资产事务中心；联系人：庞志远；电话：0739-86616018"]),
    ]),
    ("二、加大金融支持力度", [
        ("开展应急转贷", "对流动资金贷款到期、续贷有困难的中小微企业，由区应急转贷资金提供过桥支持，单笔最高500万元，费率按日0.1‰收取。",
         ["责任单位：区金融工作服务中心；联系人：蒋晓峰；电话：0739-866l7O45"]),
        ("实施贷款贴息", "对2022年新发放的中小微企业流动资金贷款，按贷款市场报价利率的30%给予贴息，每户最高20万元。",
         ["责任单位：区金融工作服务中心；联系人：蒋晓峰；电话：0739-86617045",
          "区财政局金融股；联系人：卢婉清；电话：0739-86611136"]),
        ("降低融资担保费率", "区融资担保公司对小微企业新增担保业务担保费率降至1%以下，取消反担保要求。",
         ["责任单位：澄溪区融资担保有限公司；联系人：麦俊豪；电话：0739-86618862"]),
        ("畅通投诉渠道", "企业在融资中遇到违规收费、抽贷断贷等问题，可随时投诉举报，有关部门5个工作日内答复。",
         ["投诉举报电话：12345"]),
    ]),
    ("三、稳定企业用工", [
        ("发放一次性留工培训补助", "对暂时无法正常生产经营的中小微企业，按每名参保职工500元标准发放一次性留工培训补助。",
         ["责任单位：区人力资源和社会保障局就业股；联系人：骆雨桐；电话：0739-86619213"]),
        ("支持吸纳高校毕业生", "企业招用毕业年度高校毕业生，签订1年以上劳动合同并参加失业保险的，按每人1500元发放一次性扩岗补助。",
         ["责任单位：区人社局就业股；联系人：骆雨桐；电话：0739-86619213"]),
        ("开展以工代训", "对组织新招用员工开展以工代训的中小微企业，按每人每月500元给予补贴，最长6个月。",
         ["责任单位：区人社局职业能力建设股；联系人：甘子墨；电话：0739-86619248"]),
        ("加强企业服务", "建立“企业服务专员”制度，对重点企业实行一对一联系服务。",
         ["责任单位：区工业和信息化局；联系人：裴思远；电话：86614405"]),
    ]),
]

NOTE = "　　注：电话未注明区号的，区号均为0739。"


def header(page, total, minute):
    return f"07-05-2022 14:{minute:02d}   FROM 0739-66100000   #0417   P. {page}/{total}"


def body_lines():
    lines = [(None, t) for t in []]
    out = []
    for t in TITLE:
        out.append("      " + t)
    out.append("・ ,")
    out += wrap(PREAMBLE)
    for sec, ms in SECTIONS:
        out.append(sec)
        for i, (title, body, contacts) in enumerate(ms, 1):
            n = sum(len(s[1]) for s in SECTIONS[:[s[0] for s in SECTIONS].index(sec)]) + i
            out += wrap(f"{n}．{title}。{body}")
            for c in contacts:
                out += wrap(c)
    out += wrap(NOTE)
    return out


NOISE = ["| .", "▪", "_ _ _ _ _ _ _", "・ ・ ,"]


def main():
    lines = body_lines()
    # pages of 16 lines, noise inside some; page 4 (3 of the guide) sent twice
    pages, per = [], 16
    for i in range(0, len(lines), per):
        pages.append(lines[i:i + per])
    total = len(pages) + 1  # the cover
    out = [header(1, total, 30), "", "          传 真 首 页", "",
           "收 件 人：区直各有关单位", "发 件 人：澄溪区发展和改革局", "传真号码：0739-66100000",
           "共 " + str(total) + " 页（含本页）", "经办人：阮丽君  电话：0739-66100012", "", "_ _ _ _ _ _ _ _ _ _", ""]
    minute = 31
    for k, p in enumerate(pages):
        page = k + 2
        copies = 2 if page == 4 else 1
        for c in range(copies):
            out.append(header(page, total, minute + (8 if c else 0)))
            body = list(p)
            noise = NOISE[k % len(NOISE)]
            at = 3 + (k * 5 + c * 4) % 9
            if k > 0 and at < len(body):
                body.insert(at, noise)
            out += body
            if k < len(pages) - 1:
                out.append(f"- {page - 1} -")
            out.append("")
        minute += 1
    out += ["", "        ◎澄溪区发■展和*改革局◎", "    2022年7月4日 ※ ＠★", "", "已转各街道 7.5"]
    with open("guide.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


main()
