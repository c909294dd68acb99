package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/seeds"
)

// A clause may name two subjects of one ask ("社保和公积金能缓交吗", "房租水电
// 都欠着"): when the guide answers each with a measure of its own that says
// it and not the other, the clause is two asks, read in order.

// coordinators join two nouns in one clause.
var coordinators = []string{"还有", "以及", "和", "跟", "及", "与", "、"}

// bothWords after two nouns side by side make them two things (房租水电都欠着).
var bothWords = []string{"都", "全", "全都", "也都"}

// coordinated is the two asks a clause with two coordinated subjects makes,
// each the clause with one subject, and the two subjects.
type coordinated struct {
	first, second string // the clause with only the first, only the second subject
	x, y          string // the subjects
}

// coordinations finds the coordinated noun pairs of text, as the clauses
// each would make, in order.
func (ix *Index) coordinations(text string) []coordinated {
	ts := ix.seg.Tag(text)
	var b strings.Builder
	offs := make([]int, len(ts)+1)
	for i, t := range ts {
		offs[i] = b.Len()
		b.WriteString(t.Word)
	}
	offs[len(ts)] = b.Len()
	if b.String() != text {
		return nil // offsets would be wrong
	}
	// isNoun[i] is 1 or 2 once noun(i) is known (false, true): each word
	// is weighed once, however many pairs it is tried in.
	isNoun := make([]uint8, len(ts))
	noun := func(i int) bool {
		if i < 0 || i >= len(ts) {
			return false
		}
		if isNoun[i] == 0 {
			// Kinds of askers (小微企业, 高校毕业生) are who asks, not what.
			w := ts[i].Word
			// A Latin abbreviation the lexicon reads as a guide concept
			// ("sb和gjj能一起缓吗") is a noun too, whatever jieba tags it.
			latin := len(w) >= 2 && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) || r >= utf8.RuneSelf })
			isNoun[i] = 1
			if (strings.HasPrefix(ts[i].POS, "n") && hanWord(w) || latin) && ix.namesSubject(w) && len(ix.notAsker([]string{w})) == 1 {
				isNoun[i] = 2
			}
		}
		return isNoun[i] == 2
	}
	var out []coordinated
	for i := range ts {
		x, y := -1, -1
		switch {
		case slices.Contains(coordinators, ts[i].Word) && noun(i-1) && noun(i+1):
			x, y = i-1, i+1
		case noun(i) && noun(i+1) && i+2 < len(ts) && slices.Contains(bothWords, ts[i+2].Word) && !noun(i-1) && !ix.guideSays(ts[i].Word+ts[i+1].Word):
			// Nouns side by side are mostly one modifying the other
			// (高校毕业生社会保险补贴); only 都 after them counts two
			// things ("房租水电都欠着"), and not a compound the guide
			// names.
			x, y = i, i+1
		default:
			continue
		}
		out = append(out, coordinated{
			first:  text[:offs[x+1]] + text[offs[y+1]:],
			second: text[:offs[x]] + text[offs[y]:],
			x:      ts[x].Word,
			y:      ts[y].Word,
		})
	}
	return out
}

// splitCoordinated reads p's clause as two asks when it names two
// coordinated subjects that two different measures answer, each saying its
// own subject (a suggestion, outright): "社保和公积金能缓交吗" is 社保缓缴 and then
// 公积金缓缴. Subjects one measure answers ("社会团体和基金会") stay one ask.
// Beside each part it returns the part's reading (readAsk with c, not from
// an ask) when it took one to decide, else nil: readParts need not read
// the part again (a third of a coordinated question's time).
func (ix *Index) splitCoordinated(p part, c Context) ([]part, []*Ask, error) {
	cs := ix.coordinations(p.text)
	together, inContext := false, false
	if ix.cues.has(p.text, cueTogether) {
		// "可否同时享受房租减免和担保降费": the two things asked to be had
		// together are phrases, each naming a measure, not two nouns;
		// they may be in the statements a subjectless ask takes as its
		// context ("首贷贴息和担保费那个，能一起享受吗").
		if h, ok := ix.togetherHalves(p.text); ok {
			cs, together = []coordinated{h}, true
		} else if h, ok := ix.togetherHalves(p.context); ok && p.context != "" {
			cs, together, inContext = []coordinated{h}, true, true
		}
	}
	if !together && (ix.weighs(p.text) || ix.eitherOr(p.text)) {
		// "A和B哪个划算", "是A好还是B好": the two things weighed are
		// each answered on its own, as two things asked to be had
		// together are.
		if h, ok := ix.compareHalves(p.text); ok {
			cs, together = []coordinated{h}, true
		} else if h, ok := ix.togetherHalves(p.context); ok && p.context != "" {
			// "A跟B，哪个划算": the two are in the statement the
			// subjectless ask takes as its context.
			cs, together, inContext = []coordinated{h}, true, true
		} else if h, ok := ix.orHalves(p.context); ok && p.context != "" && ix.eitherOr(p.context) {
			// "是A好还是B好，想看看哪边支持多"; a 还是 of "still" in
			// the story ("国内还是头一台") weighs nothing.
			cs, together, inContext = []coordinated{h}, true, true
		}
	}
	if len(cs) == 0 && p.context != "" && !together {
		// "房租和社保都交不上了，有啥政策": the subjects are in the
		// statements the subjectless ask takes as its context.
		cs, inContext = ix.coordinations(p.context), true
	}
	if len(cs) != 1 {
		return []part{p}, nil, nil
	}
	co := cs[0]
	whole, err := ix.readAsk(p, c, false)
	if err != nil {
		return nil, nil, err
	}
	one := []*Ask{&whole}
	if whole.OnTopic || whole.About != 0 || whole.Pick != 0 {
		return []part{p}, one, nil
	}
	p1, p2 := p, p
	if inContext {
		p1.context, p2.context = co.first, co.second
		// Each shown as the statement with its own subject and the ask
		// ("水电都欠着，有啥办法"), not the bare ask twice.
		p1.shown = joinClauses(lastClause(co.first), p.text)
		p2.shown = joinClauses(lastClause(co.second), p.text)
	} else {
		p1.text, p2.text = co.first, co.second
	}
	p1.coordinated, p2.coordinated = true, true
	var ns [2]int
	var read [2]*Ask
	for i, q := range []struct {
		p   part
		own string
	}{{p1, co.x}, {p2, co.y}} {
		a, err := ix.readAsk(q.p, c, false)
		if err != nil {
			return nil, nil, err
		}
		read[i] = &a
		known := a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice || a.Kind == seeds.KindSuggest
		if !known || len(a.Measures) == 0 || a.OnTopic || a.About != 0 {
			return []part{p}, one, nil
		}
		// A suggestion counts only when its measure says the subject
		// outright; one both subjects land on is one ask.
		m := ix.guide.Measure(a.Measures[0].Number)
		if a.Kind == seeds.KindSuggest && !together && !ix.Says(m, []string{q.own}) {
			return []part{p}, one, nil
		}
		ns[i] = m.Number
	}
	if ns[0] == ns[1] {
		return []part{p}, one, nil
	}
	return []part{p1, p2}, read[:], nil
}

// togetherHalves cuts the text of an ask whether two reliefs can be had
// together (cueTogether: "可否同时享受X和Y", "X跟Y能一起申请吗"), or of the
// statements before it, at its one coordinator
// into the text before it and the text after it, each naming one of the
// two: the ask is about both, each answered on its own.
func (ix *Index) togetherHalves(text string) (coordinated, bool) {
	var at, n int
	found := 0
	for _, t := range ix.seg.Tag(text) {
		if slices.Contains(coordinators, t.Word) && t.Word != "还有" {
			found++
			at = n
		}
		n += len(t.Word)
	}
	if found != 1 || n != len(text) {
		return coordinated{}, false
	}
	rest := text[at:]
	for _, co := range coordinators {
		if strings.HasPrefix(rest, co) {
			rest = rest[len(co):]
			break
		}
	}
	first, second := text[:at], rest
	if !hasHan(first) || !hasHan(second) {
		return coordinated{}, false
	}
	return coordinated{first: first, second: second, x: first, y: second}, true
}

// lastClause is the last clause of text, after its last comma or stop.
func lastClause(text string) string {
	i := strings.LastIndexAny(text, ",，。;；!！?？")
	if i < 0 {
		return text
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	return text[i+n:]
}

// guideSays reports whether some measure's sentences contain w as written.
func (ix *Index) guideSays(w string) bool {
	for i := range ix.guide.Measures {
		if strings.Contains(measureWords(&ix.guide.Measures[i]), w) {
			return true
		}
	}
	return false
}

// weighs reports whether text holds a [compare] cue outside its contact
// cues: 哪个 of "找哪个部门" weighs nothing.
func (ix *Index) weighs(text string) bool {
	t, _ := cutPhrases(strings.ToLower(text), ix.cues.list(cueContact))
	return ix.cues.has(t, cueCompare)
}

// eitherOr reports whether text asks "是A还是B" (or "A好还是B好") with a
// thing on either side of its one 还是: 还是 also means "still" ("房租还是
// 减不了"), which weighs nothing.
func (ix *Index) eitherOr(text string) bool {
	h, ok := ix.orHalves(text)
	if !ok {
		return false
	}
	return weighed.MatchString(lastClause(h.first))
}

// weighed matches the first of two things weighed: opened by 是 (到底是),
// or closed by a word that weighs it (好, 划算).
var weighed = regexp.MustCompile(`^(?:我们|咱们|我|咱)?(?:到底|究竟)?是[^是]|(?:好|划算|合适|合算|省事|方便)$`)

// orHalves cuts text at its one 还是 into the two things it weighs.
func (ix *Index) orHalves(text string) (coordinated, bool) {
	var at, n int
	found := 0
	for _, t := range ix.seg.Tag(text) {
		if t.Word == "还是" {
			found++
			at = n
		}
		n += len(t.Word)
	}
	if found != 1 || n != len(text) || at == 0 {
		return coordinated{}, false
	}
	edge := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }
	first, second := strings.TrimRightFunc(text[:at], edge), strings.TrimLeftFunc(text[at+len("还是"):], edge)
	if !ix.namesSubject(first) || !ix.namesSubject(second) {
		return coordinated{}, false
	}
	return coordinated{first: first, second: second, x: first, y: second}, true
}

// options returns the things text's alternative questions weigh, and text
// without them: in a clause "…是X还是Y" (这种情况是走国企房租减免还是有别
// 的补贴), X after the copula and Y up to the clause's end, each naming
// something. X and Y are asked about: neither tells the asker's case. A
// clause without the copula before its 还是 weighs nothing ("房租还是减不
// 了": still).
func (ix *Index) options(text string) ([]string, string) {
	var out []string
	told := text
	for _, c := range clausesOf(text) {
		h, ok := ix.orHalves(c)
		if !ok {
			continue
		}
		i := strings.LastIndex(h.first, "是")
		if i < 0 {
			continue
		}
		x := h.first[i+len("是"):]
		if !hasHan(x) {
			continue
		}
		out = append(out, x, h.second)
		told = strings.Replace(told, c, " ", 1)
	}
	return out, told
}

// compareHalves cuts an ask weighing two things at its 还是, else at its
// one coordinator ("A和B哪个划算").
func (ix *Index) compareHalves(text string) (coordinated, bool) {
	if h, ok := ix.orHalves(text); ok {
		return h, true
	}
	return ix.togetherHalves(text)
}
