package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestPhoneDigits: a phone told by its first and/or last digits is the
// guide's one phone with exactly those digits; digits several phones
// share, or none has, name no one.
func TestPhoneDigits(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // the phone, "" for none
	}{
		{"有个号码6906开头、尾号6916的", "010-69066916"},
		{"尾号是6916的电话", "010-69066916"},
		{"6916结尾的号码", "010-69066916"},
		{"01069066开头的", "010-69066916"},
		{"6904开头的号码", ""},      // several of the guide's phones
		{"6906开头、尾号6917的", ""}, // no phone has both
		{"6916开头的", ""},        // its last digits, not its first
		{"尾号16的", ""},          // too few digits to name one
	} {
		cs := testIndex.dir.byPhoneDigits(c.text)
		got := ""
		if ps := seeds.Phones(cs); len(ps) == 1 {
			got = ps[0]
		} else if len(ps) > 1 {
			got = "several"
		}
		if got != c.want {
			t.Errorf("byPhoneDigits(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSoundsLike: a full name of three characters written with one
// character's homophone is that person; two characters changed, a name
// written right (namedContacts finds it) or a two-character name are not.
func TestSoundsLike(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"郝晓松", "郝小松"},
		{"郝小松", ""},
		{"好晓松", ""}, // two characters changed
		{"郝晓宋", ""},
	} {
		if got, _ := testIndex.dir.soundsLike(c.q, nil); got != c.want {
			t.Errorf("soundsLike(%q) = %q, want %q", c.q, got, c.want)
		}
	}
	if got, written := testIndex.dir.soundsLike("城指中心那个郝晓松电话", testIndex.wordBounds("城指中心那个郝晓松电话")); got != "郝小松" || written != "郝晓松" {
		t.Errorf("in a message: %q as %q, want 郝小松 as 郝晓松", got, written)
	}
}

// TestToldPerson: an ask for a phone answered with the person the message
// names before it or calls by surname — narrowed by the topic when
// several share the surname — and no one when nothing settles whom.
func TestToldPerson(t *testing.T) {
	for _, c := range []struct {
		q    string
		want string // a phone of the unit reply, "" for no unit reply
	}{
		{"城指中心那个郝晓松，派单的，电话是啥", "010-69045767"},
		{"城指中心那个郝小松，派单的，电话是啥", "010-69045767"},
		{"国企房租减免那边有个姓王的，叫王什么来着，电话多少？", "010-69043376"},
		{"税务那边姓王的电话多少", "010-89089055"},
		{"有个号码6906开头、尾号6916的，是谁的？哪个部门？", "010-69066916"},
		{"老王的电话多少", ""},             // two of the guide's people are 王
		{"有个姓王的，电话多少", ""},          // and nothing says which
		{"员工小于10人的企业有补贴吗，电话多少", ""}, // 小于 calls no 于
	} {
		r := must(testIndex.Search(c.q))
		got := ""
		if r.Kind == seeds.KindUnit && r.Unit != nil {
			got = "unit"
			if slices.Contains(r.Unit.Phones(), c.want) {
				got = c.want
			}
		}
		if got != c.want {
			t.Errorf("%s: %s %v (%q), want a unit reply with %q", c.q, r.Kind, r.Measures, got, c.want)
		}
	}
}

// TestFullNameWithNumber: a measure asked by its number with its person
// ("42条李斌的电话") stays the measure's reply, whose card shows the
// person's line; a full name wins over other words only without one.
func TestFullNameWithNumber(t *testing.T) {
	if r := must(testIndex.Search("42条李斌的电话是多少")); r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0].Number != 42 {
		t.Errorf("42条李斌的电话是多少: %s %v, want measure 42", r.Kind, r.Measures)
	}
}
