package index

import (
	"testing"

	"policybot/seeds"
)

// TestOthersAfterAnswerInMessage: an ask of one message for other relief
// (还能享受什么别的扶持) after an answered ask and a statement told since
// (what else the asker is) is searched without the first answer, which it
// sets aside; without such a statement ("社保能缓交吗？还有别的政策吗") it
// stays one answer, as before.
func TestOthersAfterAnswerInMessage(t *testing.T) {
	for _, c := range []struct {
		q     string
		asks  int
		first int // the first measure of the last ask
	}{
		{"我们厂上了一条自动化生产线，新智造项目的支持比例是多少？我们去年评上了专精特新，还能享受什么别的扶持？", 2, 21},
		{"社保能缓交吗？还有别的政策吗", 1, 2},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != c.asks {
			t.Errorf("%s: %d asks, want %d", c.q, len(rd.Asks), c.asks)
			continue
		}
		a := rd.Asks[len(rd.Asks)-1]
		if a.Kind == seeds.KindNone || len(a.Measures) == 0 || a.Measures[0].Number != c.first {
			t.Errorf("%s: last ask %s %v, want %d first", c.q, a.Kind, a.Measures, c.first)
		}
	}
}
