package dialog

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index"
	"policybot/index/jieba"
	"policybot/seeds"
)

// Reading a message against the topic. With a measure under discussion a
// message is either about an aspect of it (找谁, 能网上办吗, 价格有限制吗),
// a reference to an earlier topic (上一个), or a new question. A message
// whose own words (besides question and aspect cues) the current measure
// covers at least as well as any other measure stays on the topic; one
// with no words of its own never switches it.

// maxTopics is how many recent measures a chat remembers for "上一个".
const maxTopics = 5

// remember records measure n as the latest topic.
func (t *turn) remember(n int) {
	if n == 0 {
		return
	}
	ts := slices.DeleteFunc(slices.Clone(t.st.Topics), func(x int) bool { return x == n })
	ts = append(ts, n)
	if len(ts) > maxTopics {
		ts = ts[len(ts)-maxTopics:]
	}
	t.st.Topics = ts
}

// previousTopic is the most recent topic other than the current one, or 0.
func (t *turn) previousTopic() int {
	for i := len(t.st.Topics) - 1; i >= 0; i-- {
		if n := t.st.Topics[i]; n != t.st.Measure && t.g.Measure(n) != nil {
			return n
		}
	}
	return 0
}

// reading is what a message says besides its cues.
type reading struct {
	aspects []string // aspects asked about: contact, support, deadline, details, eligible, or an aspectNames entry
	terms   []string // the message's own topic words
	r       *index.Result
}

// aspectsOf finds the aspects a message asks about, longest cue first so
// "线上申请" is the online aspect and not also "申请".
func (t *turn) aspectsOf(text string) []string {
	s := squeeze(text)
	var out []string
	for _, c := range t.ph.cues {
		if strings.Contains(s, c.phrase) {
			s = strings.ReplaceAll(s, c.phrase, " ")
			if !slices.Contains(out, c.aspect) {
				out = append(out, c.aspect)
			}
		}
	}
	return out
}

// bare reports whether a message has nothing besides cues and filler: it
// carries no topic of its own and needs no search.
func (t *turn) bare(text string) bool {
	return t.ph.cutAsking(squeeze(text)) == ""
}

// topicTerms are the search's topic words that are not question or aspect
// cues: what the message is about.
func (t *turn) topicTerms(r *index.Result) []string {
	var out []string
	for _, w := range r.Terms {
		if utf8.RuneCountInString(w) < 2 || t.ph.isCue(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// read searches a message (unless it is bare) and finds its aspects and
// topic words.
func (t *turn) read(text string) reading {
	rd := reading{aspects: t.aspectsOf(text)}
	if t.bare(text) {
		return rd
	}
	r, err := t.ix.Search(text)
	if err != nil {
		t.failed = err
		return rd
	}
	rd.r = &r
	rd.terms = t.topicTerms(&r)
	return rd
}

// measureWords is the text a measure's coverage of a message is judged on:
// its own sentences, not its heading (the heading of 社保 also names 公积金).
func measureWords(m *seeds.Measure) string {
	return m.Text + strings.Join(m.Details, "")
}

// covers reports whether text mentions word, through a synonym, or (for
// a longer word) its first two characters (个体户 → 个体工商户, 连锁店 → 连锁).
func (t *turn) covers(text, word string) (full, part bool) {
	if strings.Contains(text, word) {
		return true, false
	}
	for _, e := range t.ix.Related([]string{word}) {
		if e != "" && strings.Contains(text, e) {
			return true, false
		}
	}
	if r := []rune(word); len(r) >= 3 && strings.Contains(text, string(r[:2])) {
		return false, true
	}
	return false, false
}

// wordWeight is how much a word says about a topic: everyday words
// (公司, 期间) little, by their general IDF, as the search weighs them.
func wordWeight(w string) float64 {
	g, ok := jieba.GeneralIDF(w)
	if !ok {
		return 1
	}
	return max(minWordWeight, min(1, (g-everydayIDF)/everydayIDFScale))
}

// Everyday words weigh from minWordWeight up to 1 as their general IDF
// rises from everydayIDF by everydayIDFScale (the search's scale).
const (
	minWordWeight    = 0.3
	everydayIDF      = 4.5
	everydayIDFScale = 3.0
	// minTopicCover is the share of a message's own words (by weight) the
	// current measure must mention for the message to stay on it.
	minTopicCover = 0.5
)

// cover is the share of words (by weight) a measure's sentences mention.
func (t *turn) cover(m *seeds.Measure, words []string) float64 {
	if m == nil || len(words) == 0 {
		return 0
	}
	text := measureWords(m)
	var total, got float64
	for _, w := range words {
		n := wordWeight(w)
		total += n
		switch full, part := t.covers(text, w); {
		case full:
			got += n
		case part:
			got += n / 2
		}
	}
	return got / total
}

// onTopic decides whether a read message is about measure m.
func (t *turn) onTopic(m *seeds.Measure, rd reading) bool {
	if rd.r == nil || len(rd.terms) == 0 {
		if rd.r != nil && rd.r.Asked != 0 {
			return rd.r.Asked == m.Number
		}
		if rd.r != nil && rd.r.Kind == seeds.KindUnit && rd.r.Unit != nil {
			// "人社局电话": about the unit, not the measure.
			return false
		}
		return true // nothing of its own: never switches the topic
	}
	if rd.r.Asked != 0 {
		return rd.r.Asked == m.Number
	}
	if declinedAspect(rd) {
		return true
	}
	cur := t.cover(m, rd.terms)
	if cur < minTopicCover {
		return false
	}
	for _, h := range rd.r.Measures {
		if h.Number != m.Number && t.cover(t.g.Measure(h.Number), rd.terms) > cur {
			return false
		}
	}
	return true
}

// declinedAspect reports whether a message asks an aspect ("要准备什么材料",
// "需要多久") in words the guide knows but that make no question of their
// own: the search declines it, and it names no other place and no word the
// guide never uses. Such a message is about the topic being discussed; a
// question the guide does not cover ("医保报销比例多少", "上海的房贷呢")
// keeps its own words and is declined as a new question.
func declinedAspect(rd reading) bool {
	r := rd.r
	if len(rd.aspects) == 0 || r.Kind != seeds.KindNone || r.OtherPlace || r.NotChinese || r.Human {
		return false
	}
	unknown, ok := r.Feature("unknown_weight")
	return ok && unknown == 0
}
