package jieba

import (
	"reflect"
	"strconv"
	"testing"
)

// TestRecentResults: a text segmented again gets the result cppjieba
// gives it, whether remembered, evicted or changed by an earlier caller.
func TestRecentResults(t *testing.T) {
	s := openUser(t)
	const text = "餐饮企业房租减免怎么申请"
	tags, cut := s.tag(text), spansText(text, s.segment(text, true))
	first := s.Tag(text)
	if !reflect.DeepEqual(first, tags) || !reflect.DeepEqual(s.Cut(text), cut) {
		t.Fatalf("first Tag %v Cut %q, want %v %q", first, s.Cut(text), tags, cut)
	}
	first[0].Word, first[0].POS = "改", "x" // a caller's copy
	for i := 0; i < 3*recentTexts; i++ {
		if got := s.Tag(text); !reflect.DeepEqual(got, tags) {
			t.Fatalf("Tag after %d other texts: %v, want %v", i, got, tags)
		}
		if got := s.Cut(text); !reflect.DeepEqual(got, cut) {
			t.Fatalf("Cut after %d other texts: %q, want %q", i, got, cut)
		}
		other := "第" + strconv.Itoa(i) + "条社保缓缴"
		s.Tag(other)
		s.Cut(other)
	}
}

func spansText(text string, spans []span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, text[sp.start:sp.end])
	}
	return out
}

// TestRecentGenerations: the cache keeps the texts of the current and the
// previous generation, moves a text found in the previous one back, and
// forgets older ones and texts too long to be worth keeping.
func TestRecentGenerations(t *testing.T) {
	var r recent[int]
	for i := range recentTexts {
		r.put(strconv.Itoa(i), i)
	}
	r.put("new", -1) // "0".."127" become the previous generation
	if v, ok := r.get("5"); !ok || v != 5 {
		t.Errorf("previous generation: %d %v", v, ok)
	}
	for i := range recentTexts {
		r.put("x"+strconv.Itoa(i), i)
	}
	if _, ok := r.get("6"); ok {
		t.Error("a text two generations old is still remembered")
	}
	if v, ok := r.get("5"); !ok || v != 5 {
		t.Errorf("a text moved back when found is forgotten: %d %v", v, ok)
	}
	long := string(make([]byte, recentBytes+1))
	r.put(long, 1)
	if _, ok := r.get(long); ok {
		t.Error("a text longer than recentBytes is remembered")
	}
}
