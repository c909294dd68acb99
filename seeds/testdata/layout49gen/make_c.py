import random, sys, json
sys.path.insert(0, '/tmp/layout49')
from pool import *

ID = "qingyu-2022-group-chat"
rng = random.Random(4903)
SECTIONS = [
 ("财税支持", ["ldts", "xgm", "lsf", "fcs", "cbj", "ghjf", "yfjk", "gyzj", "fgyzj", "syzh"]),
 ("稳岗就业", ["sbhj", "wgfh", "lgpx", "kgbz", "jxbt", "sbbt", "cydb", "gjj"]),
 ("金融和行业", ["yqhb", "jjzd", "dbfl", "txdk", "sd", "nytx", "gtzh", "cyq", "zbj", "ckxb", "wcbt", "qq"]),
]
keys = [k for _, ks in SECTIONS for k in ks]
ms, staff, units = assign(rng, keys, SECTIONS, "5", two_unit_keys={"fcs", "cydb", "yfjk"}, extra_person_units=["区人力资源和社会保障局"])
AREA = "0793"
for m in ms:
    if m["key"] == "qq":
        m["contacts"] = [{"full": "", "short": "", "person": "", "phone": "12345", "hotline": True}]

KEYCAP = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]
ADMIN_A = "青榆区营商办-谢婷"
ADMIN_B = "区人社局-鲁振华"
ADMIN_C = "区金融局-何思远"
OWNERS = ["恒达物流-王总", "鑫旺餐饮 张姐", "晨光印刷厂老李", "美佳超市-周", "青榆小吴（汽修）", "兴业建材 陈"]
clock = [9, 0, 0]
day = ["2022-06-18"]
out = []
def hdr(who):
    clock[1] += rng.randint(1, 7)
    clock[2] = rng.randrange(60)
    if clock[1] >= 60:
        clock[0] += 1; clock[1] -= 60
    out.append("")
    out.append("%s  %s %02d:%02d:%02d" % (who, day[0], clock[0], clock[1], clock[2]))
def say(*lines):
    out.extend(lines)

out += ["青榆区企业服务交流群（498人）聊天记录", "导出时间：2022-06-21 17:40", "————————————————————", ""]
out.append("—————  2022-06-18  —————")
hdr(ADMIN_A)
say("[群公告]@所有人 🔔🔔各位企业家、个体户朋友们好！区里《青榆区助企纾困稳定经济增长若干措施》（青政办发〔2022〕15号）今天正式印发了，一共30条💪 我们分几次在群里发，财税这块我先发，就业社保请人社局鲁科长发，金融和行业这块请金融局何科长发。每条后面都有咨询电话☎️，电话区号都是%s。有问题可以在群里@我们，也可以直接打电话。" % AREA)
hdr(OWNERS[0]); say("收到[抱拳]")
hdr(OWNERS[1]); say("收到👍👍")
hdr(ADMIN_A)
say("【财税支持】（第1-10条）")
def contact_line(m, style):
    cs = m["contacts"]
    if m["key"] == "qq":
        return ["☎️咨询：12345热线"]
    if len(cs) == 2:
        return ["☎️咨询：%s %s %s；%s %s %s" % (cs[0]["short"], cs[0]["person"], cs[0]["phone"], cs[1]["short"], cs[1]["person"], cs[1]["phone"])]
    c = cs[0]
    if style == 0:
        return ["☎️咨询：%s %s %s" % (c["short"], c["person"], c["phone"])]
    if style == 1:
        return ["👉责任单位：%s" % c["full"], "📞联系人：%s  %s" % (c["person"], c["phone"])]
    return ["☎️%s %s %s" % (c["short"], c["person"], c["phone"])]

a_ms = [m for m in ms if m["section"][0] == 1]
for m in a_ms[:5]:
    say("%s %s" % (KEYCAP[m["n"] - 1], m["title"]), *m["body"])
    say(*contact_line(m, 0))
hdr(ADMIN_A)
for m in a_ms[5:]:
    mark = KEYCAP[m["n"] - 1]
    say("%s %s" % (mark, m["title"]), *m["body"])
    say(*contact_line(m, 0))
hdr(OWNERS[2]); say("请问谢主任，第4条房产税减免是只减二季度吗？")
hdr(ADMIN_A)
m4 = ms[3]
say("「%s：%s %s」" % (ADMIN_A, KEYCAP[3], m4["title"]), "- - - - - - - - - - - - - - -", "@%s 是的，只减2022年第二季度的，10月31日前申请，具体打税务局%s电话问一下[微笑]" % (OWNERS[2], m4["contacts"][0]["person"]))
hdr(OWNERS[3]); say("[强][强][强]")
hdr(OWNERS[1])
say("接龙：已阅读财税政策的请接龙👇", "1. 鑫旺餐饮 张姐", "2. 恒达物流 王", "3. 美佳超市 周")
hdr(OWNERS[4]); say("接龙：已阅读财税政策的请接龙👇", "1. 鑫旺餐饮 张姐", "2. 恒达物流 王", "3. 美佳超市 周", "4. 青榆小吴汽修", "5. 晨光印刷 李")
hdr(ADMIN_B)
say("大家好，我是区人社局鲁振华，下面发就业社保的8条👇")
b_ms = [m for m in ms if m["section"][0] == 2]
for m in b_ms:
    say("%d. %s" % (m["n"], m["title"]), *m["body"])
    say(*contact_line(m, 1))
hdr(OWNERS[5]); say("@%s 鲁科长，第13条留工补助我们建材店6个人能领吗" % ADMIN_B)
hdr(ADMIN_B)
m13 = ms[12]
say("「%s：%d. %s %s」" % (ADMIN_B, m13["n"], m13["title"], m13["body"][0]), "- - - - - - - - - - - - - - -", "@%s 中小微企业都可以，按参保人数每人500，私聊我或者打电话" % OWNERS[5])
hdr(ADMIN_A); say("@所有人 明天上午发金融和行业帮扶的12条，请大家关注🌹")
day[0] = "2022-06-19"; clock[0] = 8; clock[1] = 30
out += ["", "—————  2022-06-19  —————"]
hdr(ADMIN_C)
say("各位老板早上好☀️ 我是区金融局何思远，接着发第19-30条（金融和行业帮扶）：")
c_ms = [m for m in ms if m["section"][0] == 3]
for m in c_ms[:6]:
    say("%d、%s" % (m["n"], m["title"]), *m["body"])
    say(*contact_line(m, 2))
hdr(ADMIN_C)
say("（续）")
for m in c_ms[6:]:
    say("%d、%s" % (m["n"], m["title"]), *m["body"])
    say(*contact_line(m, 2))
hdr(OWNERS[0]); say("应急转贷那个费率是日万分之一吧？一个月大概多少")
hdr(ADMIN_C); say("@%s 对，按日万分之一，借1000万用10天大概1万块，详细的问财金集团%s" % (OWNERS[0], ms[19]["contacts"][0]["person"]))
hdr(OWNERS[3]); say("[图片]")
hdr(OWNERS[3]); say("这个二维码是申报入口吗")
hdr(ADMIN_A); say("是的，扫码进“青榆惠企通”小程序，大部分政策可以线上申报👍")
hdr(ADMIN_A)
say("@所有人 30条都发完了，请大家对照自己企业情况看一看。政策有效期到2022年12月31日，另有规定的从其规定。区营商办服务电话：57316620（谢婷），工作日8:30-17:30🙏")
hdr(OWNERS[2]); say("辛苦了[玫瑰][玫瑰]")
hdr(OWNERS[4]); say("[动画表情]")
text = "\n".join(out) + "\n"
json.dump({"id": ID, "ms": ms, "area": AREA, "district": "青榆区"}, open("/tmp/layout49/%s.json" % ID, "w"), ensure_ascii=False)
open("/tmp/layout49/%s.txt" % ID, "w").write(text)
