#!/usr/bin/env python3
"""Writes guide.txt: an Excel XML Spreadsheet 2003 (SpreadsheetML) workbook of a
district's 助企纾困 measures, saved from WPS, and README.md's measure table.

Test data: a real district (新疆维吾尔自治区乌鲁木齐市天山区, area code 0991,
7-digit local numbers) and an invented workbook; every unit's department,
person, phone, e-mail, amount and wording is invented. Checks that the file
is well-formed XML.
"""
import xml.dom.minidom
from xml.sax.saxutils import escape

NS = 'urn:schemas-microsoft-com:office:spreadsheet'


def esc(s):
    """Excel's escaping: &, <, >, quotes, and a line break as &#10;."""
    return escape(s, {'"': '&quot;'}).replace('\n', '&#10;')


def cell(v=None, typ=None, style='s68', index=None, across=None, down=None, named=False, comment=None, rich=None):
    a = ''
    if index:
        a += ' ss:Index="%d"' % index
    if across:
        a += ' ss:MergeAcross="%d"' % across
    if down:
        a += ' ss:MergeDown="%d"' % down
    a += ' ss:StyleID="%s"' % style
    inner = ''
    if rich is not None:
        inner = '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">' + rich + '</ss:Data>'
    elif v is not None:
        if typ is None:
            typ = 'Number' if isinstance(v, int) else 'String'
        inner = '<Data ss:Type="%s">%s</Data>' % (typ, esc(str(v)))
    if comment:
        inner += ('<Comment ss:Author="营商办-小李"><ss:Data xmlns="http://www.w3.org/TR/REC-html40">'
                  '<B><Font html:Face="宋体" x:CharSet="134" html:Size="9" html:Color="#000000">营商办-小李:</Font></B>'
                  '<Font html:Face="宋体" x:CharSet="134" html:Size="9" html:Color="#000000">&#10;' + esc(comment) + '</Font></ss:Data></Comment>')
    if named:
        inner += '<NamedCell ss:Name="_FilterDatabase"/>'
    if not inner:
        return '<Cell%s/>' % a
    return '<Cell%s>%s</Cell>' % (a, inner)


def row(cells, height=None, hidden=False, style=None):
    a = ''
    if hidden:
        a += ' ss:Hidden="1"'
    if height:
        a += ' ss:AutoFitHeight="0" ss:Height="%s"' % height
    if style:
        a += ' ss:StyleID="%s"' % style
    return '   <Row%s>\r\n    %s\r\n   </Row>' % (a, '\r\n    '.join(cells))


DRAFT_DEADLINE = '2022年9月30日'

# The document.
TITLE = '天山区关于进一步助企纾困稳定经济增长的若干措施'
DOCNO = '天区政办发〔2022〕15号'
ISSUER = '乌鲁木齐市天山区人民政府办公室'

# Measures: number, category, title, content, lead, support (None: the cell is
# omitted, '' an empty bordered cell), deadline (a date: a DateTime cell),
# people cell, phones cell (an int: a Number cell; None: the row ends after
# the deadline; '': empty bordered cells), and the contacts the guide means
# (Contact.String without hours), for the README.
M = [
    (1, '减税降费', '增值税留抵退税', None, '区税务局', '区财政局', '2022-12-31',
     '马建新\n李红梅', '0991-2316601\n0991-2316688',
     ['区税务局 货物和劳务税科 马建新 0991-2316601', '区财政局 预算股 李红梅 0991-2316688']),
    (2, '减税降费', '小规模纳税人免征增值税', '对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税，适用3%预征率的预缴增值税项目暂停预缴增值税，政策执行至2022年12月31日，纳税人可在申报时直接享受。',
     '区税务局', None, '2022-12-31', ('merge', '纳税服务热线：12366'), None,
     ['区税务局 12366']),
    (3, '减税降费', '“六税两费”减征', '对增值税小规模纳税人、小型微利企业和个体工商户，在50%税额幅度内减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。',
     '区税务局', None, '2024年12月31日', '王丽', '0991-2316615',
     ['区税务局 财产和行为税科 王丽 0991-2316615']),
    (4, '社保就业', '阶段性缓缴社会保险费', '对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，阶段性缓缴养老保险、失业保险和工伤保险单位缴费部分，养老保险费缓缴期限至2022年年底，缓缴期间免收滞纳金。',
     '区人社局', '区社保中心', '2022年底', '赵志刚（区社保中心）\n社保服务热线', '0991-2827730、13899123456\n12333',
     ['区社保中心 征缴科 赵志刚 0991-2827730、13899123456', '区人社局 12333']),
    (5, '社保就业', '一次性留工培训补助', '对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元标准发放一次性留工培训补助，企业无需申报，经审核后直接拨付至企业对公账户。',
     '区就业服务中心', '区人社局', '2022-11-30', '孙倩', 9912827745,
     ['区就业服务中心 孙倩 0991-2827745']),
    (6, '社保就业', '一次性扩岗补助', '对招用毕业年度高校毕业生，签订劳动合同并参加失业保险的企业，按每招用1人1500元的标准发放一次性扩岗补助，与一次性吸纳就业补贴不重复享受。',
     '区就业服务中心', None, '2022-12-31', '孙倩', '0991-2827745',
     ['区就业服务中心 孙倩 0991-2827745']),
    (7, '房租减免', '国有房屋租金减免', '对承租区属国有企业和行政事业单位经营用房的服务业小微企业和个体工商户，2022年被列为疫情中高风险地区的减免6个月租金，其他地区减免3个月租金，转租、分租的确保减免落实到最终承租人。',
     '区国资委', '区财政局', '2022-12-31', '周海燕', '（0991）2381120',
     ['区国资委 产权科 周海燕 0991-2381120']),
    (8, '房租减免', '非国有房屋减租激励', '鼓励非国有房屋出租人对服务业小微企业和个体工商户减免租金，对减免租金的出租人按规定减免当年房产税、城镇土地使用税，并由区住建局协调落实。',
     '区住建局', '', '2022年底', None, None,
     ['区住建局 房管科 何俊 0991-2859012、13999234567']),
    (9, '房租减免', '租金减免贷款贴息', '对减免小微企业租金的国有企业，因减免租金产生的流动资金贷款，按照贷款市场报价利率的50%给予贴息，单户贴息不超过20万元。',
     '区国资委', None, '长期', '刘强', '0991 2381126',
     ['区国资委 资产科 刘强 0991-2381126']),
    (10, '金融支持', '普惠小微贷款支持', '鼓励辖区银行机构加大普惠小微贷款投放，对受疫情影响的小微企业和个体工商户贷款合理给予延期还本付息，不抽贷、不断贷、不压贷。',
     '区金融办', '各银行机构', '2022-12-31', '陈晓', '0991-2593305',
     ['区金融办 金融服务科 陈晓 0991-2593305']),
    (11, '金融支持', '应急转贷资金支持', '对贷款即将到期、还款暂时困难的中小微企业，由区应急转贷资金提供续贷过桥服务，单笔额度不超过500万元，资金使用费按日万分之一收取。',
     '区融资担保公司', '区金融办', '长期', '吴敏', '0991-2593318\n业务咨询：2593319',
     ['区融资担保公司 业务部 吴敏 0991-2593318、0991-2593319']),
    (12, '金融支持', '融资担保降费', '区融资担保公司对小微企业和个体工商户新增担保业务，担保费率降至1%以下，对受疫情影响较大的行业企业担保费率再降0.5个百分点。',
     '区融资担保公司', None, '2022-12-31', None, None,
     ['区融资担保公司 业务部 吴敏 0991-2593318、15199123456']),
    (19, '金融支持', '企业上市挂牌奖励', '对在境内外证券交易所首发上市的企业，分阶段给予总额不超过300万元奖励；对在区域性股权市场挂牌的企业，一次性给予10万元奖励。',
     '区金融办', None, '长期', '陈晓', '0991-2593305',
     ['区金融办 金融服务科 陈晓 0991-2593305']),
    (13, '消费促进', '发放“天山惠购”消费券', '分批次发放“天山惠购”电子消费券，覆盖商超、餐饮、家电、汽车等消费领域，参与商户通过邮箱报名，经审核后纳入活动商户名单。',
     '区商务局', None, '2022-10-31', '商户报名邮箱', 'tsqsw_xf@163.com',
     ['区商务局 tsqsw_xf@163.com']),
    (14, '消费促进', '餐饮住宿企业稳岗补贴', '对2022年上半年营业收入下降超过30%的限额以上餐饮、住宿企业，按照企业在岗职工人数给予每人300元稳岗补贴，单个企业最高不超过10万元。',
     '区商务局', '区文旅局', '2022-09-30', '郑伟', 9912675508,
     ['区商务局 郑伟 0991-2675508']),
    (15, '行业帮扶', '文旅企业纾困补助', '对正常经营的A级旅游景区、星级饭店和旅行社，按照上年度纳税额的10%给予纾困补助，单个企业最高不超过30万元，旅行社质量保证金暂退比例提高至100%。',
     '区文旅局', None, '2022-12-31', '黄丽', '0991-2683310',
     ['区文旅局 产业科 黄丽 0991-2683310']),
    (16, '行业帮扶', '交通运输业纾困', '对辖区道路货运、城市公交、出租车等交通运输企业，按照车辆数给予一次性运营补贴，货车司机贷款可申请延期还本付息，保障重点物资运输车辆通行。',
     '区交通运输局', '区公安分局', '2022-12-31', '', '',
     ['区交通运输局 运输管理科 杨帆 0991-2707721', '区交通运输局 0991-2707700']),
    (17, '行业帮扶', '水电气“欠费不停供”', '对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气“欠费不停供”，设立6个月的费用缓缴期，缓缴期间免收欠费滞纳金。',
     '区发改委', '天山供电分公司、区供水服务中心', '疫情期间', '林峰（供电）\n供水客服热线', '0991-2762201\n0991-2762299',
     ['天山供电分公司 营销部 林峰 0991-2762201', '区供水服务中心 0991-2762299']),
    (18, '营商环境', '企业开办“一日办结”', '企业开办涉及的设立登记、公章刻制、申领发票、社保登记、公积金缴存登记等事项全部纳入“一网通办”，全流程1个工作日内办结，免费为新开办企业刻制首套印章。',
     '区政务服务局', None, '长期', '许静', '2719035',
     ['区政务服务局 综合服务科 许静 0991-2719035']),
    (20, '营商环境', '涉企审批容缺受理', '对企业申请事项基本条件具备、主要申请材料齐全且符合法定条件，次要材料欠缺或存在瑕疵的，实行容缺受理，申请人在承诺时限内补齐材料后即可办结。',
     '区政务服务局', '区市场监管局', '长期', '许静\n邓超', '2719035\n0991-2721146',
     ['区政务服务局 综合服务科 许静 0991-2719035', '区市场监管局 登记注册科 邓超 0991-2721146']),
]

RICH1 = ('<Font html:Face="宋体" x:CharSet="134" html:Color="#000000">对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额；</Font>'
         '<B><Font html:Face="宋体" x:CharSet="134" html:Color="#FF0000">中型企业存量留抵税额于2022年6月30日前集中退还</Font></B>'
         '<Font html:Face="宋体" x:CharSet="134" html:Color="#000000">，大型企业于2022年12月31日前集中退还。</Font>')
CONTENT1 = '对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额；中型企业存量留抵税额于2022年6月30日前集中退还，大型企业于2022年12月31日前集中退还。'

# The hidden draft: its 序号 is the real 16's.
DRAFT = (16, '行业帮扶', '货车司机临时补贴', '对辖区注册的个体货车司机，按每车每月500元标准发放临时补贴，补贴3个月。', '区交通运输局', '', DRAFT_DEADLINE, '周某', '0991-2707799')

# Contacts: unit, 科室 (None: omitted), person (None: omitted), office phone
# (an int: a Number cell), mobile, note.
CONTACTS = [
    ('区税务局', '货物和劳务税科', '马建新', '0991-2316601', '', '留抵退税'),
    ('区税务局', '财产和行为税科', '王丽', '0991-2316615', '', ''),
    ('区税务局', None, '纳税服务热线', 12366, '', '24小时'),
    ('区财政局', '预算股', '李红梅', '0991-2316688', '', ''),
    ('区人社局', '劳动关系股', '韩雪', '0991-2827701', '', ''),
    ('区社保中心', '征缴科', '赵志刚', '0991-2827730', '13899123456', ''),
    ('区就业服务中心', None, '孙倩', '0991-2827745', '', '留工培训、扩岗补助'),
    ('区国资委', '产权科', '周海燕', '（0991）2381120', '', ''),
    ('区国资委', '资产科', '刘强', '0991 2381126', '', ''),
    ('区住建局', '房管科', '何俊', '0991-2859012', '13999234567', ''),
    ('区金融办', '金融服务科', '陈晓', '0991-2593305', '', ''),
    ('区融资担保公司', '业务部', '吴敏', '0991-2593318', '15199123456', ''),
    ('区商务局', '消费促进科', '宋佳', '0991-2675520', '', ''),
    ('区文旅局', '产业科', '黄丽', '0991-2683310', '', ''),
    ('区交通运输局', '运输管理科', '杨帆', '0991-2707721', '', ''),
    ('区交通运输局', None, '货运保通热线', '0991-2707700', '', '24小时'),
    ('天山供电分公司', '营销部', '林峰', '0991-2762201', '', '故障报修95598'),
    ('区供水服务中心', None, '供水客服热线', '0991-2762299', '', '24小时'),
    ('区发改委', '综合科', '冯磊', '0991-2701188', '', ''),
    ('区政务服务局', '综合服务科', '许静', 2719035, '', ''),
    ('区市场监管局', '登记注册科', '邓超', '0991-2721146', '', ''),
    ('区营商办', '综合科', '罗敏', '0991-2700000', '', '本表整理单位'),
]

CATEGORIES = []
for m in M:
    if m[1] not in CATEGORIES:
        CATEGORIES.append(m[1])


def measure_row(m, hidden=False):
    n, cat, title, content, lead, support, deadline, people, phones = m[:9]
    st = 's75' if hidden else 's69'
    cells = [cell(n, style='s70', named=True)]
    return cells, st


def sheet_measures():
    rows = []
    rows.append(row([cell(TITLE + '（汇总表）', style='s62', across=8)], height='30'))
    rows.append(row([cell('依据：' + DOCNO + '　　整理：区营商办　　更新：2022年7月5日', style='s63', across=8)]))
    heads = ['序号', '类别', '措施名称', '政策内容', '牵头单位', '配合单位', '截止时间', '联系人', '联系电话']
    rows.append(row([cell(h, style='s64', named=True) for h in heads]))
    # 类别 merged down over a category's rows where marked.
    down = {7: 2, 13: 1}
    covered = {8, 9, 14}
    order = [m for m in M]
    out_rows = []
    for m in order:
        n, cat, title, content, lead, support, deadline, people, phones = m[:9]
        if n == 16:
            d = DRAFT
            cs = [cell(d[0], named=True, style='s75'), cell(d[1], named=True, style='s75'), cell(d[2], named=True, style='s75'),
                  cell(d[3], named=True, style='s75'), cell(d[4], named=True, style='s75'), cell(style='s75', named=True),
                  cell(d[6], named=True, style='s75'), cell(d[7], named=True, style='s75'), cell(d[8], named=True, style='s75')]
            rows.append(row(cs, hidden=True))
        cs = [cell(n, style='s70', named=True)]
        nxt = None
        if n not in covered:
            cs.append(cell(cat, style='s71', named=True, down=down.get(n)))
        else:
            nxt = 3
        cs.append(cell(title, style='s72', named=True, index=nxt))
        if n == 1:
            cs.append(cell(style='s73', named=True, rich=RICH1))
        else:
            cs.append(cell(content, style='s73', named=True))
        cs.append(cell(lead, named=True))
        idx = None
        if support is None:
            idx = 7
        elif support == '':
            cs.append(cell(named=True))
        else:
            cs.append(cell(support, named=True))
        if len(deadline) == 10 and deadline[4] == '-':
            cs.append(cell(deadline + 'T00:00:00.000', typ='DateTime', style='s74', index=idx, named=True))
        else:
            cs.append(cell(deadline, index=idx, named=True))
        if isinstance(people, tuple):
            cs.append(cell(people[1], across=1, named=True))
        elif people is None:
            pass
        elif people == '':
            cs += [cell(named=True), cell(named=True)]
        else:
            cs.append(cell(people, named=True))
            cs.append(cell(phones, named=True, comment=('区就业服务中心孙倩电话自7月1日起变更，原电话2827799已停用。' if n == 6 else None)))
        rows.append(row(cs))
    rows.append(row([cell(style='s16')]))
    rows.append(row([cell('备注：', style='s76', across=8)]))
    note = ('1．序号为文件中的措施序号，本表按类别排列；\n2．未列联系人的措施，请按牵头单位查阅“联络表”；\n'
            '3．政策咨询也可拨打12345政务服务便民热线；\n4．隐藏行为已撤回的草稿，不作为政策依据。')
    rows.append(row([cell(note, style='s77', across=8)], height='60'))
    return rows


def sheet_contacts():
    rows = [row([cell('天山区助企纾困政策联络表', style='s62', across=6)]),
            row([cell(h, style='s64') for h in ['序号', '单位', '科室', '联系人', '办公电话', '手机', '备注']])]
    for i, (u, dept, person, phone, mobile, note) in enumerate(CONTACTS, 1):
        cs = [cell(i, style='s70'), cell(u)]
        idx = None
        if dept is None:
            idx = 4
        else:
            cs.append(cell(dept))
        cs.append(cell(person, index=idx))
        cs.append(cell(phone))
        cs.append(cell(mobile) if mobile else cell())
        cs.append(cell(note) if note else cell())
        rows.append(row(cs))
    rows.append(row([cell('注：电话如有变动，以本表为准。', style='s76', across=6)]))
    return rows


def sheet_log():
    heads = ['日期', '修订人', '工作表', '位置', '原内容', '修改为', '说明']
    log = [
        ('2022-06-29', '营商办-小李', '措施清单', '第6项联系电话', '0991-2827799', '0991-2827745', '孙倩电话变更'),
        ('2022-06-30', '营商办-小李', '措施清单', '第5项截止时间', DRAFT_DEADLINE, '2022年11月30日', '按文件更正'),
        ('2022-07-01', '营商办-小李', '措施清单', '第16项', '原第16项 货车司机临时补贴', '交通运输业纾困', '草稿撤回，行隐藏'),
        ('2022-07-05', '营商办-小李', '联络表', '区住建局', '唐某 0991-2859000', '何俊 0991-2859012', '人员调整'),
    ]
    rows = [row([cell(h, style='s64') for h in heads])]
    for d, *rest in log:
        rows.append(row([cell(d + 'T00:00:00.000', typ='DateTime', style='s74')] + [cell(x) for x in rest]))
    return rows


def sheet_doc():
    items = [
        ('文件名称', '《' + TITLE + '》'),
        ('文号', DOCNO),
        ('发文机关', ISSUER),
        ('印发日期', ('2022-06-17T00:00:00.000', 'DateTime')),
        ('整理单位', '天山区营商环境建设办公室（区营商办）'),
        ('整理日期', ('2022-07-05T00:00:00.000', 'DateTime')),
        ('咨询电话', '区营商办 0991-2700000（工作日10:00—19:30）'),
        ('说明', '共20项措施；“措施清单”按类别排列；缺联系人的措施以“联络表”为准；“变更记录”中的原内容已作废。'),
    ]
    rows = [row([cell('文件信息', style='s62', across=1)]), row([cell('项目', style='s64'), cell('内容', style='s64')])]
    for k, v in items:
        if isinstance(v, tuple):
            rows.append(row([cell(k), cell(v[0], typ=v[1], style='s74')]))
        else:
            rows.append(row([cell(k), cell(v)]))
    return rows


def worksheet(name, rows, cols, widths, extra='', opts=''):
    cw = ''.join('\r\n   <Column ss:AutoFitWidth="0" ss:Width="%s"/>' % w for w in widths)
    return ('\r\n <Worksheet ss:Name="%s">%s\r\n  <Table ss:ExpandedColumnCount="%d" ss:ExpandedRowCount="%d" x:FullColumns="1"\r\n   x:FullRows="1" ss:DefaultColumnWidth="54" ss:DefaultRowHeight="14.25">%s\r\n%s\r\n  </Table>\r\n'
            '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\r\n   <PageSetup>\r\n    <Layout x:Orientation="Landscape"/>\r\n    <Header x:Margin="0.3"/>\r\n    <Footer x:Margin="0.3"/>\r\n   </PageSetup>\r\n   <Print>\r\n    <ValidPrinterInfo/>\r\n    <PaperSizeIndex>9</PaperSizeIndex>\r\n   </Print>%s\r\n   <ProtectObjects>False</ProtectObjects>\r\n   <ProtectScenarios>False</ProtectScenarios>\r\n  </WorksheetOptions>%s\r\n </Worksheet>'
            % (name, extra, cols, len(rows), cw, '\r\n'.join(rows), opts, '' if not extra else '\r\n  <AutoFilter x:Range="R3C1:R%dC9" xmlns="urn:schemas-microsoft-com:office:excel">\r\n  </AutoFilter>' % (len(rows) - 3)))


def styles():
    s = ['  <Style ss:ID="Default" ss:Name="Normal">\r\n   <Alignment ss:Vertical="Center"/>\r\n   <Font ss:FontName="宋体" x:CharSet="134" ss:Size="11"/>\r\n  </Style>',
         '  <Style ss:ID="s16"/>']
    for i in range(62, 78):
        extra = ''
        if i == 75:
            extra = '\r\n   <Font ss:FontName="宋体" x:CharSet="134" ss:Color="#A6A6A6" ss:StrikeThrough="1"/>'
        if i == 74:
            extra = '\r\n   <NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
        s.append('  <Style ss:ID="s%d">\r\n   <Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>\r\n   <Borders>\r\n    <Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/>\r\n   </Borders>%s\r\n  </Style>' % (i, extra))
    return '\r\n'.join(s)


head = ('<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel"\r\n xmlns:dt="uuid:C2F41010-65B3-11d1-A29F-00AA00C14882"\r\n'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"\r\n xmlns:html="http://www.w3.org/TR/REC-html40">\r\n'
        ' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">\r\n  <Title>天山区助企纾困政策措施清单</Title>\r\n'
        '  <Author>Administrator</Author>\r\n  <LastAuthor>营商办-小李</LastAuthor>\r\n  <LastPrinted>2022-07-05T03:12:00Z</LastPrinted>\r\n'
        '  <Created>2022-06-20T02:41:00Z</Created>\r\n  <LastSaved>2022-07-05T09:30:00Z</LastSaved>\r\n  <Company>天山区人民政府</Company>\r\n'
        '  <Version>16.00</Version>\r\n </DocumentProperties>\r\n'
        ' <CustomDocumentProperties xmlns="urn:schemas-microsoft-com:office:office">\r\n  <KSOProductBuildVer dt:dt="string">2052-11.1.0.11830</KSOProductBuildVer>\r\n'
        '  <ICV dt:dt="string">5E1A7C0B2D3F4A6B9C8D7E6F5A4B3C2D</ICV>\r\n </CustomDocumentProperties>\r\n'
        ' <OfficeDocumentSettings xmlns="urn:schemas-microsoft-com:office:office">\r\n  <AllowPNG/>\r\n </OfficeDocumentSettings>\r\n'
        ' <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">\r\n  <WindowHeight>12540</WindowHeight>\r\n  <WindowWidth>28800</WindowWidth>\r\n'
        '  <ActiveSheet>1</ActiveSheet>\r\n  <ProtectStructure>False</ProtectStructure>\r\n  <ProtectWindows>False</ProtectWindows>\r\n </ExcelWorkbook>\r\n'
        ' <Styles>\r\n' + styles() + '\r\n </Styles>')

names = ('\r\n  <Names>\r\n   <NamedRange ss:Name="_FilterDatabase" ss:RefersTo="=措施清单!R3C1:R%dC9" ss:Hidden="1"/>\r\n'
         '   <NamedRange ss:Name="Print_Titles" ss:RefersTo="=措施清单!R3"/>\r\n  </Names>')
mrows = sheet_measures()
names = names % (len(mrows) - 3)
body = (worksheet('联络表', sheet_contacts(), 7, [30, 110, 80, 50, 90, 90, 80])
        + worksheet('措施清单', mrows, 9, [30, 50, 110, 300, 80, 80, 80, 80, 110], extra=names,
                    opts='\r\n   <Selected/>\r\n   <FreezePanes/>\r\n   <FrozenNoSplit/>\r\n   <SplitHorizontal>3</SplitHorizontal>\r\n   <TopRowBottomPane>3</TopRowBottomPane>')
        + worksheet('变更记录', sheet_log(), 7, [80, 70, 60, 90, 150, 150, 120])
        + worksheet('文件信息', sheet_doc(), 2, [80, 400]))
text = head + body + '\r\n</Workbook>\r\n'
xml.dom.minidom.parseString(text.encode('utf-8'))
with open('guide.txt', 'w', encoding='utf-8', newline='') as f:
    f.write(text)

# The README's measure table.
lines = ['| No. | Title | 责任单位 | 配合单位 | Contacts (in order) |', '|---|---|---|---|---|']
for m in sorted(M):
    n, cat, title, content, lead, support, deadline, people, phones, want = m
    sup = support or ''
    if sup == '各银行机构':
        pass
    lines.append('| %d | %s | %s | %s | %s |' % (n, title, lead, sup.replace('、', '、'), '; '.join(want)))
table = '\n'.join(lines) + '\n'
readme = open('README.md', encoding='utf-8').read() if __import__('os').path.exists('README.md') else ''
mark = '## Measures\n\n'
if mark in readme:
    readme = readme[:readme.index(mark) + len(mark)] + table
    with open('README.md', 'w', encoding='utf-8') as f:
        f.write(readme)
print(table)
