import random, sys, json
sys.path.insert(0, '/tmp/layout49')
from pool import *

ID = "wutong-2022-hotline"
rng = random.Random(4902)
SECTIONS = [
 ("财税", ["ldts", "xgm", "lsf", "fcs", "cbj"]),
 ("房租和成本", ["gyzj", "fgyzj", "sdq"]),
 ("就业社保", ["sbhj", "wgfh", "lgpx", "kgbz", "sbbt", "gjj"]),
 ("金融", ["yqhb", "jjzd", "dbfl", "txdk", "cydb"]),
 ("行业帮扶", ["gtzh", "cyq", "zbj", "jqmp", "ysbt", "txz", "zfcg"]),
]
keys = [k for _, ks in SECTIONS for k in ks]
ms, staff, units = assign(rng, keys, SECTIONS, "6", two_unit_keys={"fcs", "fgyzj", "cydb"}, extra_person_units=["区人力资源和社会保障局"])
AREA = "0758"
for m in ms:
    if m["key"] == "gtzh":
        m["contacts"] = [{"full": "", "short": "", "person": "", "phone": "12345", "hotline": True}]
    if m["key"] == "ldts":
        m["contacts"].append({"full": "", "short": "", "person": "", "phone": "12366", "hotline": True})

t = [0, 0, 5]
def ts():
    t[2] += rng.randint(6, 40)
    t[1] += t[2] // 60; t[2] %= 60
    t[0] += t[1] // 60; t[1] %= 60
    return "[%02d:%02d:%02d]" % tuple(t)

out = []
def A(s):
    out.append("%s 坐席：%s" % (ts(), s))
def C(s):
    out.append("%s 来电人：%s" % (ts(), s))

head = ["梧桐区12345政务服务便民热线 通话录音转写稿",
        "工单编号：WT20220713-0458",
        "来电时间：2022-07-13 10:21:07",
        "坐席工号：0317",
        "通话时长：31分26秒",
        "转写方式：系统自动转写，人工校对（部分口语未删）",
        "诉求类型：政策咨询—惠企政策",
        "————————————————————"]
out += head
A("您好，梧桐区12345，工号0317为您服务，请问有什么可以帮您？")
C("喂，你好，我是开饭店的，在梧桐区，想问一下区里今年那个帮企业的政策，就是助企纾困那个，到底有哪些？")
A("好的先生，您说的应该是区政府6月份印发的《梧桐区关于助企纾困稳经济增长的若干措施》，一共是二十六条，分财税、房租成本、就业社保、金融、行业帮扶五个方面。")
C("二十六条啊，那么多。你都给我念一下吧，我拿笔记着，哪条找谁你也顺便说一下。")
A("可以的，那我按顺序给您读，每条后面我把负责单位和联系电话也告诉您。电话都是本地八位号码，外地手机打的话前面加区号%s。" % AREA)
C("行，你说。")

def contact_sentence(m, style):
    cs = m["contacts"]
    if m["key"] == "gtzh":
        return "这一条没有单独的联系人，您直接打我们12345，我们会给您转到区市场监管局。"
    if m["key"] == "ldts":
        c = cs[0]
        return "这条是%s负责，联系人%s，电话%s，也可以打纳税服务热线12366。" % (c["short"], c["person"], c["phone"])
    if len(cs) == 2:
        a, b = cs
        return "这条是%s和%s一起负责，%s那边联系人%s，电话%s；%s那边是%s，电话%s。" % (a["short"], b["short"], a["short"], a["person"], a["phone"], b["short"], b["person"], b["phone"])
    c = cs[0]
    if m["key"] == "ldts":
        return "这条是%s负责，联系人%s，电话%s，也可以打纳税服务热线12366。" % (c["short"], c["person"], c["phone"])
    forms = [
        "这条的责任单位是%s，联系人%s，联系电话%s。" % (c["full"], c["person"], c["phone"]),
        "这条找%s，联系人是%s，电话%s。" % (c["short"], c["person"], c["phone"]),
        "负责单位%s，您找%s就行，电话是%s。" % (c["short"], c["person"], c["phone"]),
    ]
    return forms[style % 3]

ask_phone = {5, 12, 19}   # the caller asks for the phone again
repeat = 7                 # the caller asks for this one to be read again
two_in_one = {(3, 4), (21, 22)}
second_of_pair = {b for _, b in two_in_one}
i = 0
prev_sec = 0
while i < len(ms):
    m = ms[i]
    n = m["n"]
    if m["section"][0] != prev_sec:
        prev_sec = m["section"][0]
        if prev_sec > 1:
            A("%s方面的就这几条。下面是%s方面的。" % (SECTIONS[prev_sec - 2][0], SECTIONS[prev_sec - 1][0]))
    body = "".join(m["body"])
    intro = rng.choice(["第%s条，", "然后第%s条，", "第%s条是", "接下来第%s条，"]) % Numeral(n)
    if n == 1:
        intro = "先说财税方面的。第一条，"
    if n in ask_phone:
        c = m["contacts"][0]
        A("%s%s。%s负责单位是%s。" % (intro, m["title"], body, c["short"]))
        C("电话多少？")
        A("%s，找%s。" % (c["phone"], c["person"]))
        C("%s，%s，好。" % (c["phone"], c["person"]))
    elif (n, n + 1) in two_in_one:
        m2 = ms[i + 1]
        A("%s%s。%s%s第%s条，%s。%s%s" % (intro, m["title"], body, contact_sentence(m, n), Numeral(n + 1), m2["title"], "".join(m2["body"]), contact_sentence(m2, n + 1)))
        i += 2
        C(rng.choice(["嗯嗯。", "好的，继续。", "记下了。"]))
        continue
    else:
        # body read in two turns sometimes
        if len(m["body"]) > 1 and n % 2 == 0:
            A("%s%s。%s" % (intro, m["title"], m["body"][0]))
            C(rng.choice(["嗯。", "哦，这个好。", "嗯，然后呢？"]))
            A("%s%s" % ("".join(m["body"][1:]), contact_sentence(m, n)))
        else:
            A("%s%s。%s%s" % (intro, m["title"], body, contact_sentence(m, n)))
        if n == repeat:
            C("等一下，你刚才第%s条说得太快了，再说一遍行不行？" % Numeral(n))
            c = m["contacts"][0]
            A("好的，第%s条，%s，%s联系人%s，电话%s。" % (Numeral(n), m["title"], c["short"], c["person"], c["phone"]))
            C("好好，记下了。")
        elif n == 13:
            C("我店里有个服务员四十多岁，以前下岗的，这个算不算？")
            A("要看她有没有在人社部门登记为就业困难人员，登记了就可以，具体您问一下刚才说的联系人。")
        elif n == 16:
            C("贷款这块我们饭店倒是有一笔，在农商行，明年才到期。")
            A("那这条您先记着，到时候需要再联系。")
        else:
            C(rng.choice(["嗯。", "嗯，记了。", "好。", "嗯嗯，下一条。", "行。"]))
    i += 1
A("二十六条就读完了。您是开饭店的，主要可以看第六条国有房屋租金、第九条社保缓缴、第十一条留工培训补助，还有第二十一条餐饮消费券。")
C("行，谢谢你啊。那个房租的是不是只有国企的房子才行？")
A("第六条是承租区属国有企业和行政事业单位房屋的才免租金；您要是租的私人的房子，可以让房东看一下第七条，房东减租可以申请补贴。")
C("明白了。你们这个12345是24小时的吗？")
A("是的，12345热线24小时都有人接听。还有什么可以帮您？")
C("没了，谢谢。")
A("不客气，感谢您的来电，稍后请对本次服务做出评价，再见。")
out += ["————————————————————", "【通话结束】 满意度评价：非常满意", "备注：来电人咨询惠企政策，已逐条告知《梧桐区关于助企纾困稳经济增长的若干措施》（梧政发〔2022〕9号）及各条联系方式，办结。"]
text = "\n".join(out) + "\n"
json.dump({"id": ID, "ms": ms, "area": AREA, "district": "梧桐区"}, open("/tmp/layout49/%s.json" % ID, "w"), ensure_ascii=False)
open("/tmp/layout49/%s.txt" % ID, "w").write(text)
