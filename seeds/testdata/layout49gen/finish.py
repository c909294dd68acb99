import json, sys, random, os
sys.path.insert(0, '/tmp/layout49')
from pool import OOS

def unit_written(c, gid):
    return c.get("written") or c["short"]

def row(m, gid):
    units, persons, phones = [], [], []
    for c in m["contacts"]:
        u = unit_written(c, gid)
        if c.get("hotline") and not u:
            pass
        elif u and u not in ("纳税服务热线", "国网桂溪供电公司") and u not in units:
            units.append(u)
        if c["person"] and c["person"] not in persons:
            persons.append(c["person"])
        phones.append(c["phone"])
    if m["key"] == "gtzh" and gid.startswith("wutong"):
        units = ["区市场监管局"]
    return units, persons, phones

def write(gid, seed, title, meta, layout, numbering):
    d = json.load(open("/tmp/layout49/%s.json" % gid))
    ms = d["ms"]
    rng = random.Random(seed)
    out = "/work/wt/layout49/seeds/testdata/formats/%s" % gid
    os.makedirs(out, exist_ok=True)
    open(out + "/guide.txt", "w").write(open("/tmp/layout49/%s.txt" % gid).read())
    rows = []
    for m in ms:
        u, p, ph = row(m, gid)
        rows.append("| %d | %s | %s | %s | %s | %s |" % (m["n"], m["section"][1], m["title"], "、".join(u) or "—", "、".join(p) or "—", "、".join(ph)))
    readme = "# %s — %s (fictional test guide)\n\nTest data written for stop 49 (layout49: the parser's generic fallback on layouts no reader was written for). The district, every unit, person and phone number is invented; none is a real contact. `../../layout49gen/` wrote it.\n\n%s\n- Number of measures: %d; %s\n\n## Layout\n\n%s\n\n| No. | Section | Title | Units | Persons | Phones |\n|---|---|---|---|---|---|\n%s\n\n`questions.jsonl`: 30 day-one questions (8 short, 6 stories one with two asks, 4 FAQ, 3 typos, 3 contact, 1 unit, 5 out of scope), written from the table above by the writer of the guide, so not sealed: development data.\n" % (gid, title, meta, len(ms), numbering, layout, "\n".join(rows))
    open(out + "/README.md", "w").write(readme)
    # questions
    qs = []
    idx = list(range(len(ms)))
    rng.shuffle(idx)
    qi = [0]
    def nxt():
        k = idx[qi[0] % len(idx)]; qi[0] += 1; return ms[k]
    def add(q, **kw):
        o = {"id": "%s-%03d" % (gid, len(qs) + 1), "q": q}
        o.update(kw)
        qs.append(o)
    for _ in range(8):
        m = nxt(); add(m["q"][0], kind="measure", style="short", measures=[m["n"]])
    for _ in range(5):
        m = nxt(); add(m["q"][2], kind="measure", style="story", measures=[m["n"]])
    a, b = nxt(), nxt()
    add(a["q"][2] + "。另外想问一下，" + b["q"][1], kind="measure", style="story", measures=[a["n"], b["n"]], asks=[[a["n"]], [b["n"]]])
    for _ in range(4):
        m = nxt(); add(m["q"][1], kind="measure", style="faq", measures=[m["n"]])
    for _ in range(3):
        m = nxt(); add(m["q"][3], kind="measure", style="typo", measures=[m["n"]])
    forms = ["%s找哪个部门？电话多少", "%s这个事打什么电话", "%s找谁办"]
    cn = 0
    while cn < 3:
        m = nxt()
        u, p, ph = row(m, gid)
        if not p or len(u) != 1:
            continue
        add(forms[cn] % m["title"].strip("“”"), kind="contact", style="contact", measures=[m["n"]], phones=ph)
        cn += 1
    # unit question: the unit with most persons
    by = {}
    for m in ms:
        for c in m["contacts"]:
            if c["person"] and not c.get("hotline"):
                by.setdefault(unit_written(c, gid), set()).add(c["phone"])
    u = max(by, key=lambda k: (len(by[k]), k))
    add("%s的联系电话是多少" % u, kind="unit", style="contact", unit=u, phones=sorted(by[u]))
    keys = {m["key"]: m["n"] for m in ms}
    for q, ok in rng.sample(OOS, 5):
        o = dict(kind="none", style="oos")
        also = [keys[k] for k in ok if k in keys]
        if also:
            o["also_ok"] = also
        add(q, **o)
    with open(out + "/questions.jsonl", "w") as f:
        for o in qs:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(gid, len(ms), len(qs))
