#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's guide as an OpenDocument text's
content.xml (LibreOffice, office:version 1.3) handed over as text (see
README.md): the XML declaration, then the whole document on one line.
Deterministic; run from this directory."""
import re

NS = ' '.join(f'xmlns:{p}="{u}"' for p, u in [
    ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
    ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
    ("number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"),
    ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("chart", "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"),
    ("dr3d", "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0"),
    ("math", "http://www.w3.org/1998/Math/MathML"),
    ("form", "urn:oasis:names:tc:opendocument:xmlns:form:1.0"),
    ("script", "urn:oasis:names:tc:opendocument:xmlns:script:1.0"),
    ("ooo", "http://openoffice.org/2004/office"),
    ("ooow", "http://openoffice.org/2004/writer"),
    ("oooc", "http://openoffice.org/2004/calc"),
    ("dom", "http://www.w3.org/2001/xml-events"),
    ("xforms", "http://www.w3.org/2002/xforms"),
    ("xsd", "http://www.w3.org/2001/XMLSchema"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("rpt", "http://openoffice.org/2005/report"),
    ("of", "urn:oasis:names:tc:opendocument:xmlns:of:1.2"),
    ("xhtml", "http://www.w3.org/1999/xhtml"),
    ("grddl", "http://www.w3.org/2003/g/data-view#"),
    ("officeooo", "http://openoffice.org/2009/office"),
    ("tableooo", "http://openoffice.org/2009/table"),
    ("drawooo", "http://openoffice.org/2010/draw"),
    ("calcext", "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"),
    ("loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"),
    ("field", "urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"),
    ("css3t", "http://www.w3.org/TR/css3-text/"),
])

ISSUER = "岚川市枫桥区人民政府办公室"
DOCNO = "枫政办发〔2022〕27号"
TITLE = "岚川市枫桥区人民政府办公室关于印发《枫桥区助企纾困激发市场活力若干措施》的通知"
SUB = "枫桥区助企纾困激发市场活力若干措施"

# Inline markup in the texts below:
#   [T1:…] a bold title span, [T3:…] [T5:…] plain spans cutting words,
#   [br] a line break, [spb] a soft page break, [s2] two spaces,
#   [chg:ctN] a deletion's point mark, [ins:ctN:…] inserted text between
#   change-start and change-end, [ann:…|…] a comment's anchor and text,
#   ending at [annend].
# A measure is (paragraphs, duty, duty_own_paragraph, sublist).
M = []
def m(text, duty, own=False, sub=None):
    M.append((text, duty, own, sub))

SECTIONS = []
def sec(h, level=1):
    SECTIONS.append((h, level, len(M)))

sec("一、减轻税费负担")
m("[T1:全面落实增值税留抵退税政策。]对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，存量留抵税额于2022年[T3:6月]底前一次性退还。", "区税务局")
m("[T1:减征“六税两费”。]对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。", "区税务局、区财政局", own=True)
m("[T1:延缓缴纳部分税款。]对制造业中小微企业依法延缓缴纳2022年第二季度部分税费，延缓期限[T5:为6个月]。", "区税务局")
m("[T1:优化纳税服务。]推行“非接触式”办税缴费，企业可通过电子税务局、手机APP办理涉税事项，遇到问题可拨打纳税缴费服务热线咨询。", "区税务局", own=True)
m("[T1:减免政府性基金。]对小微企业免征国家重大水利工程建设基金[spb]、残疾人就业保障金，2022年减半征收文化事业建设费。", "区财政局、区税务局")
m("[T1:加快财政资金拨付。]对已纳入预算的惠企资金，在2022年9月底前全部拨付到位，不得截留挪用。", "区财政局", own=True)
sec("二、降低企业经营成本")
sec("（一）社会保险费", 2)
m("[T1:阶段性缓缴社会保险费。]对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金。", "区人社局、区税务局")
m("[T1:降低失业保险费率。]继续实施阶段性降低失业保险费率政策，失业保险单位费率按0.5%执行至2023年4月30日。", "区人社局")
m("[T1:缓缴住房公积金。]受疫情影响的企业可按规定申请缓缴住房公积金，缓缴期间职工正常提取和申请贷款不受影响。[br]职工住房公积金贷款不能正常还款的，不作逾期处理，不影响征信记录。", "区住房公积金管理部、区人社局")
sec("（二）房屋租金减免", 2)
m("[T1:减免国有房屋租金。]对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免[ann:区财政局 覃立新|中高风险地区是否减免6个月？请区国资中心黄启明核实（原稿为减免6个月）。]3个月租金[annend]；所在县级行政区域内有中高风险地区的，减免6个月租金。", "区国资中心、区财政局")
m("[T1:鼓励非国有房屋减免租金。]对出租人减免服务业小微企业和个体工商户租金的，按规定减免当年房产税、城镇土地使用税。", "区国资中心、区税务局", own=True, sub=[
    "减免租金1个月的，按减免租金总额的20%给予补贴，最高不超过5万元；",
    "减免租金3个月及以上的，按减免租金总额的30%给予补贴，最高不超过10万元；",
    "补贴申请截止时间为2022年11月30日。",
])
m("[T1:支持商业综合体减免租金。]对主动减免商户租金的[T3:商业][T5:综合体]，按减免总额的10%给予一次性奖励。", "区市场监管局、区财政局")
sec("（三）水电气和通信", 2)
m("[T1:实施用水用电用气“缓缴”。]对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气“不停供”，设立6个月的费用缓缴期。", "区发改局、区燃气服务中心")
m("[T1:降低宽带和专线资费。]推动基础电信企业[spb]对中小微企业宽带和专线平均资费再降10%。", "区工信局")
sec("三、加大金融支持力度")
m("[T1:延期还本付息。]对2022年[chg:ct3][ins:ct4:12月31日]前到期、受疫情影响暂时困难的中小微企业贷款，银行业金融机构按市场化原则与企业协商延期还本付息。", "区金融办、区财政局")
m("[T1:扩大普惠小微贷款。]引导银行业金融机构加大普惠小微贷款投放，力争全年普惠小微贷款增速不低于各项贷款增速。", "区金融办")
m("[T1:降低融资担保费率。]区融资担保公司对小微企业和个体工商户的担保费率降至1%以下，取消反担保要求。", "区融资担保公司、区金融办")
m("[T1:实施贷款贴息。]对2022年新增的小微企业贷款，按贷款市场报价利率的50%给予贴息，单户最高20万元。", "区金融办、区财政局", own=True)
m("[T1:支持首贷续贷。]在区政务服务中心设立首贷续贷服务窗口，农商银行为企业提供“一站式”融资服务。", "区农商银行")
sec("四、促进消费和重点行业恢复")
m("[T1:发放消费券。]分批次发放总额500万元的消费券，市民通过“枫桥生活”APP领取，在参与活动的商户使用。", "区商务局")
m("[T1:支持餐饮企业开展外卖业务。]对开展外卖配送的餐饮企业给予平台服务费50%的补贴，咨询电话0738-53[T3:12240]。", "区商务局")
m("[T1:开展汽车促消费活动。]对在本区购买新能源汽车的个人消费者，每辆给予3000元补贴。", "区商务局、区交通运输局", own=True)
m("[T1:支持文旅企业纾困。]对A级旅游景区、星级饭店和旅行社，按其2022年缴纳的社会保险费的30%给予补助。", "区文旅体局、区市场监管局")
m("[T1:稳定外贸企业。]对外贸企业出口信用保险保费给予全额补贴，对参加境外展会的企业给予展位费补贴。", "区商务局")
sec("五、稳定和扩大就业")
m("[T1:发放一次性扩岗补助。]对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每人1500元发放一次性扩岗补助。", "区人社局")
m("[T1:发放一次性留工培训补助。]对受疫情影响暂时无法正常经营的中小微企业，按每名参保职工500元[spb]发放一次性留工培训补助。", "区人社局")
m("[T1:支持创业担保贷款。]对符合条件的个人发放创业担保贷款，最高额度提高至20万元，财政给予贴息。", "区就业服务中心、区财政局", own=True)

# The 保障措施 list (L4) after its heading: not measures.
SAFEGUARDS = [
    "[T1:加强组织领导。]各责任单位要明确专人负责，细化实施办法，确保各项措施落地见效。",
    "[T1:强化政策宣传。]通过政府网站、新闻媒体和12345政务服务便民热线等渠道，加大政策宣传解读力度。",
    "[T1:加强督查落实。]区政府督查室对各项措施落实情况开展专项督查，定期通报进展。",
]

# The contacts table: unit (rowspan), 科室, person, phone, 对应措施.
# Phone markup: [br] a line break, [T3:…] a span, [mail:…] a mailto link,
# [chg:ctN] / [ins:ctN:…] a tracked change.
ROWS = [
    ("区税务局", 2, "货物和劳务税科", "韦海澜", "0738-5213360", "1、2、5"),
    (None, 0, "所得税科", "蒙小川", "0738-521[T3:3371]", "3、7、11"),
    ("12366纳税缴费服务热线", 1, "", "", "12366", "4"),
    ("区财政局", 2, "预算股", "覃立新", "0738-5226018", "2、5、15、18"),
    (None, 0, "国库股", "黎雪梅", "5226033", "6、10、12、27"),
    ("区人社局", 2, "劳动就业股", "莫振华", "0738-5231190[br]13907381126", "7、25、26"),
    (None, 0, "社会保险股", "农晓燕", "(0738)5231205", "8、9"),
    ("区住房公积金管理部", 1, "归集科", "韦[s2]丽", "0738－5240117", "9"),
    ("区国资中心", 1, "资产管理股", "黄启明", "[chg:ct5][ins:ct6:0738-5252216]", "10、11"),
    ("区市场监管局", 1, "登记注册股", "甘子豪", "0738-[T5:5261129]", "12、23"),
    ("区发改局", 1, "价格股", "廖春生", "5270348", "13"),
    ("区燃气服务中心", 1, "抢修服务热线（24小时）", "", "0738-5289119", "13"),
    ("区工信局", 1, "运行监测股", "潘文杰", "13807385521", "14"),
    ("区金融办", 1, "", "吴晓晴", "0738-5290056", "15、16、17、18"),
    ("区融资担保公司", 1, "业务一部", "岑国栋", "13974381207", "17"),
    ("区农商银行", 1, "普惠金融部", "陆海峰", "0738-5301187", "19"),
    ("区商务局", 1, "商贸流通股", "宁婷婷", "0738-5312240", "20、21、22"),
    ("区交通运输局", 1, "运输管理股", "覃振宇", "0738-5334472", "22"),
    ("区文旅体局", 1, "旅游股", "梁思远", "0738-5323361", "23"),
    ("区商务局", 1, "外贸股", "", "[mail:fqswjwmg@163.com]", "24"),
    ("区就业服务中心", 1, "创业服务股", "杨柳青", "13607385590", "27"),
]
SOFT_BREAK_AFTER = 11  # a soft page break between two body rows

DELETED = {"ct1": "6月20日", "ct3": "9月30日", "ct5": "0738-5252299"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(s):
    out = []
    pos = 0
    for mt in re.finditer(r"\[(T\d):([^\]]*)\]|\[br\]|\[spb\]|\[s(\d)\]|\[chg:(ct\d)\]|\[ins:(ct\d):([^\]]*)\]|\[ann:([^|]*)\|([^\]]*)\]|\[annend\]|\[mail:([^\]]*)\]", s):
        out.append(esc(s[pos:mt.start()]))
        pos = mt.end()
        g = mt.group(0)
        if mt.group(1):
            out.append(f'<text:span text:style-name="{mt.group(1)}">{esc(mt.group(2))}</text:span>')
        elif g == "[br]":
            out.append("<text:line-break/>")
        elif g == "[spb]":
            out.append("<text:soft-page-break/>")
        elif mt.group(3):
            out.append(f'<text:s text:c="{mt.group(3)}"/>')
        elif mt.group(4):
            out.append(f'<text:change text:change-id="{mt.group(4)}"/>')
        elif mt.group(5):
            c = mt.group(5)
            out.append(f'<text:change-start text:change-id="{c}"/>{esc(mt.group(6))}<text:change-end text:change-id="{c}"/>')
        elif mt.group(7) is not None:
            out.append('<office:annotation office:name="__Annotation__12_3081" loext:resolved="false">'
                       f'<dc:creator>{esc(mt.group(7))}</dc:creator><dc:date>2022-06-18T09:12:00</dc:date>'
                       '<meta:date-string>06/18/2022, 09:12</meta:date-string>'
                       f'<text:p text:style-name="P40"><text:span text:style-name="T12">{esc(mt.group(8))}</text:span></text:p></office:annotation>')
        elif g == "[annend]":
            out.append('<office:annotation-end office:name="__Annotation__12_3081"/>')
        elif mt.group(9):
            a = mt.group(9)
            out.append(f'<text:a xlink:type="simple" xlink:href="mailto:{a}" text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">{esc(a)}</text:a>')
    out.append(esc(s[pos:]))
    return "".join(out)


def p(style, body):
    return f'<text:p text:style-name="{style}">{body}</text:p>'


def styles():
    out = ['<office:scripts/><office:font-face-decls>']
    for f in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体", "Times New Roman", "Liberation Serif", "Noto Sans CJK SC", "Lohit Devanagari"]:
        out.append(f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;" style:font-family-generic="roman"/>')
    out.append('</office:font-face-decls><office:automatic-styles>')
    out.append('<style:style style:name="表格1" style:family="table"><style:table-properties style:width="15.9cm" table:align="margins"/></style:style>')
    for c in "ABCDE":
        out.append(f'<style:style style:name="表格1.{c}" style:family="table-column"><style:table-column-properties style:column-width="3.18cm"/></style:style>')
    out.append('<style:style style:name="表格1.1" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>')
    out.append('<style:style style:name="表格1.A1" style:family="table-cell"><style:table-cell-properties fo:padding="0.097cm" fo:border="0.5pt solid #000000"/></style:style>')
    lists = {"P11": "L2", "P12": "L2", "P13": "L2", "P14": "L2", "P15": "L2", "P16": "L2", "P31": "L2", "P33": "L4"}
    for i in range(1, 45):
        attrs = f' style:list-style-name="{lists["P%d" % i]}"' if "P%d" % i in lists else ""
        parent = "Heading_20_1" if i == 17 else "Heading_20_2" if i in (18, 19) else "Standard"
        brk = '<style:paragraph-properties fo:break-before="page"/>' if i == 9 else '<style:paragraph-properties fo:text-align="justify"/>'
        out.append(f'<style:style style:name="P{i}" style:family="paragraph" style:parent-style-name="{parent}"{attrs}>{brk}'
                   f'<style:text-properties style:font-name="仿宋_GB2312" fo:font-size="16pt" officeooo:rsid="00{i:02d}3a1f"/></style:style>')
    for i in range(1, 13):
        out.append(f'<style:style style:name="T{i}" style:family="text"><style:text-properties fo:font-weight="{"bold" if i == 1 else "normal"}" officeooo:rsid="0{i:02d}4b2c"/></style:style>')
    out.append('<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"/></text:list-level-style-bullet></text:list-style>')
    out.append('<text:list-style style:name="L2">'
               '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="1.129cm"/></style:list-level-properties></text:list-level-style-number>'
               '<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"/></text:list-level-style-number>'
               '</text:list-style>')
    out.append('<text:list-style style:name="L3"><text:list-level-style-bullet text:level="1" text:bullet-char="◆"/></text:list-style>')
    out.append('<text:list-style style:name="L4"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/></text:list-style>')
    out.append('<text:list-style style:name="L5"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="1"/></text:list-style>')
    out.append('</office:automatic-styles>')
    return "".join(out)


def body():
    out = ['<office:body><office:text>']
    out.append('<text:tracked-changes text:track-changes="false">')
    for k in range(1, 7):
        c = f"ct{k}"
        info = f'<office:change-info><dc:creator>区政府办 秘书科</dc:creator><dc:date>2022-06-2{k % 3}T1{k}:05:00</dc:date></office:change-info>'
        if c in DELETED:
            out.append(f'<text:changed-region xml:id="{c}" text:id="{c}"><text:deletion>{info}<text:p text:style-name="P2">{DELETED[c]}</text:p></text:deletion></text:changed-region>')
        else:
            out.append(f'<text:changed-region xml:id="{c}" text:id="{c}"><text:insertion>{info}</text:insertion></text:changed-region>')
    out.append('</text:tracked-changes>')
    out.append('<text:sequence-decls>' + "".join(f'<text:sequence-decl text:display-outline-level="0" text:name="{n}"/>' for n in ["Illustration", "Table", "Text", "Drawing", "Figure"]) + '</text:sequence-decls>')
    # Header paragraphs.
    out.append(p("P1", esc(ISSUER + "文件")))
    out.append(p("P2", '<text:bookmark text:name="OLE_LINK1"/>' + esc(DOCNO)))
    out.append(p("P3", esc(ISSUER) + '<text:tab/>2022年' + inline("[chg:ct1][ins:ct2:6月23日]") + "印发"))
    out.append('<text:p text:style-name="P4"/>')
    out.append(p("P5", esc(TITLE)))
    out.append(p("P6", "各乡镇人民政府、街道办事处，区直各部门、各直属单位："))
    out.append(p("P7", esc(f"《{SUB}》已经区人民政府同意，现印发给你们，请认真贯彻执行。")))
    out.append(p("P8", esc(ISSUER) + '<text:s text:c="4"/>'))
    out.append(p("P8", '2022年6月23日<text:s text:c="8"/>'))
    out.append(p("P8", "（此件公开发布）"))
    out.append(p("P9", '<text:bookmark-start text:name="_Toc5521301"/>' + esc(SUB) + '<text:bookmark-end text:name="_Toc5521301"/>'))
    out.append(p("P10", "为深入贯彻落实国家、省、市关于扎实稳住经济的一揽子政策措施，帮助市场主体" + '<text:span text:style-name="T4">纾困解难</text:span>' + "，激发市场活力，结合我区实际，制定以下措施。"))
    # Sections and measures.
    heads = {i: [] for i in range(len(M) + 1)}
    for h, lvl, at in SECTIONS:
        heads[at].append((h, lvl))
    lid, n, runs, run_starts = "list3316870412", 0, 0, 0
    open_list = False
    toc = 10
    for i, (text, duty, own, sub) in enumerate(M):
        if heads[i]:
            if open_list:
                out.append('</text:list>')
                open_list = False
            for h, lvl in heads[i]:
                toc += 1
                st = "P17" if lvl == 1 else "P18" if toc % 2 else "P19"
                out.append(f'<text:h text:style-name="{st}" text:outline-level="{lvl}"><text:bookmark-start text:name="_Toc55213{toc:02d}"/>{esc(h)}<text:bookmark-end text:name="_Toc55213{toc:02d}"/></text:h>')
        if not open_list:
            if runs == 0:
                out.append(f'<text:list xml:id="{lid}" text:style-name="L2">')
            elif runs % 2:
                out.append(f'<text:list xml:id="list{2207 + runs}" text:continue-list="{lid}" text:style-name="L2">')
            else:
                out.append('<text:list text:style-name="L2" text:continue-numbering="true">')
            runs += 1
            open_list = True
        style = ["P11", "P12", "P14", "P16", "P31"][i % 5]
        duty_run = '<text:span text:style-name="T2">责任单位：</text:span>' + esc(duty)
        item = ['<text:list-item>']
        if sub:
            item.append(p(style, inline(text)))
            item.append('<text:list>' + "".join(f'<text:list-item>{p("P16", esc(s))}</text:list-item>' for s in sub) + '</text:list>')
            item.append(p("P13", duty_run))
        elif own:
            item.append(p(style, inline(text)))
            item.append(p("P13" if i % 2 else "P15", duty_run))
        else:
            item.append(p(style, inline(text) + '<text:line-break/>' + duty_run))
        item.append('</text:list-item>')
        out.append("".join(item))
    out.append('</text:list>')
    out.append('<text:h text:style-name="P17" text:outline-level="1"><text:bookmark-start text:name="_Toc5521399"/>六、保障措施<text:bookmark-end text:name="_Toc5521399"/></text:h>')
    out.append('<text:list xml:id="list1904417726" text:style-name="L4">' + "".join(f'<text:list-item>{p("P33", inline(s))}</text:list-item>' for s in SAFEGUARDS) + '</text:list>')
    out.append(p("P20", "本措施自印发之日起施行，有效期至2022年12月31日。国家、省、市出台相关支持政策的，按上级政策执行。"))
    # The attachment.
    out.append(p("P21", "<text:soft-page-break/>附件"))
    out.append(p("P22", "枫桥区助企纾困政策咨询联系表"))
    out.append('<table:table table:name="表格1" table:style-name="表格1">')
    out.extend(f'<table:table-column table:style-name="表格1.{c}"/>' for c in "ABCDE")

    def cell(v, span=1):
        a = f' table:number-rows-spanned="{span}"' if span > 1 else ""
        return (f'<table:table-cell table:style-name="表格1.A1"{a} office:value-type="string">'
                f'<text:p text:style-name="P23">{inline(v)}</text:p></table:table-cell>')
    out.append('<table:table-header-rows><table:table-row table:style-name="表格1.1">' + "".join(cell(h) for h in ["责任单位", "联系科室", "联系人", "联系电话", "对应措施"]) + '</table:table-row></table:table-header-rows>')
    for k, (unit, span, dept, person, phone, refs) in enumerate(ROWS):
        first = '<table:covered-table-cell/>' if unit is None else cell(unit, span)
        out.append('<table:table-row table:style-name="表格1.1">' + first + cell(dept) + cell(person) + cell(phone) + cell(refs) + '</table:table-row>')
        if k + 1 == SOFT_BREAK_AFTER:
            out.append('<text:soft-page-break/>')
    out.append('</table:table>')
    out.append(p("P24", "注：表中“对应措施”为本措施条目序号；联系电话如有变动，以各单位对外公布为准。"))
    out.append('<text:p text:style-name="P24"/>')
    out.append('</office:text></office:body>')
    return "".join(out)


doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       f'<office:document-content {NS} office:version="1.3">' + styles() + body() + '</office:document-content>')
open("guide.txt", "w", encoding="utf-8", newline="\n").write(doc)
print(len(doc.encode()), "bytes,", len(M), "measures")
