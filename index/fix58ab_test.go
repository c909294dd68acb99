package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestContactRequestCard: a message naming a unit, its section or a
// person and asking for their phone gets that unit's card with the phone,
// whatever the request's courtesy and extra words (请…完整写出来, 带区号,
// 我要存手机里), and "是手机还是座机" asks for the number, not about 手机.
func TestContactRequestCard(t *testing.T) {
	for _, c := range []struct{ q, unit, phone string }{
		{"请把区人保局所有的联系电话完整写出来，区号也带上，我一个个打", "区人保局", "010-69050322"},
		{"区科委工业科李杰的电话请完整写一下，带区号，我要存手机里", "区科委", "010-69059336"},
		{"区财政局预算科娄敏的号码发我一下，我存一下", "区财政局", "010-69080381"},
		{"区住建委房屋安全事务中心的徐士鹏，是手机还是座机？号码多少？", "区住建委", "13693508642"},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%s: %d asks, want 1", c.q, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		if a.Kind != seeds.KindUnit || a.Unit == nil || a.Unit.Name != c.unit || !a.Contact {
			t.Errorf("%s: %s %v contact %v, want the card of %s", c.q, a.Kind, a.Unit, a.Contact, c.unit)
			continue
		}
		if !slices.ContainsFunc(a.Unit.Contacts, func(ct seeds.Contact) bool { return slices.Contains(ct.Phones, c.phone) }) {
			t.Errorf("%s: %s's card lacks %s", c.q, c.unit, c.phone)
		}
	}
}

// TestOtherPlaceProgram: another place named as the owner of what is
// asked about (海淀区的消费券) is that place's programme, though the
// guide's place is named as where it would be used; named as whose the
// firm is, the guide's relief is still asked about.
func TestOtherPlaceProgram(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"海淀区的消费券在密云能用吗", true},
		{"朝阳的补贴在密云也能领吗", true},
		{"海淀的企业在密云能享受房租减免吗", false},
	} {
		if got := testIndex.AboutOtherPlace(c.q); got != c.want {
			t.Errorf("%s: AboutOtherPlace %v, want %v", c.q, got, c.want)
		}
	}
}

// TestNeverDeclineAndAnswer: a message whose matter the guide does not
// cover is declined whole: an ask after it of only what any measure gives
// (有哪些扶持措施) asks of that matter, and a farm insurance (农业保险) is
// not a firm's epidemic cover; the reply does not decline and answer.
func TestNeverDeclineAndAnswer(t *testing.T) {
	for _, q := range []string{
		"记者想了解一下区退役军人服务站今年帮扶了多少退役军人创业，有哪些扶持措施？",
		"俺家大棚被雪压塌了，有没有农业保险能赔？",
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range rd.Asks {
			if a.Kind != seeds.KindNone {
				t.Errorf("%s: ask %q %s, want every ask declined", q, a.Text, a.Kind)
			}
		}
	}
}
