#!/usr/bin/env python3
"""Writes guide.txt: a PowerPoint deck (.pptx) of a district's 助企纾困
measures, unzipped by a clerk and its XML parts concatenated (each after a
`===== path =====` line, in zip order, the declaration ended by CRLF and the
part on one line).

Fictional test data: 澜川市松涛区 (a fictional city and district, area code
0766, 7-digit local numbers); every unit, department, person, phone, e-mail,
amount and wording is invented. Checks that every part is well-formed XML.
"""
import xml.dom.minidom
from xml.sax.saxutils import escape

P = 'http://schemas.openxmlformats.org/presentationml/2006/main'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
DGM = 'http://schemas.openxmlformats.org/drawingml/2006/diagram'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NS = f'xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"'

TITLE = '松涛区稳经济助企纾困政策宣讲'
DOC = '《松涛区关于进一步助企纾困稳定经济运行的若干措施》（松政办〔2022〕15号）'
ISSUER = '澜川市松涛区发展和改革局'
DATE = '2022年6月30日'
FOOTER = '松涛区发展和改革局'

# Measures: number, title, text, units.
M = [
    (1, '增值税留抵退税', '对符合条件的小微企业和制造业等行业企业，按月全额退还增值税增量留抵税额，并一次性退还存量留抵税额。', '区税务局'),
    (2, '研发(R&D)费用加计扣除', '科技型中小企业开展研发活动中实际发生的研发费用，按100%在税前加计扣除，“研发&创新”专项辅导全年开展。', '区税务局、区科技局'),
    (3, '"六税两费"减征', '对增值税小规模纳税人、小型微利企业和个体工商户，按50%幅度减征资源税、城市维护建设税等“六税两费”。', '区税务局'),
    (4, '房产税城镇土地使用税困难减免', '受疫情影响较大、缴纳房产税和城镇土地使用税确有困难的企业，可申请减免2022年第二、三季度税款。', '区税务局、区财政局'),
    (5, '一次性留工培训补助', '对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元标准发放一次性留工培训补助。', '区人社局、区就业服务中心'),
    (6, '国有房屋租金减免', '承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金，其中中高风险地区所在县级行政区域内的再减免3个月。', '区国资办'),
    (7, '阶段性缓缴社会保险费', '对餐饮、零售、旅游等特困行业企业，阶段性缓缴养老、失业和工伤保险单位缴费部分，缓缴期间免收滞纳金。', '区人社局'),
    (8, '扩岗补助', '企业招用毕业年度高校毕业生，签订劳动合同并参保的，按每人1500元标准发放一次性扩岗补助。', '区人社局'),
    (9, '延期还本付息', '对受疫情影响暂时遇困的中小微企业贷款，银行按市场化原则延期还本付息，延期贷款不下调风险分类。', '区金融办'),
    (10, '融资担保降费', '政府性融资担保机构对小微企业担保费率降至1%以下，对单户担保金额<500万元的业务不收取反担保。', '区金融办、区融资担保公司'),
    (11, '首贷续贷奖励', '对银行机构向首次贷款的小微企业发放的贷款，按首贷金额的0.5%给予奖励，单家银行年度奖励不超过50万元。', '区金融办'),
    (12, '企业开办一日办结', '企业开办全流程压缩至1个工作日内，免费刻制首套印章，免费邮寄营业执照。', '区行政审批局'),
    (13, '包容审慎监管', '对市场主体首次轻微违法行为，依法不予行政处罚，推行“首违不罚”清单制度。', '区市场监管局'),
    (14, '政策咨询直通车', '开通12345涉企诉求专席，企业政策咨询和诉求办理时限不超过5个工作日。', '区营商办'),
]
BY = {m[0]: m for m in M}
SUB6 = ['适用对象：承租区属行政事业单位和国有企业房屋的服务业小微企业和个体工商户。', '申请方式：向出租单位提交减免申请及营业执照复印件。']
REST6 = '已缴纳2022年租金的，从2023年租金中抵扣，申请截止时间为2022年12月31日。'

ids = iter(range(2, 10000))


def split_runs(text, bold_upto=0):
    """Runs cut as PowerPoint writes them: at every change between Chinese and
    ASCII, and mid-word every 5 Chinese characters."""
    runs, cur, kind, count = [], '', None, 0
    for i, ch in enumerate(text):
        k = 'en' if ord(ch) < 128 else 'zh'
        if cur and (k != kind or (k == 'zh' and count >= 5)):
            runs.append((cur, kind))
            cur, count = '', 0
        cur += ch
        kind = k
        count += 1
    if cur:
        runs.append((cur, kind))
    out = []
    for i, (t, k) in enumerate(runs):
        lang = 'en-US' if k == 'en' else 'zh-CN'
        b = ' b="1"' if i < 2 and bold_upto else ''
        err = ' err="1"' if i % 7 == 3 else ''
        out.append(f'<a:r><a:rPr lang="{lang}" altLang="zh-CN"{b}{err} dirty="0"/><a:t>{escape(t, {chr(34): "&quot;"})}</a:t></a:r>')
    return ''.join(out)


def para(text, ppr='', bold=True, extra=''):
    return f'<a:p>{ppr}{split_runs(text, bold)}{extra}<a:endParaRPr lang="zh-CN" altLang="en-US" dirty="0"/></a:p>'


def duty_run(units):
    return f'<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1200"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:rPr><a:t>（责任单位：{units}）</a:t></a:r>'


BUNONE = '<a:pPr marL="0" indent="0"><a:buNone/></a:pPr>'


def auto(start):
    return f'<a:pPr marL="457200" indent="-457200"><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="{start}"/></a:pPr>'


def measure_para(n, ppr, in_text=True, duty=True):
    _, title, text, units = BY[n]
    lead = f'{n}.' if in_text else ''
    body = split_runs(lead + title + '。', True) + split_runs(text, False)
    tail = duty_run(units) if duty else ''
    return f'<a:p>{ppr}{body}{tail}</a:p>'


def sp(name, ph, body, txbox=False):
    nv = f'<p:nvPr>{ph}</p:nvPr>'
    box = ' txBox="1"' if txbox else ''
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{next(ids)}" name="{name}"/><p:cNvSpPr{box}/>{nv}</p:nvSpPr>'
            f'<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>')


def title_sp(t, kind='title'):
    return sp('标题 1', f'<p:ph type="{kind}"/>', para(t))


def body_sp(paras):
    return sp('内容占位符 2', '<p:ph idx="1"/>', ''.join(paras))


def footer_sp(show):
    f = sp('页脚占位符 3', '<p:ph type="ftr" sz="quarter" idx="11"/>', para(FOOTER))
    n = sp('灯片编号占位符 4', '<p:ph type="sldNum" sz="quarter" idx="12"/>',
           f'<a:p><a:fld id="{{B5A1}}" type="slidenum"><a:rPr lang="zh-CN"/><a:t>{show}</a:t></a:fld><a:endParaRPr lang="zh-CN"/></a:p>')
    d = sp('日期占位符 5', '<p:ph type="dt" sz="half" idx="10"/>',
           '<a:p><a:fld id="{D1}" type="datetimeFigureOut"><a:rPr lang="zh-CN"/><a:t>2022/6/28</a:t></a:fld></a:p>')
    return f + n + d


def slide(shapes, show, hidden=False):
    h = ' show="0"' if hidden else ''
    return (f'<p:sld {NS}{h}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            f'<p:grpSpPr/>{shapes}{footer_sp(show)}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def cell(text, attrs='', paras=None):
    if paras is None:
        paras = [text] if text else []
    br = '<a:br><a:rPr lang="en-US"/></a:br>'
    body = ''.join('<a:p>' + br.join(split_runs(x, False) for x in t.split('\n')) + '</a:p>' for t in paras)
    if not body:
        body = '<a:p><a:endParaRPr lang="zh-CN"/></a:p>'
    return f'<a:tc{attrs}><a:txBody><a:bodyPr/><a:lstStyle/>{body}</a:txBody><a:tcPr/></a:tc>'


HEADER = ['适用条款', '责任单位', '联系科室', '联系人', '联系电话']


def table(rows):
    grid = ''.join('<a:gridCol w="1828800"/>' for _ in HEADER)
    trs = ''.join(f'<a:tr h="370840">{"".join(r)}</a:tr>' for r in [[cell(h) for h in HEADER]] + rows)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{next(ids)}" name="表格 6"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" cy="3000000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
            f'<a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>{grid}</a:tblGrid>{trs}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')


V = ' vMerge="1"'
H = ' hMerge="1"'
TABLE_A = [
    [cell('第1、2条'), cell('区税务局', ' rowSpan="3"'), cell('货物和劳务税科'), cell('林晓'), cell('0766-2281101')],
    [cell('第3条'), cell('', V), cell('纳税缴费服务热线', ' gridSpan="2"'), cell('', H), cell('12366')],
    [cell('第4条'), cell('', V), cell('财产和行为税科'), cell('周敏'), cell('（0766）2281103')],
    [cell('第4条'), cell('区财政局'), cell('综合股'), cell('马骏'), cell('0766 2281104')],
    [cell('第5条', ' rowSpan="2"'), cell('区人社局'), cell('就业促进股'), cell('陈刚'), cell('', paras=['0766-2281201\n13800001234'])],
    [cell('', V), cell('区就业服务中心', ' rowSpan="2"'), cell('培训股', ' rowSpan="2"'), cell('黄丽', ' rowSpan="2"'), cell('0766－2281202', ' rowSpan="2"')],
    [cell('第7、8条'), cell('', V), cell('', V), cell('', V), cell('', V)],
    [cell('第6条'), cell('区国资办'), cell('产权管理股'), cell('吴强'), cell('', paras=['0766-2281301', '13900005678'])],
]
TABLE_B = [
    [cell('第9—11条'), cell('区金融办'), cell('金融股'), cell('郑华'), cell('0766-2281401')],
    [cell('第10条'), cell('区融资担保公司'), cell('业务部'), cell('王芳'), cell('0766-2281402')],
    [cell('第12条'), cell('区行政审批局'), cell('综合股'), cell('刘洋'), cell('2281501')],
    [cell('第13条'), cell('区市场监管局'), cell('注册股'), cell('邮箱：songtao_scj@163.com', ' gridSpan="2"'), cell('', H)],
    [cell('第14条'), cell('区营商办'), cell('企业服务股'), cell('孙悦'), cell('0766-2281601')],
    [cell('第14条'), cell('12345政务服务便民热线', ' gridSpan="3"'), cell('', H), cell('', H), cell('12345')],
]


def group(shapes):
    return (f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{next(ids)}" name="组合 7"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{shapes}</p:grpSp>')


# Slides by file number; SHOW is the show order (file numbers).
S = {}
S[1] = slide(title_sp(TITLE, 'ctrTitle') + sp('副标题 2', '<p:ph type="subTitle" idx="1"/>',
                                              para('——' + DOC + '解读') + para(ISSUER) + para(DATE)), 1)
S[2] = slide(title_sp('目  录') + body_sp([para('一、减税降费（第1—4条）'), para('二、稳岗就业（第5—8条）'), para('三、金融支持（第9—11条）'),
                                          para('四、优化服务（第12—14条）'), para('五、联系方式')]), 2)
S[5] = slide(title_sp('一、减税降费') + body_sp([measure_para(n, auto(1), in_text=False) for n in (1, 2, 3)])
             + sp('文本框 8', '', para('政策依据：松政办〔2022〕15号'), txbox=True), 3)
S[3] = slide(title_sp('一、减税降费（续）') + body_sp([measure_para(4, BUNONE)]), 4)
S[9] = slide(title_sp('国有房屋租金减免（2021年版）') + body_sp([para('6.国有房屋租金减免。2021年减免3个月租金，申请截止2021年9月30日。（责任单位：区国资办，联系人赵旧，0766-2289999）', BUNONE)]), 5, hidden=True)
BULLET = '<a:pPr marL="742950" lvl="1" indent="-285750"><a:buFont typeface="Wingdings"/><a:buChar char="§"/></a:pPr>'
S[4] = slide(title_sp('二、稳岗就业') + body_sp([measure_para(5, BUNONE), measure_para(6, BUNONE, duty=False)]
                                            + [para(t, BULLET, False) for t in SUB6]), 6)
S[6] = slide(title_sp('二、稳岗就业（续）') + body_sp(
    [f'<a:p>{BUNONE}{split_runs(REST6, False)}{duty_run(BY[6][3])}</a:p>'] + [measure_para(n, auto(7), in_text=False) for n in (7, 8)]), 7)
S[10] = slide(title_sp('三、金融支持') + (
    f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{next(ids)}" name="图示 3"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/>'
    f'<a:graphic><a:graphicData uri="{DGM}"><dgm:relIds xmlns:dgm="{DGM}" r:dm="rId2" r:lo="rId3" r:qs="rId4" r:cs="rId5"/></a:graphicData></a:graphic></p:graphicFrame>'), 8)
# Measure 10 carries a line break inside its paragraph.
m10 = BY[10]
p10 = (f'<a:p>{auto(9)}{split_runs(m10[1] + "。", True)}{split_runs(m10[2][:25], False)}<a:br><a:rPr lang="zh-CN"/></a:br>'
       f'{split_runs(m10[2][25:], False)}{duty_run(m10[3])}</a:p>')
S[7] = slide(title_sp('三、金融支持') + body_sp([measure_para(9, auto(9), in_text=False), p10])
             + group(sp('圆角矩形 9', '', para('普惠金融')) + sp('文本框 10', '', measure_para(11, BUNONE), txbox=True)), 9)
S[8] = slide(title_sp('四、优化服务') + body_sp([measure_para(12, BUNONE), measure_para(13, BUNONE),
                                            measure_para(14, auto(14), in_text=False)]), 10)
S[11] = slide(title_sp('五、联系方式') + table(TABLE_A), 11)
S[12] = slide(title_sp('五、联系方式（续）') + table(TABLE_B), 12)
S[13] = slide(title_sp('谢谢！') + sp('文本框 11', '', para('政策咨询：12345') + para('松涛区发展和改革局  0766-2281000'), txbox=True), 13)
SHOW = [1, 2, 5, 3, 9, 4, 6, 10, 7, 8, 11, 12, 13]
NSLIDES = len(SHOW)

# presentation.xml.rels in shuffled Id order; rId for file f is rId(f+6).
rels = [(f'rId{f + 6}', f'slides/slide{f}.xml', 'slide') for f in (7, 3, 12, 1, 9, 5, 13, 2, 10, 4, 11, 6, 8)]
rels = [('rId1', 'slideMasters/slideMaster1.xml', 'slideMaster'), ('rId2', 'notesMasters/notesMaster1.xml', 'notesMaster')] + rels[:6] \
    + [('rId3', 'theme/theme1.xml', 'theme')] + rels[6:]
PRES = (f'<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
        f'<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>'
        + ''.join(f'<p:sldId id="{255 + f}" r:id="rId{f + 6}"/>' for f in SHOW)
        + '</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>')
PRES_RELS = (f'<Relationships xmlns="{PKG}">' + ''.join(
    f'<Relationship Id="{i}" Type="{R}/{t}" Target="{tg}"/>' for i, tg, t in rels) + '</Relationships>')

MASTER = (f'<p:sldMaster {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
          + title_sp('单击此处编辑母版标题样式') + body_sp([para('编辑母版文本样式'), para('第二级'), para('第三级')])
          + '</p:spTree></p:cSld></p:sldMaster>')


def layout(name):
    return (f'<p:sldLayout {NS} type="obj"><p:cSld name="{name}"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            + title_sp('单击此处编辑母版标题样式') + body_sp([para('单击此处编辑母版文本样式')]) + '</p:spTree></p:cSld></p:sldLayout>')


def notes(text, show):
    return (f'<p:notes {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            + sp('备注占位符 2', '<p:ph type="body" idx="1"/>', para(text))
            + sp('灯片编号 3', '<p:ph type="sldNum" idx="5"/>', f'<a:p><a:fld id="{{N1}}" type="slidenum"><a:t>{show}</a:t></a:fld></a:p>')
            + '</p:spTree></p:cSld></p:notes>')


DATA = (f'<dgm:dataModel xmlns:dgm="{DGM}" xmlns:a="{A}"><dgm:ptLst><dgm:pt modelId="{{0}}" type="doc"><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>'
        + ''.join(f'<dgm:pt modelId="{{{i}}}"><dgm:t><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>{t}</a:t></a:r></a:p></dgm:t></dgm:pt>'
                  for i, t in enumerate(['延期还本', '到期贷款延至年底', '担保降费', '费率降至1%以下', '首贷奖励', '按首贷额0.5%奖励银行'], 1))
        + '</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>')
DRAWING = (f'<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:a="{A}"><dsp:spTree>'
           + ''.join(f'<dsp:sp><dsp:txBody><a:p><a:r><a:t>{t}</a:t></a:r></a:p></dsp:txBody></dsp:sp>' for t in ['延期还本', '到期贷款延至年底', '担保降费'])
           + '</dsp:spTree></dsp:drawing>')

CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>2021年松涛区惠企政策宣讲（定稿）</dc:title>'
        '<dc:creator>Administrator</dc:creator><cp:keywords>减税&amp;降费</cp:keywords><cp:lastModifiedBy>孙悦</cp:lastModifiedBy>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2021-05-11T02:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-06-28T09:30:00Z</dcterms:modified></cp:coreProperties>')
APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office PowerPoint</Application>'
       f'<Slides>{NSLIDES}</Slides><Notes>3</Notes><HiddenSlides>1</HiddenSlides><Company>松涛区人民政府</Company><AppVersion>16.0000</AppVersion></Properties>')
COMMENT = (f'<p:cmLst {NS}><p:cm authorId="0" dt="2022-06-27T10:00:00" idx="1"><p:pos x="10" y="10"/>'
           '<p:text>第6条按新版6个月，旧版那页已隐藏，联系人改为吴强，旧号码0766-2289998停用。</p:text></p:cm></p:cmLst>')

parts = [
    ('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    ('_rels/.rels', f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="ppt/presentation.xml"/></Relationships>'),
    ('docProps/app.xml', APP),
    ('docProps/core.xml', CORE),
    ('ppt/presentation.xml', PRES),
    ('ppt/_rels/presentation.xml.rels', PRES_RELS),
    ('ppt/slideMasters/slideMaster1.xml', MASTER),
    ('ppt/slideLayouts/slideLayout1.xml', layout('标题幻灯片')),
    ('ppt/slideLayouts/slideLayout2.xml', layout('标题和内容')),
    ('ppt/theme/theme1.xml', f'<a:theme xmlns:a="{A}" name="Office 主题\u200b"><a:themeElements/></a:theme>'),
]
parts += [(f'ppt/slides/slide{f}.xml', S[f]) for f in sorted(S)]
parts += [(f'ppt/slides/_rels/slide{f}.xml.rels', f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/slideLayout" Target="../slideLayouts/slideLayout2.xml"/></Relationships>') for f in sorted(S)]
parts += [
    ('ppt/diagrams/data1.xml', DATA),
    ('ppt/diagrams/drawing1.xml', DRAWING),
    ('ppt/notesMasters/notesMaster1.xml', notes('单击此处编辑母版文本样式', '‹#›').replace('p:notes ', 'p:notesMaster ').replace('</p:notes>', '</p:notesMaster>')),
    ('ppt/notesSlides/notesSlide1.xml', notes('开场：全区已办理留抵退税3.2亿元，税务局林晓电话0766-2281101。', 3)),
    ('ppt/notesSlides/notesSlide2.xml', notes('停电报修打95598，不是我们的事项；有问题打我手机13700009999。', 6)),
    ('ppt/notesSlides/notesSlide3.xml', notes('第6条旧版减免3个月，已作废。', 5)),
    ('ppt/commentAuthors.xml', f'<p:cmAuthorLst {NS}><p:cmAuthor id="0" name="孙悦" initials="SY" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>'),
    ('ppt/comments/comment1.xml', COMMENT),
    ('ppt/presProps.xml', f'<p:presentationPr {NS}/>'),
    ('ppt/tableStyles.xml', f'<a:tblStyleLst xmlns:a="{A}" def="{{5C22544A}}"/>'),
]

out = []
for path, body in parts:
    xml.dom.minidom.parseString(body.encode())  # well-formed
    out.append(f'===== {path} =====\n{DECL}{body}\n')
with open('guide.txt', 'w', encoding='utf-8', newline='') as f:
    f.write(''.join(out))
print(len(parts), 'parts')
