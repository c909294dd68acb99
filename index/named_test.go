package index

import "testing"

// TestUnnamedPolicies: a named national policy is out of scope only for a
// guide that names none of its words. The embedded guide has no 稳岗返还
// and no 六税两费; huairou-2022 names 稳岗返还, so there it is a topic.
func TestUnnamedPolicies(t *testing.T) {
	if !testIndex.oosWords["稳岗返还"] || !testIndex.oosWords["六税两费"] {
		t.Error("embedded guide: 稳岗返还 and 六税两费 should be out-of-scope words")
	}
	if testIndex.oosWords["缓缴"] {
		t.Error("embedded guide: 缓缴 is no named policy")
	}
	ix := openGuideFile(t, "huairou-2022", "guide.txt")
	if ix.oosWords["稳岗返还"] {
		t.Error("huairou-2022 names 稳岗返还: it is no out-of-scope word there")
	}
}
