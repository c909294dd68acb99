package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"policybot/index/clause"
	"policybot/index/pinyin"
)

// Reading a whole message as a person would: typos corrected first
// (index/pinyin, against the guide's and the lexicon's words), then the
// message cut into situation and asks (index/clause). Each ask is searched
// with its own words, the situation ranking along at a lower weight and
// never counting against it (see understand).

// MaxAnswered is how many asks of one message get an answer; the rest are
// named in Reading.Left so the reply can say what was not answered.
const MaxAnswered = 3

// maxSituationRunes bounds the situation searched along with each ask.
const maxSituationRunes = 240

// Fix is a typo correction made to a message: From as typed was read as To.
type Fix struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// prepare is Normalize without folding newlines and runs of spaces, which
// separate clauses: invalid UTF-8 dropped, other control characters made
// spaces, full-width forms folded (NFKC), cut to MaxMessageRunes.
func prepare(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = norm.NFKC.String(s)
	if utf8.RuneCountInString(s) > MaxMessageRunes {
		s = string([]rune(s)[:MaxMessageRunes])
	}
	return strings.TrimSpace(s)
}

// newCorrector builds the typo corrector over every word jieba finds in the
// guide (weighted by its count) and the lexicon's words; stop words are
// never corrected.
func (k *knowledge) newCorrector() (*pinyin.Corrector, error) {
	count := map[string]float64{}
	add := func(text string) {
		for _, w := range k.seg.Tag(text) {
			if hanWord(w.Word) {
				count[w.Word]++
			}
		}
	}
	g := k.guide
	add(g.Title)
	for _, s := range g.Sections {
		add(s.Title)
	}
	for _, s := range g.Subsections {
		add(s.Title)
	}
	for _, m := range g.Measures {
		add(m.Text)
		for _, d := range m.Details {
			add(d)
		}
		for _, t := range append([]string{m.Text}, m.Details...) {
			for _, w := range quotedTerms(t) {
				count[w]++
			}
		}
	}
	for name := range k.dir.byName {
		if hanWord(name) {
			count[name]++
		}
	}
	words := append([]string{}, k.lex.UserWords...)
	for _, s := range k.lex.Synonyms {
		words = append(words, s.From...)
		words = append(words, s.To...)
	}
	for _, w := range words {
		if hanWord(w) {
			count[w]++
		}
	}
	vocab := make([]pinyin.Word, 0, len(count))
	for w, n := range count {
		vocab = append(vocab, pinyin.Word{Text: w, Weight: n})
	}
	// Pinyin typed for a question may spell its question words too.
	var phrases []string
	for _, sec := range askingSections() {
		phrases = append(phrases, k.lex.Cues[sec]...)
	}
	// Words of topics no guide covers (失业金) are meant as written: a
	// verb before one (领失业金) is no typo of a guide word (返失业金).
	var known []string
	for _, t := range k.lex.OutOfScopeTopics {
		known = append(known, t...)
	}
	return pinyin.New(vocab, pinyin.WithFunctionWords(k.lex.Stopwords...), pinyin.WithPhrases(phrases...), pinyin.WithKnownWords(known...))
}

// quotedPattern finds a short term a guide puts in quotes (“大桃贷”,
// “免申即享”): a name owners type, which jieba may cut in two.
var quotedPattern = regexp.MustCompile(`[“"]([\p{Han}]{3,6})[”"]`)

// quotedTerms are the quoted terms of a guide's text, for the typo
// corrector: "大套贷" is then read as “大桃贷”.
func quotedTerms(text string) []string {
	var out []string
	for _, m := range quotedPattern.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// hanWord reports whether w is two or more Han characters and nothing else.
func hanWord(w string) bool { return isHan(w) && utf8.RuneCountInString(w) >= 2 }

// newSplitter is the clause reader with the lexicon's contact cues and a
// subject test that knows the guide's words (namesSubject).
func (k *knowledge) newSplitter() *clause.Reader {
	cs := append([]string{}, clause.DefaultContactCues...)
	for _, c := range k.cues.list(cueContact) {
		if utf8.RuneCountInString(c) >= 2 {
			cs = append(cs, c)
		}
	}
	ix := &Index{knowledge: k}
	return clause.NewReader(clause.WithContactCues(cs...), clause.WithSubject(ix.namesSubject))
}

// namesSubject reports whether an ask names what it is about: its words
// that some measure uses, besides question and aspect cues, weigh at least
// Tuning.SubjectWeight ("社保呢" does; "这部分钱政府能补吗", "能不能先欠着"
// do not, and take the statements before them as context, whose words no
// measure uses are neutral).
func (ix *Index) namesSubject(text string) bool {
	t := strings.ToLower(text)
	for _, sec := range []string{cueContact, cueList, cueDeadline} {
		t, _ = cutPhrases(t, ix.cues.list(sec))
	}
	return ix.ownWeight(ix.analyse(t, -1)) >= ix.tuning.SubjectWeight
}

// part is one ask of a message as the pipeline searches it.
type part struct {
	text      string // the ask as written
	context   string // the statements a subjectless ask needs ("能减吗")
	situation string // the message's other statements
	contact   bool   // the clause reader found a contact cue
	implied   bool   // the message asks nothing (clause.Ask.Implied)
}

// parts cuts a prepared message into its asks, in order, each with the
// statements it does not already hold as context. A message the reader
// finds no ask in is one ask. Asks beyond MaxAnswered are not searched:
// their texts are left, and unanswered counts them.
func (ix *Index) parts(text string) (ps []part, left []string, unanswered int) {
	msg := ix.splitter.Split(text)
	for i, a := range msg.Asks {
		if i >= MaxAnswered {
			left = append(left, Normalize(a.Text))
			continue
		}
		var sit []string
		n := 0
		for _, c := range msg.Situation {
			if slices.ContainsFunc(a.Context, func(x clause.Clause) bool { return x.Start == c.Start }) ||
				len(a.Context) == 0 && contextOfOther(msg.Asks, i, c) {
				continue
			}
			if n += utf8.RuneCountInString(c.Text); n > maxSituationRunes && len(sit) > 0 {
				break
			}
			sit = append(sit, c.Text)
		}
		var ctx []string
		for _, c := range a.Context {
			ctx = append(ctx, c.Text)
		}
		ps = append(ps, part{text: Normalize(a.Text), context: Normalize(strings.Join(ctx, "，")),
			situation: Normalize(strings.Join(sit, "，")), contact: a.Contact, implied: a.Implied})
	}
	if len(ps) == 0 {
		return []part{{text: Normalize(text)}}, nil, 0
	}
	return ps, left, len(left) + msg.More
}

// contextOfOther reports whether statement c is the context of an ask of
// msg other than asks[i]: the subject of that ask ("留抵税额，能退吗"), not
// the situation of an ask naming its own ("另外区里一个单位欠我们的货款，
// 什么时候能还"), which it would pull towards the other's answer.
func contextOfOther(asks []clause.Ask, i int, c clause.Clause) bool {
	for j, a := range asks {
		if j != i && slices.ContainsFunc(a.Context, func(x clause.Clause) bool { return x.Start == c.Start }) {
			return true
		}
	}
	return false
}

// firstPart is the first ask of a question read without its conversation
// or typo correction: how the example bank is run through the pipeline.
func (ix *Index) firstPart(text string) part {
	ps, _, _ := ix.parts(prepare(text))
	return ps[0]
}
