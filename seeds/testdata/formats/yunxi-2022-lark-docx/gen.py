#!/usr/bin/env python3
"""Writes guide.txt: a district's 助企纾困 guide kept as a Feishu/Lark cloud
document and handed over as the raw responses of the docx blocks API
(GET /open-apis/docx/v1/documents/:document_id/blocks?page_size=N), each
pretty-printed and preceded by a `// page N` line, in the order page 2,
page 1, page 3; page 2 dumped with ensure_ascii=True.

Fictional test data: 澄湖市云溪区 (a fictional city and district, area code
0735, 7-digit local numbers); every unit, person, phone, e-mail, amount and
wording is invented. Checks that every page is valid JSON and that the
block tree holds every block once.
"""
import json
import random

rng = random.Random(59)
ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'


def bid():
    return ''.join(rng.choice(ALNUM) for _ in range(27))


DOC_ID = 'Lk7pQ2xYc9RwTm4bN6vHdZs3JfA'
TITLE = '云溪区稳经济助企纾困政策措施工作指南（2022年7月）'
ISSUER = '澄湖市云溪区人民政府办公室'
DATE = '2022年7月8日'


def style(bold=False, italic=False, strike=False, link=None):
    s = {"bold": bold, "inline_code": False, "italic": italic, "strikethrough": strike, "underline": False}
    if link:
        s["link"] = {"url": link}
    return s


def run(text, **kw):
    return {"text_run": {"content": text, "text_element_style": style(**kw)}}


def runs(*parts):
    """parts: plain strings, or (text, {style}) pairs."""
    out = []
    for p in parts:
        if isinstance(p, tuple):
            out.append(run(p[0], **p[1]))
        elif isinstance(p, dict):
            out.append(p)
        else:
            out.append(run(p))
    return out


def rich(elements, align=1, sequence=None):
    st = {"align": align, "folded": False}
    if sequence is not None:
        st["sequence"] = sequence
    return {"elements": elements, "style": st}


blocks = {}


def block(btype, key, payload, parent, children=None, always=False):
    b = {"block_id": bid(), "block_type": btype, "parent_id": parent}
    if children is not None or always:
        b["children"] = []
    if key:
        b[key] = payload
    blocks[b["block_id"]] = b
    if parent:
        blocks[parent]["children"].append(b["block_id"])
    return b["block_id"]


page = {"block_id": DOC_ID, "block_type": 1, "children": [], "page": rich(runs(TITLE)), "parent_id": ""}
blocks[DOC_ID] = page


def text(elements, parent=DOC_ID, align=1):
    return block(2, "text", rich(elements, align), parent)


B = {"bold": True}
I = {"italic": True}
S = {"strike": True}

# 1. The notice.
text(runs('云政办字〔2022〕18号'))
text(runs(('澄湖市云溪区人民政府办公室关于印发《云溪区稳经济助企纾困政策措施工作指南》的通知', B)), align=2)
text(runs('各镇人民政府、街道办事处，区政府各部门、各直属机构，各', '有关企业：'))
text(runs('为全面落实国家、省、市稳住经济一揽子政策措施，帮助市场主体纾困解难，现将《云溪区稳经济助企纾困政策措施工作指南》印发给你们，请认真贯彻执行。'))
text(runs(ISSUER), align=3)
text(runs(DATE), align=3)
# 2. 政策依据 and its bullets: no measure.
text(runs(('政策依据', B)))
block(12, "bullet", rich(runs('《国务院关于印发扎实稳住经济一揽子政策措施的通知》（国发〔2022〕12号）')), DOC_ID)
block(12, "bullet", rich(runs('《湖川省稳住经济运行若干政策措施》')), DOC_ID)
block(12, "bullet", rich(runs('《澄湖市助企纾困若干措施》，汇编见', {"mention_doc": {
    "token": "doxcnR8sQ3kLm2Vw7Yb5Tz1Hg4c", "obj_type": 22,
    "url": "https%3A%2F%2Fexample.feishu.cn%2Fdocx%2FdoxcnR8sQ3kLm2Vw7Yb5Tz1Hg4c",
    "title": "澄湖市稳经济政策汇编（2022）", "text_element_style": style()}})), DOC_ID)
block(22, "divider", {}, DOC_ID)

# Measures: (number, sequence, elements, extra sentences, lead, support).
H2 = lambda t: block(4, "heading2", rich(runs((t, B))), DOC_ID)
H3 = lambda t: block(5, "heading3", rich(runs(t)), DOC_ID)


def measure(seq, elements, extra, lead, support):
    m = block(13, "ordered", rich(elements, sequence=seq), DOC_ID, always=True)
    for e in extra:
        text(runs(e), parent=m)
    text(runs(('牵头单位：', B), *lead), parent=m)
    if support:
        text(runs(('配合单位：', B), support), parent=m)
    return m


H2('一、减税降费')
measure('1', runs('对符合条件的小微企业和制造业等行业企业，2022年增值税增量留抵税额按月全额退还，存量留抵税额在', (DATE.replace('7月8日', '9月30日'), B), '前集中退', '还到位，可通过', run('湖川省电子税务局', link='https%3A%2F%2Fetax.example.cn%2Fsso%3Ffrom%3Dlark'), '在线申请。'),
        [], ['区税务局'], '区财政局')
measure('auto', runs('对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，减按', ('50%', S), ('25%', B), '计入应纳税所得额，按20%的税率缴纳企业所', '得税。'),
        [], ['区税务局'], '')
measure('auto', runs('对增值税小规模纳税人、小型微利企业和个体工商户，按', ('50%', B), '幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。'),
        [], ['区税务局'], '区财政局')
measure('auto', runs('受疫情影响缴纳房产税、城镇土地使用税确有困难的纳税人，可申请减免2022年第二、三季度房产税、城镇土地使用税。'),
        [], ['区税务局'], '')
H2('二、稳岗就业')
measure('auto', runs('对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，阶段性缓缴养老、失业和工伤保险单位缴费部分。'),
        ['养老保险费缓缴期限至2022年12月底，缓缴期间免收滞纳金。'], ['区人社局'], '区税务局、区医保局')
measure('auto', runs('对不裁员或少裁员的参保企业，中小微企业失业保险稳岗返还比例提高至', ('60%', S), ('90%', B), '，大型企业按30%返还。'),
        [], ['区人', '社局'], '区财政局')
measure('auto', runs('企业招用毕业年度高校毕业生，签订劳动合同并参加失业保险的，按每人', ('1500元', B), '标准发放一次性扩岗补助。'),
        [], ['区人社局'], '区就业服务中心')
# A callout between the lists: the editor broke the list here, so the next
# measure carries its number explicitly.
co = block(19, "callout", {"background_color": 5, "border_color": 5, "emoji_id": "bulb"}, DOC_ID, always=True)
text(runs(('温馨提示', B)), parent=co)
text(runs('政策申报中遇到问题，可拨打区营商环境服务中心企业服务专线0735-5520000（工作日8:30—17:30）。'), parent=co)
# A text block made only of empty runs.
blocks[text(runs('x'))]["text"]["elements"] = [run(''), {"text_run": {"content": ""}}]

H2('三、降低经营成本')
# The editor's comment: an @-mention, no measure.
text(runs(('（', I), {"mention_user": {"user_id": "ou_3f1c8a92d7e04b6f9a5c21d8e7b0f463", "text_element_style": style(italic=True)}}, (' 请核对第三部分数据）', I)))
H3('（一）房租减免')
measure('8', runs('承租区属国有企业经营性房产的服务业小微企业和个体工商户，2022年减免', ('6个月', B), '租金，其中位于中高风险地区的减免', ('6个月', B), '租金。'),
        [], ['区国资局'], '区财政局')
measure('auto', runs('对出租人减免服务业小微企业和个体工商户租金的，可按减免租金的', ('20%', S), ('30%', B), '给予补贴，单户最高', ('5万元', B), '。'),
        ['补贴资金在减免期满后一次性拨付。'], ['区住建局'], '区税务局、区财政局')
H3('（二）水电气网')
measure('auto', runs('对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气', run(''), '“不停供”，设立6个月费用缓缴期。'),
        [], ['区发改局'], '区水务局')
measure('auto', runs('中小企业宽带和专线平均资费再降', ('10%', B), '，云溪区工业园区企业电力接入工程费用由政府承担。'),
        [], ['区发改局'], '区工信局')
H2('四、金融支持')
measure('auto', runs('对受疫情影响暂时遇困的中小微企业贷款，银行按市场化原则延期还本付息，普惠小微贷款支持工具按余额增量的', ('1%', S), ('2%', B), '提供资金支持。'),
        [], ['区金融办'], '人民银行云溪支行')
measure('auto', runs('政府性融资担保机构对小微企业担保费率降至', ('1%', B), '以下，区财政按实际担保额给予担保机构', ('0.5%', B), '的担保费补贴。'),
        [], ['区财政局'], '区金融办')
measure('auto', runs('对银行机构向首次贷款的小微企业发放的贷款，按首贷金额的', ('0.5%', B), '给予奖励。'),
        ['单家银行年度奖励不超过50万元，奖励资金于次年一季度兑现。'], ['区金融办'], '区财政局')
measure('auto', runs('引导辖区银行用好再贷款再贴现额度，2022年普惠小微贷款增速不低于各项贷款增速。'),
        [], ['人民银行云溪支行'], '区金融办')
H2('五、优化政务服务')
measure('auto', runs('对个体工商户和小微企业开办实行“一网通办”，登记注册1个工作日内办结，免费刻制首套印章。'),
        [], ['区市场监管局'], '')
measure('auto', runs('涉企审批事项全程网办，企业可通过12345政务服务便民热线反映办事堵点，相关部门3个工作日内答复。'),
        [], ['区行政审批局'], '区政务服务中心')
measure('auto', runs('建立“企业服务专员”制度，为重点企业提供一对一服务，协调解决用工、用地、融资等问题。'),
        [], ['区营商办'], '区工信局、区发改局')
block(22, "divider", {}, DOC_ID)
H2('附件：政策措施责任单位及联系人一览表')

# The contacts table: rows of (序号, 政策措施（编号）, 责任单位 | None when
# covered by the merge above, 联系人 elements, 联系电话 cell paragraphs).
MU = lambda: {"mention_user": {"user_id": "ou_9d2e5b17c4a8f03e6b1d7c9a2f5e8041", "text_element_style": style()}}
ROWS = [
    ('1', '1-2', ('区税务局', 3), runs('周海'), [runs('0735-5521101')]),
    ('2', '1—4', None, runs('纳税服务热线'), [runs('12366', ('（24小时）', I))]),
    ('3', '3、9', None, runs('吴兰'), [runs('5521103')]),
    ('4', '1、13', ('区财政局', 1), runs('郑凯'), [runs('0735-5521201')]),
    ('5', '5-6', ('区人社局', 2), runs('何静'), [runs('0735-5521301', ('（工作日8:30—17:30）', I))]),
    ('6', '7', None, runs('林涛'), [runs('13807351234')]),
    ('7', '8', ('区国资局', 1), runs('冯雪'), [runs('0735-5521401')]),
    ('8', '9', ('区住建局', 1), runs('邓宇'), [runs('0735-', '5521501')]),
    ('9', '10—11', ('区发改局', 1), runs('蒋琳'), [runs('5521601')]),
    ('10', '12、14', ('区金融办', 1), runs('韩冰'), [runs('0735-5521701')]),
    ('11', '13', ('云溪区融资担保有限公司', 1), runs('袁博'), [runs('0735-5521702')]),
    ('12', '12、15', ('人民银行云溪支行', 1), runs('曹敏'), [runs('0735-5521801')]),
    ('13', '16', ('区市场监管局', 1), [MU()], [runs('0735-5521901')]),
    ('14', '17', ('区行政审批局', 2), runs('彭程'), [runs('yx_spj@example.cn', ('（邮件咨询）', I))]),
    ('15', '17', None, runs('政务服务便民热线'), [runs('12345')]),
    ('16', '18', ('区营商办', 1), runs('蔡宁'), [runs('0735-5522001'), runs('13907355678')]),
]
HEAD = ['序号', '政策措施（编号）', '责任单位', '联系人', '联系电话']
ncol = len(HEAD)
nrow = len(ROWS) + 1
tbl = block(31, "table", None, DOC_ID, always=True)
cells, merge = [], []
for r in range(nrow):
    for c in range(ncol):
        cell = block(32, "table_cell", {}, tbl, always=True)
        cells.append(cell)
        span = 1
        if r == 0:
            text(runs((HEAD[c], B)), parent=cell, align=2)
        else:
            no, refs, unit, person, phones = ROWS[r - 1]
            if c == 0:
                text(runs(no), parent=cell)
            elif c == 1:
                text(runs(refs), parent=cell)
            elif c == 2:
                if unit is None:
                    text([run('')], parent=cell)  # covered by the merge above
                else:
                    text(runs(unit[0]), parent=cell)
                    span = unit[1]
            elif c == 3:
                text(person, parent=cell)
            else:
                for p in phones:
                    text(p, parent=cell)
        merge.append({"col_span": 1, "row_span": span})
blocks[tbl]["table"] = {"cells": cells, "property": {"column_size": ncol, "column_width": [60, 120, 180, 100, 180],
                                                      "header_row": True, "merge_info": merge, "row_size": nrow}}
blocks[tbl]["children"] = list(cells)
text(runs('本表由区营商环境服务中心汇总，如有变动以各单位公布为准（汇总电话：5520088）。'))
block(22, "divider", {}, DOC_ID)
text(runs('抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院。'))
text(runs('澄湖市云溪区人民政府办公室　　2022年7月8日印发'))
text(runs(('（校对：区政府办文印室　电话5520099）', I)))

# Pre-order, as the API lists them.
items = []


def walk(i):
    items.append(blocks[i])
    for k in blocks[i].get("children", []):
        walk(k)


walk(DOC_ID)
assert len(items) == len(blocks)
SIZE = 120
pages = [items[i:i + SIZE] for i in range(0, len(items), SIZE)]
assert len(pages) == 3, len(pages)
TOKENS = ['aw7DoMKBFMOGwqHCrsKxw7PDtcOBM0vDrcOgVsKyw4XCk8KHwq3DpcOO', 'aw7DoMKBFMOGwqHCr8K1w4HDsMO0VcO0w4bCkMK7wqDDq8OHwo7DmsKv']


def response(n):
    data = {"has_more": n < 3, "items": pages[n - 1]}
    if n < 3:
        data["page_token"] = TOKENS[n - 1]
    return {"code": 0, "data": data, "msg": "success"}


out = []
for n in (2, 1, 3):
    out.append('// page %d\n' % n + json.dumps(response(n), ensure_ascii=(n == 2), indent=2))
with open('guide.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
for n in (1, 2):
    last, nxt = pages[n - 1][-1], pages[n][0]
    print('page %d ends with block_type %d; page %d opens with block_type %d (parent %s)' % (n, last["block_type"], n + 1, nxt["block_type"], 'previous' if nxt["parent_id"] == last["block_id"] else 'elsewhere'))
print(len(items), 'blocks')
