package clause

import "testing"

// TestLeadInAfterOpenStory: a lead-in opening a sentence of its own after
// statements a connective opened puts the question; the statements are
// the story, no part of the ask. A lead-in in the same sentence as the
// statements (no full stop between) still closes the one ask they open.
func TestLeadInAfterOpenStory(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"还有，上个月没来得及交电费，供电那边催着要停电。我就问问，宽带专线降费有规定吗？",
			"S:上个月没来得及交电费 | S:供电那边催着要停电 | A:我就问问，宽带专线降费有规定吗"},
		{"另外，店里两个月没开门。想问一下房租能减吗",
			"S:店里两个月没开门 | A:想问一下房租能减吗"},
		{"还有，我新招了两个小伙子，签了两年合同，有补贴吗",
			"A:我新招了两个小伙子，签了两年合同，有补贴吗"},
	} {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestFewWithout: a clause opening on a count that lacks or does not do
// something tells a hardship ("几个服务员没活干"), no ask; asking how many
// with a verb first still asks.
func TestFewWithout(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"火锅店停了一个多月，几个服务员没活干，社区招人的活能去吗？",
			"S:火锅店停了一个多月 | S:几个服务员没活干 | A:社区招人的活能去吗"},
		{"几台货车都不能跑，贷款能延期吗", "S:几台货车都不能跑 | A:贷款能延期吗"},
		{"有几个员工没交社保", "A:有几个员工没交社保"},
		{"能减几个月", "A:能减几个月"},
	} {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestLeadInAnnouncesLater: a lead-in naming nothing whose statements no
// question closed announces the question asked later (spoken, spaces for
// commas); the statements are its story, no ask of their own. With no
// later question the opened statements stay the ask.
func TestLeadInAnnouncesLater(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"嗯那个我想问一下啊 就是说我开了个小面馆 租的是国有的房子 然后房租能减几个月啊",
			"S:嗯那个我想问一下啊 | S:就是说我开了个小面馆 | S:租的是国有的房子 | A:然后房租能减几个月啊"},
		{"我想问一下 我开了个小面馆 租的是国有的房子",
			"A:我开了个小面馆 租的是国有的房子"},
	} {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}
