package index

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestEnglishQuestions: a message written mostly in English is read
// through the English glossary (data/english.txt) into the Chinese the
// search reads, and answered as that Chinese would be: a person's name
// kept as written finds its contact, a unit named in English its phone,
// measures on the embedded guide and on another district's; what no guide
// covers is still declined, a greeting or thanks is small talk, and
// English the glossary cannot read keeps the notice. The phrasings are
// this test's own.
func TestEnglishQuestions(t *testing.T) {
	other, _ := otherGuideIndex(t) // huairou-2022
	cases := []struct {
		name    string
		ix      *Index
		q       string
		kind    seeds.Kind // of the first ask; "" for small talk
		measure int        // the first measure, for a measure
		unit    string     // the unit, for a unit or contact
		english string     // a piece of what it was understood as ("" for none)
	}{
		// A person's name inside English, and a unit by its English name.
		{"person", testIndex, "I need to reach 林桂香, could you give me her number?", seeds.KindUnit, 0, "区人保局", "林桂香"},
		{"person's", testIndex, "Please send 王振's telephone", seeds.KindUnit, 0, "区税务局", "王振"},
		{"unit", testIndex, "Tax office telephone please", seeds.KindUnit, 0, "区税务局", "税务局 电话"},
		{"unit in Chinese", testIndex, "Telephone for 区人力社保局 please", seeds.KindUnit, 0, "区人保局", "区人力社保局 电话"},
		// Measures of the embedded guide.
		{"vat credit deadline", testIndex, "Until when can a firm claim the retained VAT credit refund?", seeds.KindMeasure, 1, "", "留抵退税"},
		{"social insurance", testIndex, "Is it possible for our company to postpone social security contributions?", seeds.KindMeasure, 2, "", "社保"},
		{"housing fund", testIndex, "housing fund deferral", seeds.KindMeasure, 3, "", "公积金"},
		{"smart city", testIndex, "Is there support for platform companies joining smart city projects like smart traffic?", seeds.KindMeasure, 38, "", "智慧城市"},
		{"state-owned rent", testIndex, "Our shop leases a state-owned building, do we get a rent waiver?", seeds.KindMeasure, 4, "", "房租减免"},
		{"first loan", testIndex, "Is there interest subsidy on a first-time loan?", seeds.KindMeasure, 9, "", "贴息"},
		{"graduates", testIndex, "We want to recruit graduates this year, what subsidies are there?", seeds.KindMeasure, 72, "", "招用高校毕业生"},
		// Another district's guide.
		{"huairou housing fund", other, "Can we delay paying into the housing provident fund?", seeds.KindMeasure, 7, "", "公积金"},
		{"huairou rent", other, "Small business renting from a state-owned enterprise: how many months of rent relief?", seeds.KindMeasure, 8, "", "国企"},
		// What no guide covers: read, and declined.
		{"visa", testIndex, "What do foreign staff need for a work permit?", seeds.KindNone, 0, "", "工作签证"},
		{"income tax", testIndex, "Is individual income tax reduced this year?", seeds.KindNone, 0, "", "个人所得税"},
		{"trademark", testIndex, "Which office handles trademark registration?", seeds.KindNone, 0, "", "商标注册"},
		// Small talk, and English the glossary cannot read.
		{"greeting", testIndex, "Good morning!", "", 0, "", ""},
		{"thanks", testIndex, "Many thanks, that was useful", "", 0, "", ""},
		{"unreadable", testIndex, "The weather in Beijing is lovely today, isn't it?", seeds.KindNone, 0, "", ""},
	}
	for _, c := range cases {
		rd, err := c.ix.Read(c.q, Context{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.kind != "" && c.english == "" && rd.English != "" || !strings.Contains(rd.English, c.english) {
			t.Errorf("%s: %q understood as %q, want it to hold %q", c.name, c.q, rd.English, c.english)
		}
		if c.kind == "" {
			if rd.Social == nil {
				t.Errorf("%s: %q not small talk (%d asks)", c.name, c.q, len(rd.Asks))
			}
			continue
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: %q read as no ask", c.name, c.q)
			continue
		}
		r := rd.Asks[0].Result
		if r.Kind != c.kind {
			t.Errorf("%s: %q (as %q): kind %s, want %s", c.name, c.q, rd.English, r.Kind, c.kind)
			continue
		}
		if c.measure != 0 && (len(r.Measures) == 0 || r.Measures[0].Number != c.measure) {
			t.Errorf("%s: %q (as %q): measures %v, want %d first", c.name, c.q, rd.English, r.Measures, c.measure)
		}
		if c.unit != "" && (r.Unit == nil || r.Unit.Name != c.unit) {
			t.Errorf("%s: %q (as %q): unit %v, want %s", c.name, c.q, rd.English, r.Unit, c.unit)
		}
		if c.english == "" && !r.NotChinese {
			t.Errorf("%s: %q: not flagged NotChinese", c.name, c.q)
		}
	}
}

// TestEnglishLeavesChineseAlone: a Chinese question, one with an English
// word or clause beside its Chinese, and pinyin are not read as English.
func TestEnglishLeavesChineseAlone(t *testing.T) {
	for _, q := range []string{
		"社保能缓交吗",
		"我们是一家外资company，房租能减吗",
		"can I do it online 网上能办吗",
		"shebao neng huanjiao ma",
		"010-69050322",
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if rd.English != "" {
			t.Errorf("%q read as English: %q", q, rd.English)
		}
	}
}

// TestEnglishFollowUp: an English ask that names nothing ("who do I
// call?") is read in a conversation with a topic, and gets the notice
// without one.
func TestEnglishFollowUp(t *testing.T) {
	for _, c := range []struct {
		topic int
		want  bool
	}{{2, true}, {0, false}} {
		rd, err := testIndex.Read("who do I call?", Context{Topic: c.topic})
		if err != nil {
			t.Fatal(err)
		}
		if got := rd.English != ""; got != c.want {
			t.Errorf("topic %d: read as English %v (%q), want %v", c.topic, got, rd.English, c.want)
		}
	}
}

// TestEnglishWords: phrases are keyed case-insensitively, without an
// apostrophe or a plural's s (what's and whats alike: what).
func TestEnglishWords(t *testing.T) {
	for in, want := range map[string]string{
		"What's the deadline":       "what the deadline",
		"Social Insurance Payments": "social insurance payment",
		"subsidies, taxes":          "subsidy tax",
		"state-owned business":      "state-owned business",
	} {
		if got := strings.Join(englishWords(in), " "); got != want {
			t.Errorf("englishWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnglishFileLines: an operator's english.txt adds to the built-in
// glossary, and a malformed line is an error naming file and line.
func TestEnglishFileLines(t *testing.T) {
	builtin, err := LoadLexicon("", nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "english.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("[topic]\nbike lane, cycle path => 自行车道\n")
	lex, err := LoadLexicon(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.English) != len(builtin.English)+1 || newGlossary(lex.English).phrases["cycle path"].zh != "自行车道" {
		t.Errorf("operator line not read: %d phrases, built in %d", len(lex.English), len(builtin.English))
	}
	for _, bad := range []string{"[topic]\nno arrow here\n", "[filler]\nthe => 的\n", "rent => 房租\n", "[verbs]\nrent => 房租\n"} {
		write(bad)
		if _, err := LoadLexicon(dir, nil); err == nil || !strings.Contains(err.Error(), "english.txt line") {
			t.Errorf("%q: error %v, want one naming english.txt and the line", bad, err)
		}
	}
}

// TestEnglishTwoAsks: each English sentence is a clause of its own, so a
// message asking two things is read as two asks, in order.
func TestEnglishTwoAsks(t *testing.T) {
	rd, err := testIndex.Read("Could our firm pay the housing fund later? And which office deals with consumption vouchers?", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 2 {
		t.Fatalf("as %q: %d asks, want 2", rd.English, len(rd.Asks))
	}
	first, second := rd.Asks[0].Result, rd.Asks[1].Result
	if len(first.Measures) == 0 || first.Measures[0].Number != 3 {
		t.Errorf("first ask (as %q): %s %v, want 第3条", rd.English, first.Kind, first.Measures)
	}
	if !slices.Contains(second.Terms, "消费券") || second.Kind == seeds.KindNone {
		t.Errorf("second ask (as %q): %s, terms %v", rd.English, second.Kind, second.Terms)
	}
}

// TestEnglishStoryThenAsk: a manager's message that tells a story in a
// sentence or two and then asks is read as a Chinese one is, the story as
// the situation and the question as the ask: the story's words the
// glossary lacks do not cost the message its reading, and everyday words
// of a story and a guide's vocabulary (repayments, credit record, export
// credit insurance, technology transfer, land and power for a plant) are
// read. What no guide covers is still declined. The phrasings are this
// test's own.
func TestEnglishStoryThenAsk(t *testing.T) {
	other, _ := otherGuideIndex(t) // huairou-2022
	cases := []struct {
		name    string
		ix      *Index
		q       string
		measure int    // the first ask's first measure; 0: declined (none)
		english string // a piece of what it was understood as
	}{
		// The embedded guide.
		{"rent after lockdown", testIndex, "Our noodle restaurant was closed for two months during the lockdown and revenue dropped sharply. Can we get a rent reduction on the state-owned shop we lease?", 4, "房租减免"},
		{"graduates", testIndex, "We took on twelve fresh graduates this summer. Our cash flow is tight. Is there a social insurance subsidy for hiring them?", 72, "社保补贴"},
		{"premiums", testIndex, "I'm the boss of a small printing shop. We can't pay our social insurance this quarter. Can we defer it?", 2, "缓缴"},
		{"housing fund", testIndex, "Our clients stopped paying us and our suppliers want cash up front. Can the firm pay the housing fund later?", 3, "公积金"},
		{"owed", testIndex, "We supply parts to a state-owned enterprise and they have owed us money for six months. Is there a campaign to clear overdue payments to small firms?", 22, "账款清欠"},
		{"credit record", testIndex, "I run a small design studio as a freelancer. I fell behind on my loan during the lockdown. Can I postpone repayments without it showing on my credit record?", 10, "延期还款"},
		{"penalty record", testIndex, "We were fined during the outbreak for filing late. Will the penalty show on our credit record?", 17, "征信"},
		{"first loan", testIndex, "Our first bank loan is due next month. Is there an interest subsidy for first loans?", 9, "贴息"},
		{"power cut", testIndex, "Our bakery has been shut since the lockdown began. We cannot pay the water and electricity bills. Will the supply be cut off?", 7, "停供"},
		{"procurement", testIndex, "Our factory wants to bid for a government contract. Do small firms get a price deduction?", 25, "价格扣除"},
		{"technology transfer", testIndex, "We plan to license our patent to a partner company. Is the technology transfer income tax-exempt?", 44, "技术转让所得"},
		{"two zones", testIndex, "We're a foreign-invested manufacturer building a new plant here. We need land, water and power hookups. Is there support for that under the Two Zones policy?", 43, "两区"},
		{"landlord", testIndex, "My landlord is a state-owned company. Who should I call about the rent waiver?", 4, "房租减免"},
		// Another district's guide.
		{"huairou super deduction", other, "We are a small tech firm with a dozen engineers. Most of our spending goes on research. Can we deduct extra for R&D expenses?", 32, "加计扣除"},
		{"huairou export credit insurance", other, "We sell furniture overseas. Our buyers cancelled half of their orders this spring. Will the district cover part of our export credit insurance premiums?", 33, "出口信用保险"},
		// What no relief guide covers, read and declined.
		{"work permit", testIndex, "We're a foreign-invested firm and our orders are down. Which office handles work permits for foreign staff?", 0, "工作签证"},
		{"trademark", testIndex, "We plan to open a second outlet next year. How do I register a trademark for the brand?", 0, "商标注册"},
		{"personal income tax", testIndex, "I run a small shop. Sales fell a lot this year. Can I get a personal income tax cut?", 0, "个人所得税"},
	}
	for _, c := range cases {
		rd, err := c.ix.Read(c.q, Context{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !strings.Contains(rd.English, c.english) {
			t.Errorf("%s: %q understood as %q, want it to hold %q", c.name, c.q, rd.English, c.english)
			continue
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: %q read as no ask", c.name, c.q)
			continue
		}
		r := rd.Asks[0].Result
		switch {
		case c.measure == 0 && r.Kind != seeds.KindNone:
			t.Errorf("%s: %q (as %q): %s %v, want it declined", c.name, c.q, rd.English, r.Kind, r.Measures)
		case c.measure != 0 && (r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0].Number != c.measure):
			t.Errorf("%s: %q (as %q): %s %v, want 第%d条", c.name, c.q, rd.English, r.Kind, r.Measures, c.measure)
		}
	}
}

// TestEnglishStoryAllowance: the unknown-word allowance applies to the
// ask. A story the glossary barely knows before an ask it reads is read;
// the same story before an ask it cannot read keeps the notice, as does
// English that asks nothing the glossary knows. The story's clauses come
// before the ask, each a clause of its own.
func TestEnglishStoryAllowance(t *testing.T) {
	story := "My grandfather founded our family bakery in a hutong decades ago and my cousins still knead the dough by hand every morning. "
	for _, c := range []struct {
		q    string
		ok   bool
		text string // what the search reads, for a message read
	}{
		{story + "Can we defer social insurance?", true, "缓缴社保可以吗？"},
		{story + "Who do I call about rent relief?", true, "房租减免找谁？"},
		{story + "What would you recommend for the weekend?", false, ""},
		{"Our orders dropped by half, can we postpone repayments?", true, "订单下降，延期还款可以吗？"},
		{"We were closed for weeks. Can we get rent relief?", true, "停业。房租减免可以吗？"},
		// Without a question, the whole message is its ask: too much of
		// it unknown.
		{"My grandfather founded our family bakery in a hutong decades ago and my cousins knead the dough, social insurance", false, ""},
	} {
		en, ok := testIndex.english.fromEnglish(c.q, false)
		if ok != c.ok || ok && en.text != c.text {
			t.Errorf("%q: read %v as %q, want %v %q", c.q, ok, en.text, c.ok, c.text)
		}
	}
}

// TestEnglishGlossaryOneReading: each English phrase of the built-in
// glossary reads one way; a phrase listed under two readings (merged from
// two sources) would read as whichever line the loader met last.
func TestEnglishGlossaryOneReading(t *testing.T) {
	b, err := os.ReadFile("data/english.txt")
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		from, to, ok := strings.Cut(line, "=>")
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "[") || !ok {
			continue
		}
		to = strings.TrimSpace(to)
		for _, ph := range strings.Split(from, ",") {
			ph = strings.ToLower(strings.TrimSpace(ph))
			if prev, dup := read[ph]; dup {
				t.Errorf("line %d: %q read as %q and, before, as %q", i+1, ph, to, prev)
			}
			read[ph] = to
		}
	}
}
