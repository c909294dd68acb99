package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/jieba"
	"policybot/seeds"
)

// Measures that treat kinds of askers in sentences of their own: social
// insurance deferral for 17 industries' 大型企业 in one sentence and for
// all 中小微企业 and 个体工商户 in the next. A conditions answer quotes the
// sentence of the asker's kind; when the kind is not known, each kind's
// sentence briefly, never one of them as if it were the rule. The kinds
// are data: the kind section of cues.txt.

// maxKinds is how many kinds' sentences an answer for an unknown kind
// quotes at most.
const maxKinds = 4

// kindClip is the length each kind's sentence is cut to when all are quoted.
const kindClip = 48

// kind is one line of the kind section: how the guide writes the kind and
// how an owner says it.
type kind struct {
	guide, asker []string
}

// staffKinds are the kind.staff section's lines: the people an employer
// employs, named by the guide's class word (职工) or the asker's (司机).
// They are no kind a measure sets apart clause by clause, so they stay out
// of kinds(); kindWord alone reads them.
func (ix *Index) staffKinds() []kind { return ix.kindLines(cueKindStaff) }

// kinds are the kind section's lines.
func (ix *Index) kinds() []kind { return ix.kindLines(cueKind) }

// kindLines are a section's "guide words | asker words" lines, split once
// when the cues are built (splitKinds) rather than for every message: the
// kind sections are read many times per message. Callers only read them.
func (ix *Index) kindLines(section string) []kind { return ix.cues.kinds[section] }

// kindSections are the sections of "guide words | asker words" lines.
var kindSections = []string{cueKind, cueKindStaff, cueKindPerson, cuePayee}

// splitKinds splits the lines of a kind section. The word lists are
// clipped, so that an append by a reader copies rather than writing into
// the shared lines.
func splitKinds(lines []string) []kind {
	var out []kind
	for _, line := range lines {
		left, right, ok := strings.Cut(line, "|")
		if ok {
			out = append(out, kind{slices.Clip(seeds.SplitWords(left)), slices.Clip(seeds.SplitWords(right))})
		}
	}
	return slices.Clip(out)
}

// names reports whether text names the kind: one of its guide words
// written other than after 非 (国有 in 承租国有房屋, not in 非国有房屋).
func (k kind) names(text string) bool {
	return firstAffirmed(text, k.guide) != ""
}

// said reports whether q says the asker is of the kind.
func (k kind) said(q string) bool {
	return slices.ContainsFunc(k.asker, func(w string) bool { return strings.Contains(q, w) })
}

// askerKinds are the kinds the texts say the asker is, from the first
// text that says any (the question, then what the conversation said).
func (ix *Index) askerKinds(texts ...string) []kind {
	for _, t := range texts {
		var out []kind
		for _, k := range ix.kinds() {
			if t != "" && k.said(squeeze(t)) {
				out = append(out, k)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// KindQuote is the answer of a measure that treats kinds of askers in
// sentences of their own to a question of its conditions: the sentences
// naming the asker's kind (from q, else from the conversation's context),
// or, when the asker's kind is not known or not among them, each kind's
// sentence cut short. Nil when m does not set kinds apart: no two of its
// certain sentences name kinds that do not overlap.
func (ix *Index) KindQuote(m *seeds.Measure, q, context string) []Quoted {
	qs, _ := ix.kindQuote(m, q, context)
	return qs
}

// kindQuote is KindQuote, and whether the sentences are the asker's
// kind's (not each kind's).
func (ix *Index) kindQuote(m *seeds.Measure, q, context string) ([]Quoted, bool) {
	type named struct {
		s     sentence
		kinds []int
	}
	ks := ix.kinds()
	var per []named
	apart := false // two sentences name kinds that do not overlap
	for _, s := range sentences(m) {
		var n []int
		for i, k := range ks {
			if k.names(s.text) {
				n = append(n, i)
			}
		}
		if len(n) == 0 || s.doubtful {
			continue
		}
		for _, p := range per {
			apart = apart || !slices.ContainsFunc(p.kinds, func(i int) bool { return slices.Contains(n, i) })
		}
		per = append(per, named{s, n})
	}
	if !apart {
		// "区属国有企业拖欠中小企业…": kinds in one story, not set apart.
		return nil, false
	}
	var mine []Quoted
	for _, k := range ix.askerKinds(q, context) {
		i := slices.IndexFunc(ks, func(x kind) bool { return slices.Equal(x.guide, k.guide) })
		for _, p := range per {
			if slices.Contains(p.kinds, i) && len(mine) < maxQuoted && !slices.ContainsFunc(mine, func(x Quoted) bool { return x.Text == p.s.text }) {
				mine = append(mine, Quoted{Text: ix.narrow(p.s.text, nil, k.guide)})
			}
		}
	}
	if len(mine) > 0 {
		return mine, true
	}
	var all []Quoted
	for _, p := range per {
		if len(all) < maxKinds {
			all = append(all, Quoted{Text: ix.kindClause(p.s.text, ks, p.kinds)})
		}
	}
	return all, false
}

// kindClause is the part of sentence naming its kinds, at most kindClip
// characters: the clauses that name them, "……" for the rest.
func (ix *Index) kindClause(sentence string, ks []kind, kinds []int) string {
	var words []string
	for _, i := range kinds {
		words = append(words, ks[i].guide...)
	}
	var keep []string
	for _, c := range strings.Split(sentence, "，") {
		if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(c, w) }) {
			keep = append(keep, c)
		}
	}
	text := strings.Join(keep, "……")
	if text == "" {
		text = sentence
	}
	if text != sentence && !strings.HasPrefix(sentence, keep[0]) {
		text = "……" + text
	}
	return seeds.Clip(text, kindClip)
}

// kindWord reports whether w is how an owner says the kind of a measure's
// text names ("农家乐" to a measure for 中小微企业和个体工商户): not a
// thing the measure leaves unnamed.
func (ix *Index) kindWord(text, w string) bool {
	for _, k := range slices.Concat(ix.kinds(), ix.staffKinds()) {
		if k.said(w) && k.names(text) {
			return true
		}
	}
	return false
}

// maxNamedRunes is the longest modifier read before a thing a measure names
// ("工业产品生产" before 许可证).
const maxNamedRunes = 8

// otherKindOf finds a thing of q the measure names only in other kinds:
// "卫生许可证" where text names 许可证 only as 工业产品生产许可证 and
// 食品经营许可证. It returns the thing as asked and the kinds text names
// (each once, in text order); "" when q asks no such thing. Kinds of
// askers (企业 of 大型企业) are weighed elsewhere (the kind and contrast
// sections), not here.
func (ix *Index) otherKindOf(q, text string) (string, []string) {
	tagged := ix.seg.Tag(q)
	for i := 0; i+1 < len(tagged); i++ {
		x, h := tagged[i].Word, tagged[i+1].Word
		for k := i + 2; k < len(tagged) && isHan(tagged[k].Word) && strings.Contains(text, h+tagged[k].Word); k++ {
			h += tagged[k].Word // "经营" → "经营许可证"
		}
		if len([]rune(x)) < 2 || len([]rune(h)) < 2 || !strings.HasPrefix(tagged[i].POS, "n") && tagged[i].POS != "an" && tagged[i].POS != "vn" ||
			// "乡镇的，": a particle or a mark is no head of a kind; the
			// verdict would quote a fragment ("没有提到“乡镇的，”").
			!isHan(x) || !isHan(h) || strings.HasPrefix(tagged[i+1].POS, "u") ||
			// "停业期间" of a measure's 缓缴期间: a head of time or place
			// says when or where, not a kind of the thing asked.
			tagged[i+1].POS == "f" || tagged[i+1].POS == "t" {
			continue
		}
		// A stop word before the head ("想问问贷款担保费") is how the asker
		// asks, not a kind of the thing: no other kind.
		if !strings.Contains(text, h) || strings.Contains(text, x) || strings.Contains(text, x+h) || ix.cues.isCue(x) || ix.stopword[x] || ix.personWord(h) || ix.personWord(x) ||
			slices.Contains(ix.cues.list(cueNegation), x) { // "不是生产许可证" names no kind

			continue
		}
		if full, _ := ix.mentions(text, x); full {
			continue // "员工公积金" where the text writes 缴存职工: its own word
		}
		if ix.modifierWritten(tagged[:i], text) {
			// "智能化设备改造" where the text writes 智能化绿色化数字化技术
			// 改造: the asker's compound opens with the text's own
			// modifier, so it is a kind the text may well cover, not one
			// it leaves out.
			continue
		}
		if named := ix.namedKinds(text, h); len(named) > 0 {
			return x + h, named
		}
	}
	return "", nil
}

// modifierWritten reports whether the nouns right before a compound of q
// (before, the tagged words up to its modifier) include a word of two
// characters or more that text writes: the asker's "智能化" of 智能化设备改造
// where the text lists 智能化绿色化数字化. Only the run of nouns touching
// the compound counts; a verb or particle ends it.
func (ix *Index) modifierWritten(before []jieba.Tagged, text string) bool {
	for k := len(before) - 1; k >= 0; k-- {
		w, pos := before[k].Word, before[k].POS
		if !strings.HasPrefix(pos, "n") && pos != "an" && pos != "vn" || ix.cues.isCue(w) || ix.stopword[w] || ix.personWord(w) {
			return false
		}
		if utf8.RuneCountInString(w) >= 2 && strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// otherDocumentOf is the first of kinds (things of the asker's case the
// measure does not name) that ends in a head of the kind.document section
// text does not write, with the kinds of another head that text names
// ("营业执照" to a measure for 食品生产许可证 and 食品经营许可证); "" when
// none is.
func (ix *Index) otherDocumentOf(kinds []string, text string) (string, []string) {
	heads := ix.cues.list(cueKindDocument)
	for _, k := range kinds {
		if !slices.ContainsFunc(heads, func(h string) bool { return strings.HasSuffix(k, h) && !strings.Contains(text, h) }) {
			continue
		}
		for _, h := range heads {
			if !strings.Contains(text, h) {
				continue
			}
			if named := ix.namedKinds(text, h); len(named) > 0 {
				return k, named
			}
		}
	}
	return "", nil
}

// personWord reports whether w is, or is part of, a word for a kind of
// asker (the subject, contrast and kind sections): 企业, 个人, 私人.
func (ix *Index) personWord(w string) bool {
	for _, sec := range []string{cueSubject, cueContrast, cueKind} {
		if slices.ContainsFunc(ix.cues.list(sec), func(p string) bool { return strings.Contains(p, w) }) {
			return true
		}
	}
	return false
}

// namedKinds are the compounds text writes ending in h ("食品经营许可证"),
// each once in text order; nil when h stands anywhere without a noun
// before it: then text names h itself, not only some kinds of it.
func (ix *Index) namedKinds(text, h string) []string {
	var out []string
	for rest, at := text, 0; ; {
		i := strings.Index(rest, h)
		if i < 0 {
			break
		}
		mod := ix.modifier(text[:at+i])
		if mod == "" {
			return nil
		}
		out = seeds.AppendNew(out, mod+h)
		at += i + len(h)
		rest = text[at:]
	}
	return out
}

// modifier is the run of nouns that ends before (within its clause, at
// most maxNamedRunes characters): "工业产品生产" of "疫情期间工业产品生产". A
// word of reach (全市, the kind.reach section) ends it: "全市研学" is 研学
// wherever done in the city, no kind of 研学.
func (ix *Index) modifier(before string) string {
	if i := strings.LastIndexAny(before, "，。；、（）：“”,;()"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	tagged := ix.seg.Tag(before)
	mod := ""
	var words []string // mod's words, first first
	for k := len(tagged) - 1; k >= 0; k-- {
		w, pos := tagged[k].Word, tagged[k].POS
		noun := pos == "n" || pos == "vn" || pos == "an" || pos == "ng"
		if slices.Contains(ix.cues.list(cueKindReach), w) {
			// "全市研学": where the thing is done, no kind of it.
			break
		}
		if (!noun || utf8.RuneCountInString(w+mod) > maxNamedRunes) && !sharedSuffix(w, words) {
			break
		}
		mod, words = w+mod, append([]string{w}, words...)
	}
	return mod
}

// sharedSuffix reports whether w opens a list with the words after it
// whose items share their last character (智能化 before 绿色化数字化…): the
// next item, one word or two the tagger cut (绿色|化), of two to four
// characters, ends in w's last character. Such a list is one modifier
// however long, whatever the tagger takes its items for (智能化 is a name
// to it), and cutting it would drop a kind the text names.
func sharedSuffix(w string, next []string) bool {
	a := []rune(w)
	if len(a) < 2 || len(a) > 4 || len(next) == 0 || !unicode.Is(unicode.Han, a[len(a)-1]) {
		return false
	}
	last := string(a[len(a)-1])
	item := next[0]
	for i := 1; ; i++ {
		if n := utf8.RuneCountInString(item); n >= 2 && n <= 4 && strings.HasSuffix(item, last) {
			return true
		}
		if i >= min(len(next), 2) {
			return false
		}
		item += next[i]
	}
}

// kindsApart finds a thing q names bare ("许可证") that m's certain
// sentences name only as kinds of it, in sentences of their own
// (工业产品生产许可证 in one, 食品经营许可证 in another): the kinds, each
// once; nil when q names a kind itself or m names none apart.
func (ix *Index) kindsApart(q string, m *seeds.Measure) []string {
	var certain []string
	for _, s := range sentences(m) {
		if !s.doubtful {
			certain = append(certain, s.text)
		}
	}
	text := strings.Join(certain, "。")
	tagged := ix.seg.Tag(q)
	for i, w := range tagged {
		h := w.Word
		if utf8.RuneCountInString(h) < 2 || !strings.HasPrefix(w.POS, "n") || ix.personWord(h) || !strings.Contains(text, h) {
			continue
		}
		if i > 0 && strings.ContainsAny(tagged[i-1].Word, "能会可要") {
			continue // "能顺延吗": what is asked for, not a thing
		}
		named := ix.namedKinds(text, h)
		if len(named) < 2 || !ix.nounIn(text, h) || slices.ContainsFunc(named, func(k string) bool { return sharesPair(q, strings.TrimSuffix(k, h)) }) {
			continue
		}
		apart := 0
		for _, s := range certain {
			if strings.Contains(s, h) {
				apart++
			}
		}
		if apart >= 2 {
			return named
		}
	}
	return nil
}

// nounIn reports whether the segmenter reads w as a noun somewhere in
// text: "许可证" is, "顺延" (有效期顺延) is not, however a question tags it.
func (ix *Index) nounIn(text, w string) bool {
	return slices.ContainsFunc(ix.seg.Tag(text), func(t jieba.Tagged) bool { return t.Word == w && strings.HasPrefix(t.POS, "n") })
}

// sharesPair reports whether q has two characters in a row of mod
// ("工业产品许可证" names 工业产品生产许可证).
func sharesPair(q, mod string) bool {
	r := []rune(mod)
	for i := 0; i+1 < len(r); i++ {
		if strings.Contains(q, string(r[i:i+2])) {
			return true
		}
	}
	return false
}

// listedRe is a run of two or more short items joined by 、 (the last
// perhaps by 和, 及 or 或) right before a shared head: "养老、失业、工伤" of
// 养老、失业、工伤保险费.
var listedRe = regexp.MustCompile(`\p{Han}{1,4}(?:、\p{Han}{1,4})+(?:[和及或]\p{Han}{1,4})?$`)

// otherListedOf finds a thing among words ("医疗保险") whose modifier
// (医疗, two characters or more) text never writes and whose head (保险)
// text writes after a list of modifiers ("养老、失业、工伤保险费"): the text
// names the kinds it covers, and the asker's is a sibling it leaves out.
// It returns the thing and the kinds listed ("养老保险", "失业保险",
// "工伤保险"), or "" when no word is such a sibling.
func otherListedOf(words []string, text string) (string, []string) {
	for _, w := range words {
		r := []rune(w)
		for cut := 2; cut+2 <= len(r); cut++ {
			mod, head := string(r[:cut]), string(r[cut:])
			if strings.Contains(text, mod) || !strings.Contains(text, head) {
				continue
			}
			var items []string
			for rest, at := text, 0; ; {
				i := strings.Index(rest, head)
				if i < 0 {
					break
				}
				list := listedRe.FindString(text[:at+i])
				at += i + len(head)
				rest = text[at:]
				parts := strings.FieldsFunc(list, func(c rune) bool { return strings.ContainsRune("、和及或", c) })
				if len(parts) >= 2 {
					// The match may open inside the words before the list
					// ("…12月的养老、失业"): items stand parallel, so the
					// first is as long as the second.
					if r, n := []rune(parts[0]), utf8.RuneCountInString(parts[1]); len(r) > n {
						parts[0] = string(r[len(r)-n:])
					}
				}
				for _, it := range parts {
					items = seeds.AppendNew(items, it+head)
				}
			}
			if len(items) >= 2 {
				return w, items
			}
		}
	}
	return "", nil
}

// otherListedByName is otherListedOf for a short form the asker says
// (医保) whose full name (医疗保险) the short section gives: the asker's
// word, and the siblings the text lists beside the full name's head.
func (ix *Index) otherListedByName(words []string, text string) (string, []string) {
	for _, w := range words {
		for _, p := range ix.shortForms() {
			if !slices.Contains(p[0], w) {
				continue
			}
			if thing, named := otherListedOf(p[1], text); thing != "" {
				return w, named
			}
		}
	}
	return "", nil
}

// abbreviates reports whether w is a short form the short section spells
// out (医保): a thing asked for where the tagger takes it for an
// abbreviation (j), not a noun.
func (ix *Index) abbreviates(w string) bool {
	return slices.ContainsFunc(ix.shortForms(), func(p [2][]string) bool { return slices.Contains(p[0], w) })
}
