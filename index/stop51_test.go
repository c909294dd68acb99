package index

import "testing"

// TestStop51Reading: trials 38 and 39's follow-ups, in phrasings of our
// own. A guess between two offices asks whom to call about the topic; a
// candidate that only negates a word (非国有房屋) is not picked by it; an
// amount quoted word for word from another measure (0.5%) leaves the
// topic; a kind of asker the topic names (个人) keeps a credit question
// with it; a fine told before "这个会影响…" is what the ask is about.
func TestStop51Reading(t *testing.T) {
	cases := []struct {
		q       string
		c       Context
		onTopic bool // the (first) ask stays on c.Topic
		first   int  // else: the measure it is answered or picked with (0: any)
		notPick int  // a candidate it must not pick
	}{
		{q: "这事是人保局管还是税务局管", c: Context{Topic: 2}, onTopic: true},
		{q: "国有的房子也给减吗", c: Context{Choices: []int{5, 62}}, notPick: 5},
		{q: "担保费按0.5%收的是哪一条", c: Context{Topic: 9}, first: 11},
		{q: "个人的房贷延期了会不会影响征信", c: Context{Topic: 10}, onTopic: true},
		{q: "之前被罚过款，这个影响贷款吗", first: 17},
	}
	for _, tc := range cases {
		rd, err := testIndex.Read(tc.q, tc.c)
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%q: no ask", tc.q)
			continue
		}
		a := rd.Asks[0]
		switch {
		case tc.onTopic:
			if !a.OnTopic || a.About != 0 {
				t.Errorf("%q after %d: on topic %v (about %d), want on topic", tc.q, tc.c.Topic, a.OnTopic, a.About)
			}
		case tc.notPick != 0:
			if a.Pick == tc.notPick {
				t.Errorf("%q among %v: picked %d", tc.q, tc.c.Choices, a.Pick)
			}
		case tc.first != 0:
			if a.OnTopic || len(a.Measures) == 0 || a.Measures[0].Number != tc.first {
				var got []int
				for _, h := range a.Measures {
					got = append(got, h.Number)
				}
				t.Errorf("%q: on topic %v, measures %v, want first %d", tc.q, a.OnTopic, got, tc.first)
			}
		}
	}
}
