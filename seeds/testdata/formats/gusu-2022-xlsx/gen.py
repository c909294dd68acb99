#!/usr/bin/env python3
"""Writes guide.txt: an .xlsx workbook of a district's 助企纾困 measures,
unzipped by a clerk and its XML parts concatenated (each after a
`----- FILE: path -----` line, in zip order), and README.md's measure table;
with --xlsx also gusu.xlsx, the same parts zipped, for a look in a
spreadsheet program.

Test data: a real district (江苏省苏州市姑苏区, area code 0512, 8-digit local
numbers) and an invented workbook; every unit's department, person, phone,
e-mail, amount and wording is invented. Checks that every part is
well-formed XML.
"""
import datetime
import sys
import xml.dom.minidom
import zipfile
from xml.sax.saxutils import escape

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

TITLE = '姑苏区关于助企纾困稳定经济增长的若干政策措施'
DOCNO = '姑政办〔2022〕9号'
ISSUER = '苏州市姑苏区人民政府办公室'
DATE = datetime.date(2022, 6, 27)


def serial(d):
    return (d - datetime.date(1899, 12, 30)).days


def esc(s):
    return escape(s)


def col_name(c):
    s = ''
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


# Shared strings in first-use order (tab order: 措施一览, 通讯录, 修订前, 文件信息).
SST = []
SST_XML = {}
USES = [0]


def si(text, xml_body=None):
    """The index of a shared string; xml_body its <si> content when not plain."""
    USES[0] += 1
    if text in SST:
        return SST.index(text)
    SST.append(text)
    SST_XML[text] = xml_body
    return len(SST) - 1


def t_elem(s):
    s = s.replace('\r\n', '_x000D_\n') if '\r\n' in s else s
    sp = ' xml:space="preserve"' if ('\n' in s or s != s.strip()) else ''
    return '<t%s>%s</t>' % (sp, esc(s))


# Styles: cellXfs index -> numFmtId.
#  0 General, 1 title, 2 header, 3 序号 (General), 4 phone 0000\-00000000,
#  5 date yyyy"年"m"月"d"日", 6 0"个工作日", 7 text wrap, 8 category, 9 date (built-in 14)
NUMFMTS = {176: '0000\\-00000000', 177: 'yyyy"年"m"月"d"日"', 178: '0"个工作日"'}
XFS = [0, 0, 0, 0, 176, 177, 178, 0, 0, 14]


def c_str(ref, text, s=7):
    return '<c r="%s" s="%d" t="s"><v>%d</v></c>' % (ref, s, si(text))


def c_rich(ref, runs, s=7):
    text = ''.join(r for r, _ in runs)
    body = ''
    for r, bold in runs:
        rpr = '<rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr>' if bold else ''
        body += '<r>%s%s</r>' % (rpr, t_elem(r))
    return '<c r="%s" s="%d" t="s"><v>%d</v></c>' % (ref, s, si(text, body))


def c_phon(ref, text, reading, s=7):
    body = '<t>%s</t><rPh sb="0" eb="1"><t>%s</t></rPh><phoneticPr fontId="1" type="noConversion"/>' % (esc(text), esc(reading))
    return '<c r="%s" s="%d" t="s"><v>%d</v></c>' % (ref, s, si(text, body))


def c_inl(ref, text, s=7):
    return '<c r="%s" s="%d" t="inlineStr"><is>%s</is></c>' % (ref, s, t_elem(text))


def c_num(ref, v, s=3):
    return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, s, v)


def c_empty(ref, s=7):
    return '<c r="%s" s="%d"/>' % (ref, s)


# Contacts the README lists, by measure: (lead, support, contacts as Contact.String without hours).
# Measures: each a list of rows (the first row holds the merged cells).
# A row: dict of column letter -> cell xml maker (lambda ref: ...).
H = ['序号', '分类', '措施名称', '主要内容', '牵头单位', '配合单位', '截止日期', '联系人', '联系电话', '承诺时限', '内部备注']

RICH1 = [('对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，', False),
         ('存量留抵税额于2022年6月30日前一次性退还', True),
         ('，中型企业于2022年12月31日前集中退还。', False)]
RICH13 = [('对首次认定的高新技术企业给予', False), ('一次性奖励20万元', True), ('，对重新认定的给予5万元奖励，由区科技局会同区工信局审核后拨付。', False)]

M = []  # (n, category, rows, lead, support, contacts, title)


def measure(n, cat, title, content, lead, support, deadline, people, phones, limit, note=None,
            more=None, expect=None, num=None, hidden=False, inline=False):
    M.append(dict(n=n, cat=cat, title=title, content=content, lead=lead, support=support, deadline=deadline,
                  people=people, phones=phones, limit=limit, note=note, more=more or [], expect=expect,
                  num=num, hidden=hidden, inline=inline))


# deadline: ('date', date, style) | ('serial', date) (General: a date column) | text
# phones: text | ('num', digits, style) | ('vlookup', text) | ('err',) | None (no cell)
measure(1, '税费减免', '增值税留抵退税', RICH1, '区税务局', None, ('date', datetime.date(2022, 12, 31), 5),
        '顾文杰', '0512-65213301', 10, note='已与税务局核实',
        more=[('区财政局', '沈丽华', '0512-65213388')], expect=('区税务局、区财政局', '',
        ['区税务局 纳税服务科 顾文杰 0512-65213301', '区财政局 预算科 沈丽华 0512-65213388']))
measure(2, '税费减免', '小规模纳税人免征增值税', '对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税，适用3%预征率的预缴增值税项目暂停预缴，纳税人申报时直接享受。',
        '区税务局', None, ('date', datetime.date(2022, 12, 31), 9), '纳税服务热线', '12366', '即时办结',
        expect=('区税务局', '', ['区税务局 12366']))
measure(3, '税费减免', '“六税两费”减征', '对小型微利企业和个体工商户在50%税额幅度内减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。',
        '区税务局', None, '2024年12月31日', '顾文杰', '0512-65213301', '即时办结', num='3.0000000000000004',
        expect=('区税务局', '', ['区税务局 纳税服务科 顾文杰 0512-65213301']))
measure(4, '税费减免', '房产税城镇土地使用税减免', '对2022年被列为疫情中高风险地区所在县级行政区域内的服务业小微企业和个体工商户，减免当年3个月的房产税、城镇土地使用税，困难特别严重的可申请困难减免。',
        '区税务局', '区人社局', ('serial', datetime.date(2022, 9, 30)), '陆建平', ('num', '51265237712', 4), 20,
        note='电话格式已改',
        expect=('区税务局', '区人社局', ['区人社局 就业促进科 陆建平 0512-65237712']))
measure(5, '稳岗就业', '阶段性缓缴社会保险费', '对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，阶段性缓缴养老保险、失业保险和工伤保险单位缴费部分，缓缴期间免收滞纳金。',
        '区社保中心', '区人社局', ('date', datetime.date(2022, 12, 31), 5), '钱晓燕', '0512-65237730\n13962150012', 5,
        expect=('区社保中心', '区人社局', ['区社保中心 征缴科 钱晓燕 0512-65237730、13962150012']))
# The hidden stale row of 6 stands before the current one.
measure(6, '稳岗就业', '一次性留工培训补助', '对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工300元标准发放一次性留工培训补助，2022年9月30日前申领。',
        '区就业管理中心', None, ('date', datetime.date(2022, 9, 30), 5), '朱明', '0512-65237799', 10, hidden=True)
measure(6, '稳岗就业', '一次性留工培训补助', '对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元标准发放一次性留工培训补助，企业无需申报，经审核后直接拨付至企业对公账户。',
        '区就业管理中心', None, ('date', datetime.date(2022, 12, 31), 5), '朱明', '0512-65237745', '免申即享',
        expect=('区就业管理中心', '', ['区就业管理中心 朱明 0512-65237745']))
measure(7, '稳岗就业', '一次性扩岗补助', '对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每招用1人1500元标准发放一次性扩岗补助，与一次性吸纳就业补贴不重复享受。',
        '区商务局、区市场监管局', None, ('serial', datetime.date(2022, 12, 31)), None, None, 15,
        expect=('区商务局、区市场监管局', '', ['区商务局 商贸科 徐丹 0512-65248810', '区市场监管局 登记科 王磊 0512-65249920']))
measure(8, '房租减免', '国有房屋租金减免', '对承租区属国有企业经营用房的服务业小微企业和个体工商户，2022年减免6个月租金，转租、分租的确保减免落实到最终承租人。',
        '区住建局', '区国资办', ('date', datetime.date(2022, 12, 31), 5), '蒋涛', ('num', '51265256601', 3), 20,
        expect=('区住建局', '区国资办', ['区住建局 房产科 蒋涛 0512-65256601']))
measure(9, '房租减免', '非国有房屋减租激励', '鼓励非国有房屋出租人为服务业小微企业和个体工商户减免租金，对减免租金的出租人按规定减免当年房产税、城镇土地使用税。',
        '区国资办', None, '2022年底', '吴芳', ('num', '51268801234', 3), 30,
        expect=('区国资办', '', ['区国资办 吴芳 0512-68801234']))
measure(10, '金融助企', '普惠小微贷款支持', '鼓励辖区银行机构加大普惠小微贷款投放，对受疫情影响的小微企业和个体工商户合理给予延期还本付息，不抽贷、不断贷、不压贷。',
        '区金融办', '各银行机构', '长期', '华磊', ('vlookup', '0512-65260018'), '长期',
        expect=('区金融办', '各银行机构', ['区金融办 金融科 华磊 0512-65260018']))
# 12 stands before 11.
measure(12, '金融助企', '融资担保降费', '区融资担保公司对小微企业和个体工商户新增担保业务担保费率降至1%以下，受疫情影响较大的行业再降0.5个百分点。',
        '区金融办', '区融资担保公司', ('date', datetime.date(2022, 12, 31), 5), '华磊', ('err',), 7,
        expect=('区金融办', '区融资担保公司', ['区金融办 金融科 华磊 0512-65260018']))
measure(11, '金融助企', '应急转贷资金支持', '对贷款即将到期、还款暂时困难的中小微企业，由区应急转贷资金提供续贷过桥服务，单笔额度不超过500万元。',
        '区融资担保公司', '区金融办', '长期', '杨静', '0512-65260101', 3,
        expect=('区融资担保公司', '区金融办', ['区融资担保公司 业务部 杨静 0512-65260101']))
measure(13, '金融助企', '高新技术企业认定奖励', RICH13, '区科技局、区工信局', None, '长期', '孙浩\n严琴', '0512-65271100\n0512-65272200', 30, inline=True,
        expect=('区科技局、区工信局', '', ['区科技局 高新科 孙浩 0512-65271100', '区工信局 企业科 严琴 0512-65272200']))
measure(14, '金融助企', '企业上市挂牌奖励', '对在境内外证券交易所首发上市的企业分阶段给予总额不超过300万元奖励，对在区域性股权市场挂牌的企业一次性给予10万元奖励。',
        '区金融办', None, '长期', '综合科', '邮箱：gsjrb@163.com', 30,
        expect=('区金融办', '', ['区金融办 gsjrb@163.com']))
measure(15, '服务保障', '文旅企业纾困补助', '对A级旅游景区、星级饭店和旅行社，按上年度纳税额的10%给予纾困补助，单个企业最高不超过30万元（研发&设计类文创企业同等享受，年营收<100万元的按5万元定额补助）。\r\n旅行社质量保证金暂退比例提高至100%。',
        '区文旅局', None, ('date', datetime.date(2022, 10, 31), 5), '许婷', '65283310', 20,
        expect=('区文旅局', '', ['区文旅局 产业科 许婷 65283310']))
measure(16, '服务保障', '水电气“欠费不停供”', '对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气“欠费不停供”，设立6个月的费用缓缴期，缓缴期间免收欠费滞纳金。',
        '国网姑苏供电服务中心', '区发改委', '疫情期间', '周强', '13906211234', '即时办结',
        more=[('苏州水务姑苏营业所', '24小时服务热线', '0512-65299000'), ('港华燃气姑苏服务站', '陈磊', '0512-65288123')],
        expect=('国网姑苏供电服务中心、苏州水务姑苏营业所、港华燃气姑苏服务站', '区发改委',
                ['国网姑苏供电服务中心 周强 13906211234', '苏州水务姑苏营业所 0512-65299000', '港华燃气姑苏服务站 客服部 陈磊 0512-65288123']))
measure(17, '服务保障', '企业开办“一日办结”', '企业开办涉及的设立登记、公章刻制、申领发票、社保登记等事项全部纳入“一网通办”，全流程1个工作日内办结。',
        '区政务服务办', None, '长期', None, None, '即时办结',
        expect=('区政务服务办', '', ['区政务服务办 综合科 邱敏 0512-65300110', '区政务服务办 12345']))
measure(18, '服务保障', '涉企审批容缺受理', '对基本条件具备、主要申请材料齐全且符合法定条件，次要材料欠缺的涉企审批事项实行容缺受理，申请人在承诺时限内补齐材料后即可办结。',
        '区政务服务办', None, '长期', '邱敏\n12345政务服务便民热线', '0512-65300110\n12345', 5,
        expect=('区政务服务办', '', ['区政务服务办 综合科 邱敏 0512-65300110', '区政务服务办 12345']))

# 通讯录: unit, 科室, person (reading for a phonetic run), 办公电话, 手机, 备注.
CONTACTS = [
    ('区税务局', '纳税服务科', '顾文杰', '0512-65213301', '', ''),
    ('区税务局', '', '纳税服务热线', '12366', '', '工作日9:00-17:00'),
    ('区财政局', '预算科', '沈丽华', '0512-65213388', '', ''),
    ('区人社局', '就业促进科', '陆建平', '0512-65237712', '', ''),
    ('区人社局', '', '社保咨询热线', '12333', '', ''),
    ('区社保中心', '征缴科', '钱晓燕', '0512-65237730', '13962150012', ''),
    ('区就业管理中心', '', '朱明', '0512-65237745', '', '原电话0512-65237799已停用'),
    ('区商务局', '商贸科', '徐丹', '0512-65248810', '', ''),
    ('区市场监管局', '登记科', '王磊', '0512-65249920', '', ''),
    ('区住建局', '房产科', '蒋涛', '0512-65256601', '', ''),
    ('区金融办', '金融科', '华磊', '0512-65260018', '', ''),
    ('区金融办', '综合科', '', '', '', '邮箱：gsjrb@163.com'),
    ('区融资担保公司', '业务部', '杨静', '0512-65260101', '', ''),
    ('区科技局', '高新科', '孙浩', '0512-65271100', '', ''),
    ('区工信局', '企业科', '严琴', '0512-65272200', '', ''),
    ('区文旅局', '产业科', '许婷', '65283310', '', ''),
    ('苏州水务姑苏营业所', '', '24小时服务热线', '0512-65299000', '', '24小时'),
    ('港华燃气姑苏服务站', '客服部', '陈磊', '0512-65288123', '', ''),
    ('区政务服务办', '综合科', '邱敏', '0512-65300110', '', ''),
    ('区政务服务办', '', '12345政务服务便民热线', '12345', '', '24小时'),
]
PHONETIC = {'严琴': 'yán'}

# 修订前 (hidden): the draft of 2022-06-10, numbered by its own codes (category
# x 100 + item), with its own headers like 措施一览's, old amounts and old (dead)
# phones; its texts are inline strings of several sentences, so a corrupted
# copy cuts its rows into pieces at their 。 and may land them anywhere.
OLD = [
    (101, '增值税留抵退税', '对小微企业存量留抵税额于2022年9月30日前退还。中型企业另行通知。', '区税务局', '顾文杰', '0512-65213399'),
    (102, '“六税两费”减征', '对小型微利企业在30%税额幅度内减征。具体以税务部门公告为准。', '区税务局', '顾文杰', '0512-65213399'),
    (201, '留工培训补助', '按每名参保职工300元标准发放。企业需在线申报。', '区就业管理中心', '朱明', '0512-65237799'),
    (202, '扩岗补助', '按每招用1人1000元标准发放。2022年10月底前申领。', '区商务局', '徐丹', '0512-65248899'),
    (301, '房租减免', '对承租国有房屋的企业减免3个月租金。转租的不予减免。', '区住建局', '蒋涛', '0512-65256699'),
    (401, '首贷贴息', '对首次贷款的小微企业给予0.5%贴息。单户最高2万元。', '区金融办', '华磊', '0512-65260099'),
    (402, '消费券发放', '发放200万元文旅消费券。由区文旅局统一组织。', '区文旅局', '许婷', '0512-65283399'),
    (512, '用电补贴', '对用电困难企业给予电费补贴。标准另定。', '国网姑苏供电服务中心', '周强', '0512-65299099'),
]
OLD_PHONES = sorted({o[5] for o in OLD})


def sheet_xml(rows, merges, cols='', extra='', dim='A1'):
    out = ['<worksheet xmlns="%s" xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' % (MAIN, REL)]
    out.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="%s"/>' % dim)
    out.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
    out.append('<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>')
    out.append(cols)
    out.append('<sheetData>' + ''.join(rows) + '</sheetData>')
    out.append(extra)
    if merges:
        out.append('<mergeCells count="%d">%s</mergeCells>' % (len(merges), ''.join('<mergeCell ref="%s"/>' % m for m in merges)))
    out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    return ''.join(out)


def row_xml(r, cells, hidden=False, ht=None):
    a = ' r="%d"' % r
    if ht:
        a += ' ht="%s" customHeight="1"' % ht
    if hidden:
        a += ' hidden="1"'
    return '<row%s>%s</row>' % (a, ''.join(cells))


def measures_sheet():
    rows, merges = [], []
    rows.append(row_xml(1, [c_str('A1', TITLE + '（政策清单）', 1)] + [c_empty(col_name(c) + '1', 1) for c in range(2, 11)], ht='30'))
    merges.append('A1:J1')
    rows.append(row_xml(2, [c_str(col_name(i + 1) + '2', h, 2) for i, h in enumerate(H)]))
    r = 3
    cat_start = {}
    prev_cat = None
    layout = []
    for m in M:
        n = m['n']
        span = 1 + len(m['more'])
        cells = []
        A = lambda c: '%s%d' % (c, r)
        num = m['num'] or str(n)
        cells.append(c_num(A('A'), num, 3))
        if m['cat'] != prev_cat:
            if prev_cat is not None and cat_start[prev_cat] < r - 1:
                merges.append('B%d:B%d' % (cat_start[prev_cat], r - 1))
            cat_start[m['cat']] = r
            prev_cat = m['cat']
            cells.append(c_str(A('B'), m['cat'], 8))
        else:
            cells.append(c_empty(A('B'), 8))
        mk = c_inl if m['inline'] else c_str
        cells.append(mk(A('C'), m['title']))
        if isinstance(m['content'], list):
            cells.append(c_rich(A('D'), m['content']))
        else:
            cells.append(mk(A('D'), m['content']))
        cells.append(mk(A('E'), m['lead']))
        cells.append(c_str(A('F'), m['support']) if m['support'] else c_empty(A('F')))
        d = m['deadline']
        if isinstance(d, tuple) and d[0] == 'date':
            cells.append(c_num(A('G'), serial(d[1]), d[2]))
        elif isinstance(d, tuple):
            cells.append(c_num(A('G'), serial(d[1]), 0))
        elif d == '2022年底':
            cells.append(c_inl(A('G'), d))
        else:
            cells.append(c_str(A('G'), d))
        if m['people'] is not None:
            cells.append(mk(A('H'), m['people']))
        p = m['phones']
        if p is None:
            pass
        elif isinstance(p, tuple) and p[0] == 'num':
            cells.append(c_num(A('I'), p[1], p[2]))
        elif isinstance(p, tuple) and p[0] == 'vlookup':
            cells.append('<c r="%s" s="7" t="str"><f>VLOOKUP(H%d,通讯录!$C:$D,2,FALSE)</f><v>%s</v></c>' % (A('I'), r, esc(p[1])))
        elif isinstance(p, tuple) and p[0] == 'err':
            cells.append('<c r="%s" s="7" t="e"><f>VLOOKUP(H%d,通讯录!$C$3:$D$10,2,FALSE)</f><v>#N/A</v></c>' % (A('I'), r))
        else:
            cells.append(mk(A('I'), p))
        lim = m['limit']
        cells.append(c_num(A('J'), lim, 6) if isinstance(lim, int) else c_str(A('J'), lim))
        if m['note']:
            cells.append(c_inl(A('K'), m['note']))
        rows.append(row_xml(r, cells, hidden=m['hidden']))
        layout.append((n, r, span, m['hidden']))
        for k, (unit, person, phone) in enumerate(m['more']):
            rr = r + 1 + k
            cs = [c_empty('A%d' % rr, 3), c_empty('B%d' % rr, 8), c_empty('C%d' % rr), c_empty('D%d' % rr),
                  c_str('E%d' % rr, unit), c_empty('F%d' % rr), c_empty('G%d' % rr), c_str('H%d' % rr, person),
                  c_str('I%d' % rr, phone), c_empty('J%d' % rr)]
            rows.append(row_xml(rr, cs))
        if span > 1:
            for c in 'ACDFGJ':
                merges.append('%s%d:%s%d' % (c, r, c, r + span - 1))
        r += span
    if cat_start[prev_cat] < r - 1:
        merges.append('B%d:B%d' % (cat_start[prev_cat], r - 1))
    rows.append(row_xml(r, [c_str('A%d' % r, '注：联系人、联系电话为空的，请向牵头单位咨询（见“通讯录”）；承诺时限为工作日。', 7)]))
    merges.append('A%d:J%d' % (r, r))
    cols = ('<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="3" width="12" customWidth="1"/>'
            '<col min="4" max="4" width="60" customWidth="1"/><col min="5" max="10" width="14" customWidth="1"/>'
            '<col min="11" max="11" width="20" hidden="1" customWidth="1"/></cols>')
    extra = '<autoFilter ref="A2:K%d"/>' % (r - 1)
    extra += '<legacyDrawing r:id="rId2"/>'
    return sheet_xml(rows, merges, cols, extra, 'A1:K%d' % r), layout


def contacts_sheet():
    # Cells written without their r (a generator that omits them); units merged down.
    rows, merges = [], []
    rows.append('<row r="1">%s%s</row>' % ('<c s="1" t="s"><v>%d</v></c>' % si('姑苏区惠企政策咨询通讯录'), '<c s="1"/>' * 5))
    merges.append('A1:F1')
    heads = ['部门', '科室', '联系人', '办公电话', '手机', '备注']
    rows.append('<row r="2">%s</row>' % ''.join('<c s="2" t="s"><v>%d</v></c>' % si(h) for h in heads))
    r = 3
    prev, start = None, 3
    for i, (unit, dept, person, phone, mobile, note) in enumerate(CONTACTS):
        cells = []
        if unit != prev:
            if prev is not None and start < r - 1:
                merges.append('A%d:A%d' % (start, r - 1))
            prev, start = unit, r
            cells.append('<c s="7" t="s"><v>%d</v></c>' % si(unit))
        else:
            cells.append('<c s="7"/>')
        cells.append('<c s="7" t="s"><v>%d</v></c>' % si(dept) if dept else '<c s="7"/>')
        if person in PHONETIC:
            body = '<t>%s</t><rPh sb="0" eb="1"><t>%s</t></rPh><phoneticPr fontId="1" type="noConversion"/>' % (person, PHONETIC[person])
            cells.append('<c s="7" t="s"><v>%d</v></c>' % si(person, body))
        else:
            cells.append('<c s="7" t="s"><v>%d</v></c>' % si(person) if person else '<c s="7"/>')
        cells.append('<c s="7" t="s"><v>%d</v></c>' % si(phone) if phone else '<c s="7"/>')
        cells.append('<c s="7" t="s"><v>%d</v></c>' % si(mobile) if mobile else '<c s="7"/>')
        cells.append('<c s="7" t="inlineStr"><is><t>%s</t></is></c>' % esc(note) if note else '<c s="7"/>')
        # One row written without its r: the row after the last.
        rows.append(('<row>%s</row>' if i == 7 else '<row r="%d">%%s</row>' % r) % ''.join(cells))
        r += 1
    if start < r - 1:
        merges.append('A%d:A%d' % (start, r - 1))
    return sheet_xml(rows, merges, dim='A1:F%d' % (r - 1))


def old_sheet():
    rows = [row_xml(1, [c_str('A1', '征求意见稿（2022年6月10日）', 1)])]
    heads = ['序号', '措施名称', '主要内容', '牵头单位', '联系人', '联系电话']
    rows.append(row_xml(2, [c_str('%s2' % c, h, 2) for c, h in zip('ABCDEF', heads)]))
    for i, o in enumerate(OLD):
        r = 3 + i
        cells = [c_num('A%d' % r, o[0]), c_str('B%d' % r, o[1]), c_inl('C%d' % r, o[2])]
        cells += [c_str('%s%d' % (c, r), v) for c, v in zip('DEF', o[3:])]
        rows.append(row_xml(r, cells))
    return sheet_xml(rows, ['A1:F1'], dim='A1:F%d' % (2 + len(OLD)))


def doc_sheet():
    rows = [row_xml(1, [c_str('A1', '文件信息', 1), c_empty('B1', 1), c_empty('C1', 1)])]
    pairs = [('文件名称', '《' + TITLE + '》'), ('发文字号', DOCNO), ('发文机关', ISSUER), ('成文日期', serial(DATE)),
             ('整理单位', '姑苏区营商环境办公室'), ('咨询电话', '0512-65200000'), ('更新日期', '2022年7月6日更新')]
    merges = ['A1:C1']
    for i, (k, v) in enumerate(pairs):
        r = 3 + i
        cells = [c_str('A%d' % r, k, 2)]
        if isinstance(v, int):
            cells.append(c_num('B%d' % r, v, 0))  # General: a date by its label
        elif k == '更新日期':
            cells.append(c_inl('B%d' % r, v))
        else:
            cells.append(c_str('B%d' % r, v))
        cells.append(c_empty('C%d' % r))
        rows.append(row_xml(r, cells))
        merges.append('B%d:C%d' % (r, r))
    return sheet_xml(rows, merges)


# Tab order: 措施一览 (sheet3, rId7), 通讯录 (sheet1, rId1), 修订前 (sheet4, rId3, hidden), 文件信息 (sheet2, rId2).
s_meas, LAYOUT = measures_sheet()
s_cont = contacts_sheet()
s_old = old_sheet()
s_doc = doc_sheet()


def sst_xml():
    items = []
    for t in SST:
        body = SST_XML.get(t)
        if body is None:
            body = t_elem(t) + '<phoneticPr fontId="1" type="noConversion"/>'
        items.append('<si>%s</si>' % body)
    return '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (MAIN, USES[0], len(SST), ''.join(items))


def styles_xml():
    fmts = ''.join('<numFmt numFmtId="%d" formatCode="%s"/>' % (k, escape(v, {'"': '&quot;'})) for k, v in NUMFMTS.items())
    xfs = ''.join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="1" xfId="0"%s><alignment vertical="center" wrapText="1"/></xf>'
                  % (n, ' applyNumberFormat="1"' if n else '') for n in XFS)
    return ('<styleSheet xmlns="%s"><numFmts count="%d">%s</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders>'
            '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="44" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="%d">%s</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
            % (MAIN, len(NUMFMTS), fmts, len(XFS), xfs))


WORKBOOK = ('<workbook xmlns="%s" xmlns:r="%s"><fileVersion appName="xl" lastEdited="7" rupBuild="22228"/>'
            '<workbookPr filterPrivacy="1" defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="105" windowWidth="23250" windowHeight="12450"/></bookViews>'
            '<sheets><sheet name="措施一览" sheetId="5" r:id="rId7"/><sheet name="通讯录" sheetId="2" r:id="rId1"/>'
            '<sheet name="修订前" sheetId="1" state="hidden" r:id="rId3"/><sheet name="文件信息" sheetId="6" r:id="rId2"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">措施一览!$A$2:$K$%d</definedName></definedNames>'
            '<calcPr calcId="191029"/></workbook>') % (MAIN, REL, LAYOUT[-1][1] + LAYOUT[-1][2] - 1)
WB_RELS = ('<Relationships xmlns="%s">'
           '<Relationship Id="rId3" Type="%s/worksheet" Target="worksheets/sheet4.xml"/>'
           '<Relationship Id="rId8" Type="%s/theme" Target="theme/theme1.xml"/>'
           '<Relationship Id="rId7" Type="%s/worksheet" Target="worksheets/sheet3.xml"/>'
           '<Relationship Id="rId2" Type="%s/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
           '<Relationship Id="rId9" Type="%s/styles" Target="styles.xml"/>'
           '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId10" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>') % ((PKG,) + (REL,) * 7)
SHEET3_RELS = ('<Relationships xmlns="%s"><Relationship Id="rId2" Type="%s/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>'
               '<Relationship Id="rId3" Type="%s/comments" Target="../comments1.xml"/></Relationships>') % (PKG, REL, REL)
COMMENTS = ('<comments xmlns="%s"><authors><author>营商办-小周</author></authors><commentList>'
            '<comment ref="I7" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>营商办-小周:</t></r><r><rPr><sz val="9"/></rPr>'
            '<t xml:space="preserve">\n改成数字格式后显示正常。原号码0512-65237700已停用。</t></r></text></comment></commentList></comments>') % MAIN
CONTENT_TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 + ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i for i in range(1, 5))
                 + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
ROOT_RELS = ('<Relationships xmlns="%s"><Relationship Id="rId3" Type="%s/extended-properties" Target="docProps/app.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>') % (PKG, REL, REL)
APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>'
       '<TitlesOfParts><vt:vector size="4" baseType="lpstr"><vt:lpstr>措施一览</vt:lpstr><vt:lpstr>通讯录</vt:lpstr><vt:lpstr>修订前</vt:lpstr>'
       '<vt:lpstr>文件信息</vt:lpstr></vt:vector></TitlesOfParts><Company>姑苏区营商环境办公室</Company><AppVersion>16.0300</AppVersion></Properties>')
CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>姑苏区惠企政策清单</dc:title><dc:subject>%s</dc:subject>'
        '<dc:creator>gsyshj</dc:creator><cp:lastModifiedBy>营商办-小周</cp:lastModifiedBy>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2022-06-10T01:20:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-07-06T08:31:12Z</dcterms:modified></cp:coreProperties>') % DOCNO

# Zip order.
PARTS = [
    ('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', ROOT_RELS), ('docProps/app.xml', APP), ('docProps/core.xml', CORE),
    ('xl/workbook.xml', WORKBOOK), ('xl/_rels/workbook.xml.rels', WB_RELS),
    ('xl/worksheets/sheet1.xml', s_cont), ('xl/worksheets/sheet2.xml', s_doc), ('xl/worksheets/sheet3.xml', s_meas),
    ('xl/worksheets/sheet4.xml', s_old), ('xl/styles.xml', styles_xml()), ('xl/sharedStrings.xml', sst_xml()),
    ('xl/worksheets/_rels/sheet3.xml.rels', SHEET3_RELS), ('xl/comments1.xml', COMMENTS),
]

out = []
for path, body in PARTS:
    xml.dom.minidom.parseString((DECL + body).encode('utf-8'))
    out.append('----- FILE: %s -----\n%s%s\n' % (path, DECL, body))
with open('guide.txt', 'w', encoding='utf-8', newline='') as f:
    f.write(''.join(out))
if '--xlsx' in sys.argv:
    with zipfile.ZipFile('gusu.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
        for path, body in PARTS:
            z.writestr(path, DECL + body)

# README's measure table.
table = ['| No. | Title | 责任单位 | 配合单位 | Contacts (in order) |', '|---|---|---|---|---|']
for m in sorted((m for m in M if not m['hidden']), key=lambda m: m['n']):
    lead, support, contacts = m['expect']
    table.append('| %d | %s | %s | %s | %s |' % (m['n'], m['title'], lead, support, '; '.join(contacts)))
with open('README.md', encoding='utf-8') as f:
    readme = f.read()
head = readme.split('## Measures')[0]
with open('README.md', 'w', encoding='utf-8') as f:
    f.write(head + '## Measures\n\n' + '\n'.join(table) + '\n')
print('rows', [(n, r, s) for n, r, s, h in LAYOUT], 'strings', len(SST))
