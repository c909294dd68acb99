package index

import "testing"

// TestAboutShownMeasures: "these" measures just shown, asked whether they
// are still of use or when they end, are asked of as the guide itself is
// (AboutGuide: its date and where to ask now), not searched for a measure;
// a question about these measures' content is still searched.
func TestAboutShownMeasures(t *testing.T) {
	for q, want := range map[string]bool{
		"你说的这些都过期了吧 现在2026年了 还有用吗": true,
		"上面这些现在还管用吗":               true,
		"这些政策是2022年定的 今年还有效吗":      true, // a year dates them, names no measure
		"这些措施都是2022年的 现在还有用吗":      true,
		"这些措施什么时候截止":               true,
		"这些都能网上办吗":                 false,
		"这些措施里有减房租的吗":              false,
		// Stop 51: asked as a question of them, or said of them as 过期.
		"你列的这些是不是早就过期了": true,
		"以上这些都过期了吧":     true,
		"这些是否还有效":       true,
		"缓缴的期限过期了吗":     false, // a measure's own period
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if rd.AboutGuide != want {
			t.Errorf("%q: AboutGuide %v, want %v", q, rd.AboutGuide, want)
		}
	}
}
