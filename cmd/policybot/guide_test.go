package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestGuideJSONFollowUps: the three follow-ups whose only positional
// evidence is the contact block after them sit on their measures, and 第52条,
// whose text is lost, keeps its one sentence, labelled.
func TestGuideJSONFollowUps(t *testing.T) {
	code, out, stderr := runCmd(t, "", "guide", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var g struct {
		Measures []struct {
			Number   int      `json:"number"`
			Text     string   `json:"text"`
			TextLost bool     `json:"text_lost"`
			Details  []string `json:"details"`
			Evidence []string `json:"details_evidence"`
		} `json:"measures"`
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	owner := map[string]int{}
	evidence := map[string]string{}
	for _, m := range g.Measures {
		for i, d := range m.Details {
			owner[d] = m.Number
			evidence[d] = m.Evidence[i]
		}
		if m.Number == 52 && (m.Text != "" || !m.TextLost) {
			t.Errorf("52: text %q, text_lost %v", m.Text, m.TextLost)
		}
	}
	for _, tt := range []struct {
		prefix  string
		measure int
	}{
		{"符合条件的连锁超市、便利店、餐饮企业以门店为单位执行", 4},
		{"工会经费等其他公共性经费参照执行", 25},
		{"支持国有资本运营平台合理扩大融资规模", 52},
	} {
		found := false
		for d, n := range owner {
			if strings.HasPrefix(d, tt.prefix) {
				found = true
				want := "before 第" + strconv.Itoa(tt.measure) + "条's contact block"
				if n != tt.measure || evidence[d] != want {
					t.Errorf("%s… on %d (%s), want %d (%s)", tt.prefix, n, evidence[d], tt.measure, want)
				}
			}
		}
		if !found {
			t.Errorf("%s… on no measure", tt.prefix)
		}
	}
}

// TestGuideOutlineRetained: the text outline shows what the guide retains
// for a measure whose text is lost.
func TestGuideOutlineRetained(t *testing.T) {
	code, out, _ := runCmd(t, "", "guide")
	if code != 0 {
		t.Fatal(code)
	}
	if !strings.Contains(out, "52. (text missing from the seed; the guide retains only the follow-up(s) below)\n       retained: 支持国有资本运营平台") {
		t.Error("outline does not show 第52条's retained sentence")
	}
	if !strings.Contains(out, "of which the guide retains only follow-up sentences (1): 52") {
		t.Error("report does not list 52 as retaining only follow-ups")
	}
}
