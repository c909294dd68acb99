package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestNamesAndUnitsAlone: a person's name, a department, a unit or a phone
// number alone asks for that contact (testdata/heldout4_names.jsonl, the
// development set of issue 18's item 5). The answer is a unit reply with
// every phone the question's contact has and no phone of anyone else.
func TestNamesAndUnitsAlone(t *testing.T) {
	data, err := os.ReadFile("testdata/heldout4_names.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	right, n := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var q struct {
			ID, Q, Kind, Unit string
			Phones            []string
		}
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatal(err)
		}
		n++
		r := must(testIndex.Search(q.Q))
		if r.Kind != seeds.KindUnit || r.Unit == nil {
			t.Logf("%s %q: %s %v", q.ID, q.Q, r.Kind, r.Measures)
			continue
		}
		got := r.Unit.Phones()
		missing, extra := false, []string{}
		for _, p := range q.Phones {
			missing = missing || !slices.Contains(got, p)
		}
		for _, p := range got {
			if !slices.Contains(q.Phones, p) {
				extra = append(extra, p)
			}
		}
		if q.Kind == "unit" && r.Unit.Name != q.Unit {
			t.Logf("%s %q: unit %s, want %s", q.ID, q.Q, r.Unit.Name, q.Unit)
			continue
		}
		if missing || len(extra) > 0 {
			t.Logf("%s %q: phones %v, want %v", q.ID, q.Q, got, q.Phones)
			continue
		}
		right++
	}
	if float64(right) < 0.9*float64(n) {
		t.Errorf("%d of %d names, departments, units and phones answered with exactly their contact; want ≥ 90%%", right, n)
	}
}

// TestContactAlone: what a name asks and what it does not.
func TestContactAlone(t *testing.T) {
	person := func(q string) []string {
		r := must(testIndex.Search(q))
		if r.Kind != seeds.KindUnit || r.Unit == nil {
			return nil
		}
		var people []string
		for _, c := range r.Unit.Contacts {
			people = seeds.AppendNew(people, c.People...)
		}
		return people
	}
	for q, want := range map[string][]string{
		"李斌电话":             {"李斌"},
		"找郭森怡":             {"郭森怡"},
		"“两区”专班电话":         {"胡婷婷"},
		"13693508642是谁的电话": {"徐士鹏"},
		"69047748是哪里的电话":   {"叶明"},         // a local number without its area code
		"李月新":              {"李月新", "蒋月昌"}, // listed together, with one phone
	} {
		if got := person(q); !slices.Equal(got, want) {
			t.Errorf("%s: contacts of %v, want %v", q, got, want)
		}
	}
	// Every measure that lists the person, once each.
	r := must(testIndex.Search("李斌电话"))
	var want []int
	for _, m := range testIndex.guide.Measures {
		for _, c := range m.Contacts {
			if slices.Contains(c.People, "李斌") {
				want = appendInt(want, m.Number)
			}
		}
	}
	if len(want) < 2 || !slices.Equal(r.Unit.Leads, want) {
		t.Errorf("李斌电话: measures %v, want %v", r.Unit.Leads, want)
	}
	// A name inside other words is no name ("于平" in 关于平台), and a
	// name beside a question is that question.
	for _, q := range []string{"关于平台企业的政策", "李斌负责的留抵退税什么时候截止"} {
		if r := must(testIndex.Search(q)); r.Kind == seeds.KindUnit {
			t.Errorf("%s: read as asking for %s", q, r.Unit.Name)
		}
	}
	// A department several units have is no answer without the unit.
	if r := must(testIndex.Search("产业发展科电话")); r.Kind == seeds.KindUnit && len(r.Unit.Contacts) == 1 {
		t.Errorf("产业发展科电话: one unit's (%s) of several", r.Unit.Name)
	}
}

// TestNamesInContactList: in a guide whose contact lines name several
// people each ("联系人:张某,联系电话:…;李某,联系电话:…"), a person's name
// alone answers with that person's phone alone, on the clean and the
// scrambled copy (the people whose contact line the copy kept).
func TestNamesInContactList(t *testing.T) {
	for _, file := range []string{"guide.txt", "scrambled-1.txt"} {
		ix := openSeed(t, filepath.Join("..", "seeds", "testdata", "formats", "liuxi-2020-contact-list", file))
		g := ix.Guide()
		asked := 0
		for _, m := range g.Measures {
			for _, c := range m.Contacts {
				if len(c.People) != 1 {
					continue
				}
				asked++
				p := c.People[0]
				r := must(ix.Search(p))
				if r.Kind != seeds.KindUnit || r.Unit == nil {
					t.Errorf("%s %s: %s %v", file, p, r.Kind, r.Measures)
					continue
				}
				if got := r.Unit.Phones(); !slices.Equal(got, c.Phones) || r.Unit.Name != c.Unit {
					t.Errorf("%s %s: %s %v, want %s %v", file, p, r.Unit.Name, got, c.Unit, c.Phones)
				}
			}
		}
		if asked < 15 {
			t.Errorf("%s: %d people asked", file, asked)
		}
	}
}

// TestUnitNamedBesideTopic: a unit named in a second ask about the same
// measure ("白名单找谁办 交通局电话有吗", "危房那个找谁啊 应急局管不管")
// stays in the reading: some ask answered with a measure or the unit
// carries that unit, so the reply can give its contact line (管不管 asks
// nothing besides, as 管吗 does, so "应急局管不管" is no suggestion).
func TestUnitNamedBesideTopic(t *testing.T) {
	for q, want := range map[string]string{
		"这个白名单找谁办 交通局电话有吗": "区交通局",
		"危房那个找谁啊 应急局管不管":   "区应急局",
		"应急局管不管":           "区应急局",
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rd.Asks, func(a Ask) bool {
			return a.Unit != nil && a.Unit.Name == want && (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindUnit)
		}) {
			var got []string
			for _, a := range rd.Asks {
				got = append(got, fmt.Sprintf("%s %s %v", a.Clauses, a.Kind, a.Unit))
			}
			t.Errorf("%q: asks %v, none with unit %s", q, got, want)
		}
	}
}

// TestAnyContact: whom to call about nothing named is AnyContact (the
// hotline answers); whom to call about a topic the guide lacks is not,
// it is declined.
func TestAnyContact(t *testing.T) {
	for q, want := range map[string]bool{
		"有问题打什么电话":   true,
		"有事找谁":       true,
		"医保报销找谁":     false,
		"孩子上学找谁":     false,
		"社保缓缴找谁":     false,
		"顺义区人保局电话多少": false,
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil || len(rd.Asks) != 1 {
			t.Fatalf("%q: %+v %v", q, rd.Asks, err)
		}
		if got := rd.Asks[0].AnyContact; got != want {
			t.Errorf("%q: AnyContact %v, want %v (%s %v)", q, got, want, rd.Asks[0].Kind, rd.Asks[0].Terms)
		}
	}
}

// TestPersonWithMatter: a person asked for with the matter they handle
// ("保证金的事找文科长"), when a measure listing them says it, is that
// person's contact, not a search of the matter with the name's characters
// as its words; a matter none of their measures says is no such contact.
func TestPersonWithMatter(t *testing.T) {
	for _, tc := range []struct {
		q     string
		phone string // "" : not that person's lines alone
	}{
		{"保证金的事找文科长 他电话多少", "010-89087687"},
		{"负责政府采购那块的文科长电话给一个", "010-89087687"},
		{"房租减免的文科长电话多少", ""},
	} {
		r := must(testIndex.Search(tc.q))
		unit := r.Kind == seeds.KindUnit && r.Unit != nil
		if tc.phone == "" {
			if unit && slices.Contains(r.Unit.Phones(), "010-89087687") {
				t.Errorf("%q: %v, want no 文宇 contact", tc.q, r.Unit.Contacts)
			}
			continue
		}
		if !unit || !slices.Contains(r.Unit.Phones(), tc.phone) {
			t.Errorf("%q: %s %v, want the unit reply with %s", tc.q, r.Kind, r.Unit, tc.phone)
		}
	}
}

// TestTitledPerson: a person called by surname and title ("X科长", "X主任")
// is the one contact person of that surname, among the unit or department
// named with it when one is; two of that surname, or none, is no contact.
func TestTitledPerson(t *testing.T) {
	for _, tc := range []struct{ q, phone string }{
		{"文旅局蔡科长的电话是多少", "010-69041194"},
		{"想找金融办的郑主任，怎么联系", "010-69041298"},
		{"区经信局刘科长电话", "010-69045744"},
		{"李主任电话多少", ""},     // seven people named 李
		{"区经信局郭科长电话", ""},   // four of them in the unit
		{"文旅局的吴科长怎么联系", ""}, // nobody of that surname there
	} {
		r := must(testIndex.Search(tc.q))
		got := r.Kind == seeds.KindUnit && r.Unit != nil && slices.Contains(r.Unit.Phones(), tc.phone)
		if tc.phone == "" {
			if r.Kind == seeds.KindUnit && r.Unit != nil && len(r.Unit.Contacts) == 1 {
				t.Errorf("%q: one person's lines %v, want none", tc.q, r.Unit.Contacts)
			}
			continue
		}
		if !got {
			t.Errorf("%q: %s %v, want the unit reply with %s", tc.q, r.Kind, r.Unit, tc.phone)
		}
	}
}

// TestContactPointedBack: an ask for a contact that points back with a
// pronoun at a person, department or unit its statements named
// ("…那个X，我打哪个号码能找到他") asks for that contact, and a full name
// jieba glues to the word beside it ("联系上…": 上林) is still the name.
func TestContactPointedBack(t *testing.T) {
	for _, c := range []struct {
		q      string
		unit   string   // "" for no unit reply
		phones []string // exactly these
	}{
		{"想去区金融办当面问问，您知道他们的电话吗", "区金融办", []string{"010-69041298"}},
		{"交通局运输管理科的于平，我怎么找他", "区交通局", []string{"010-89096392"}},
		{"产权科的王楠科长，她的号码有吗", "区国资委", []string{"010-69043376"}},
		// The unit named last is the one pointed at.
		{"区人保局让我去找区金融办，他们电话多少", "区金融办", []string{"010-69041298"}},
		// Glued names.
		{"怎么联系上林桂香", "区人保局", []string{"010-69050322"}},
		{"就业促进科赵小龙 电话", "区人保局", []string{"010-69042124", "010-89037309"}},
		// A pronoun at someone the guide does not list asks for no contact.
		{"我表哥在银行上班，他电话多少我忘了", "", nil},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", c.q)
			continue
		}
		r := rd.Asks[0].Result
		if c.unit == "" {
			if r.Kind == seeds.KindUnit {
				t.Errorf("%s: unit %s, want no unit reply", c.q, r.Unit.Name)
			}
			continue
		}
		if r.Kind != seeds.KindUnit || r.Unit == nil {
			t.Errorf("%s: %s %v, want unit %s", c.q, r.Kind, r.Measures, c.unit)
			continue
		}
		if r.Unit.Name != c.unit || !slices.Equal(r.Unit.Phones(), c.phones) {
			t.Errorf("%s: %s %v, want %s %v", c.q, r.Unit.Name, r.Unit.Phones(), c.unit, c.phones)
		}
	}
}

// TestContactMeans: a way to reach a person named by name or by surname and
// title ("…的邮箱能给一下吗", "…主任的手机是多少") asks for that person's
// contact, not about the word (手机 is a topic of the consumer measures),
// and Unlisted says which way the guide does not give.
func TestContactMeans(t *testing.T) {
	for _, tc := range []struct{ q, phone, called string }{
		{"国资委产权科王楠的邮箱能给一下吗", "010-69043376", ""},
		{"想把房租减免的材料发过去，国资委产权科王楠的邮箱能给一下吗", "010-69043376", ""},
		{"住建委房屋安全事务中心徐主任的手机是多少", "13693508642", "徐主任"},
		{"徐主任的手机", "13693508642", "徐主任"},
		{"王楠的地址", "010-69043376", ""},
		{"人保局的邮箱是多少", "010-69050322", ""},
		{"买手机有补贴吗", "", ""}, // no one named: 手机 is the topic
	} {
		rd := must2(testIndex.Read(tc.q, Context{}))
		r := rd.Asks[len(rd.Asks)-1].Result
		got := r.Kind == seeds.KindUnit && r.Unit != nil && slices.Contains(r.Unit.Phones(), tc.phone)
		if tc.phone == "" {
			if r.Kind == seeds.KindUnit {
				t.Errorf("%q: unit reply %v, want none", tc.q, r.Unit)
			}
			continue
		}
		if !got || r.Called != tc.called {
			t.Errorf("%q: %s %v called %q, want the unit reply with %s called %q", tc.q, r.Kind, r.Unit, r.Called, tc.phone, tc.called)
		}
	}
	landline := []seeds.Contact{{Unit: "区国资委", People: []string{"王楠"}, Phones: []string{"010-69043376"}}}
	mobileLine := []seeds.Contact{{Unit: "区住建委", People: []string{"徐士鹏"}, Phones: []string{"136 9350 8642"}}}
	mailed := []seeds.Contact{{Unit: "区国资委", Phones: []string{"010-69043376"}, Emails: []string{"gzw@example.cn"}}}
	for _, tc := range []struct {
		q    string
		cs   []seeds.Contact
		want string
	}{
		{"王楠的邮箱能给一下吗", landline, "邮箱"},
		{"发E-mail给谁", landline, "邮箱"},
		{"王楠的邮箱能给一下吗", mailed, ""},
		{"王楠的手机是多少", landline, "手机"},
		{"徐主任的手机是多少", mobileLine, ""},
		{"加个微信", mobileLine, "微信"},
		{"办公地址在哪", landline, "地址"},
		{"王楠电话多少", landline, ""},
	} {
		if got := testIndex.Unlisted(tc.q, tc.cs); got != tc.want {
			t.Errorf("Unlisted(%q): %q, want %q", tc.q, got, tc.want)
		}
	}
}
