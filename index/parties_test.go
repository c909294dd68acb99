package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// judgeFresh reads question as a new message and judges its one ask
// against measure.
func judgeFresh(t *testing.T, question string, measure int) (*Ask, Judgment) {
	t.Helper()
	rd, err := testIndex.Read(question, Context{})
	if err != nil || len(rd.Asks) != 1 {
		t.Fatalf("read %q: %+v %v", question, rd, err)
	}
	a := &rd.Asks[0]
	return a, testIndex.Judge(testIndex.Guide().Measure(measure), a, nil, "")
}

// TestUncoveredParties: the other party or the plan of an owner's story
// that the measure found does not name is said, not passed over (trials
// 46 and 47). A debtor left out of the search (好多货车司机欠我修车钱) is
// kept for the judgment and named when the arrears measure does not
// name it; one it names (政府) is not. A damages claim against the asker
// (要我赔) is a debt in dispute, outside 无分歧欠款. A plan told before a
// benefit asked (想接入美团外卖…有没有数字化方面的补贴) is what the benefit
// is for: its words the measure never names are named; a plan whose
// words the measure holds (贷款, 大学生) is no hedge.
func TestUncoveredParties(t *testing.T) {
	for _, c := range []struct {
		q       string
		measure int
		party   string
		unnamed string // "" for none
		exclude string // the asked words of an exclusion, "" for none
	}{
		{"我们这做汽修的 好多货车司机欠我修车钱 货车司机有啥政策吗", 22, "货车司机", "", ""},
		{"政府欠我们工程款能要回来吗", 22, "", "", ""},
		{"前阵子给人修洗衣机 人家说修坏了要我赔 不给钱还要去消协投诉 我该咋办", 22, "", "", "要我赔"},
		{"便利店现在想接入美团外卖、做线上，有没有数字化方面的补贴", 42, "", "美团外卖", ""},
		{"打算开个网店 有没有补贴", 62, "", "网店", ""},
		{"我想贷点款扩大经营，有没有贴息", 9, "", "", ""},
		{"我们想招几个大学生，有补贴吗", 72, "", "", ""},
	} {
		_, j := judgeFresh(t, c.q, c.measure)
		if j.Party != c.party {
			t.Errorf("%q: party %q, want %q", c.q, j.Party, c.party)
		}
		if c.unnamed != "" && !slices.Contains(j.Unnamed, c.unnamed) || c.unnamed == "" && len(j.Unnamed) > 0 {
			t.Errorf("%q: unnamed %q, want %q", c.q, j.Unnamed, c.unnamed)
		}
		if got := ""; len(j.Excluded) > 0 {
			got = j.Excluded[0].Asked
			if got != c.exclude {
				t.Errorf("%q: excluded %q, want %q", c.q, got, c.exclude)
			}
		} else if c.exclude != "" {
			t.Errorf("%q: nothing excluded, want %q", c.q, c.exclude)
		}
		if j.Granted() && (c.party != "" || c.unnamed != "" || c.exclude != "") {
			t.Errorf("%q: granted %q despite the hedge", c.q, j.Verdict)
		}
	}
}

// TestDelayIsNoDebt: 拖 before an act withheld in its clause (一直拖着没给
// 减) is a delay, not money owed: a complaint about rent relief withheld
// no longer ranks the measure on arrears owed to small firms; 拖 of money
// (工程款一直拖着不给) still does.
func TestDelayIsNoDebt(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"物业说要等上面通知,一直拖着没给减,这种能找谁投诉", "物业说要等上面通知,一直没给减,这种能找谁投诉"},
		{"街道拖着不给办", "街道不给办"},
		{"工程款一直拖着不给怎么办", "工程款一直拖着不给怎么办"},
		{"拖欠的款没给办结算", "拖欠的款没给办结算"},
	} {
		if got := testIndex.withoutDelays(c.in); got != c.want {
			t.Errorf("withoutDelays(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	rd, err := testIndex.Read("当时我们找物业要减免，物业说要等上面通知，一直拖着没给减，这种能找谁投诉", Context{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rd.Asks {
		if a.Kind != seeds.KindNone && len(a.Measures) > 0 && a.Measures[0].Number == 22 {
			t.Errorf("rent relief withheld ranked the arrears measure first: %+v", a.Result.Measures)
		}
	}
	if _, got := answeredFirsts(t, "工程款一直拖着不给怎么办"); !slices.Equal(got, []int{22}) {
		t.Errorf("工程款一直拖着不给: %v, want [22]", got)
	}
}
