package index

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestResumingIsReopening: resuming classes or trade after a closure (复课,
// 复业, 复市) is the reopening the guide calls 复工复产.
func TestResumingIsReopening(t *testing.T) {
	for _, q := range []string{"培训学校复课之前要去哪个部门报备", "店铺复业要找谁备案"} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 || len(rd.Asks[0].Measures) == 0 || rd.Asks[0].Kind == seeds.KindNone ||
			!strings.Contains(testIndex.guide.Measure(rd.Asks[0].Measures[0].Number).Text, "复工复产") {
			t.Errorf("%q: not answered with a measure on 复工复产: %+v", q, rd.Asks)
		}
	}
}
