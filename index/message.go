package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"policybot/index/clause"
	"policybot/index/pinyin"
	"policybot/seeds"
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
	return strings.TrimSpace(mannerSuffix.ReplaceAllString(optionLists(spokenDecimals(spokenDigits(s))), "$1$2"))
}

// mannerSuffix is the spoken "怎么个X法" (怎么个支持法, 咋个补法): how X is
// done, which the search reads as 怎么X; the 法 left standing is a
// one-character word no measure has, and weighed against the measure that
// does X.
var mannerSuffix = regexp.MustCompile(`(怎么|怎样|咋|啥)个(\p{Han}{1,3}?)法`)

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
	// "这个电话大不通啊": how an owner says a phone went unanswered is
	// typed as often as the guide's words, and a homophone of it (大不通)
	// left standing is searched as a topic (不通 of 物流不通).
	words = append(words, k.lex.Cues[cueUnreachable]...)
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
	// English words of the lexicon ("rent", "online", "thx") are meant as
	// written, though some spell pinyin syllables (on-lin-e).
	for _, s := range k.lex.Synonyms {
		known = append(known, latinOnly(s.From)...)
	}
	// The guide's contact people are meant as written: "文旅局的葛瑞" is
	// no 的哥 (taxi driver) with a stray 瑞. They are no targets either: a
	// name typed otherwise may be another person.
	known = append(known, k.dir.people...)
	for _, ws := range k.lex.Cues {
		known = append(known, latinOnly(ws)...)
	}
	// A character jieba tags a noun on its own heads a compound the user
	// typed (快递柜 is 快递 + 柜).
	noun := func(r rune) bool {
		t := k.seg.Tag(string(r))
		return len(t) == 1 && strings.HasPrefix(t[0].POS, "n")
	}
	return pinyin.New(vocab, pinyin.WithFunctionWords(k.lex.Stopwords...), pinyin.WithPhrases(phrases...), pinyin.WithKnownWords(known...),
		pinyin.WithNounChars(noun))
}

// latinOnly returns the words of ws written in Latin letters alone.
func latinOnly(ws []string) []string {
	var out []string
	for _, w := range ws {
		if w != "" && strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) < 0 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
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
// measure uses are neutral). What must be done or brought ([procedure]:
// "要办什么审批手续") is asked of what was told, whichever measure's
// words it shares.
func (ix *Index) namesSubject(text string) bool {
	t := strings.ToLower(text)
	for _, sec := range []string{cueContact, cueList, cueDeadline, cueProcedure} {
		t, _ = cutPhrases(t, ix.cues.list(sec))
	}
	return ix.ownWeightOf(t, -1) >= ix.tuning.SubjectWeight
}

// part is one ask of a message as the pipeline searches it.
type part struct {
	text      string // the ask as written
	context   string // the statements a subjectless ask needs ("能减吗")
	situation string // the message's other statements
	contact   bool   // the clause reader found a contact cue
	implied   bool   // the message asks nothing (clause.Ask.Implied)
	bare      bool   // the message is this ask alone: no story, no context, no other ask
	opened    bool   // a connective or lead-in opens it (clause.Ask.Opened)
	// coordinated is set on the two asks one clause's coordinated subjects
	// make (splitCoordinated): neither follows up on the other's answer.
	coordinated bool
	// item is the list item the ask falls in when the owner numbered the
	// asks ("1.银行贷款能不能延期 2.有没有卖车的补贴"), 0 otherwise: a
	// numbered ask is a question of its own, no follow-up on the item
	// before.
	item int
	// matter is set on the asks one ask pointing at the several matters of
	// its story makes (perMatter): each asks, too, the sides its matter
	// asks about ("不知道征信上有没有记").
	matter bool
	// shown, when set, is how the ask is shown to the asker instead of
	// its text: a subjectless ask split by the subjects of its context.
	shown string
	// before is the part of situation told before the ask: what an ask
	// pointing back at the story ("这笔贷款") points at.
	before string
	// earlier are the asks of the message before this one, with their
	// context, as readParts read them.
	earlier string
	// toldSince is set on an ask of a message that follows an answered
	// one when the statements before it go on past those before that
	// one: the asker told something new in between.
	toldSince bool
	// near are the contact lines of the measures the conversation is on:
	// whom "贾老师" means when the guide has two people of that surname.
	near []seeds.Contact
}

// parts cuts a prepared message into its asks, in order, each with the
// statements it does not already hold as context. A message the reader
// finds no ask in is one ask. Asks beyond MaxAnswered are not searched:
// their texts are left, and unanswered counts them.
func (ix *Index) parts(text string) (ps []part, left []string, unanswered int) {
	msg := ix.splitter.Split(text)
	if kept := ix.keptNeeds(text, msg); len(kept) > 0 {
		msg = ix.splitter.SplitKeeping(text, kept)
		// The closing hardship of a story whose needs are kept is said
		// of them; alone it asks nothing to answer.
		if asks := slices.DeleteFunc(slices.Clone(msg.Asks), ix.onlyHardship); len(asks) > 0 {
			msg.Asks = asks
		}
	}
	claims := reportedClaims(text)
	if len(claims) > 0 {
		msg = withoutQuotedAsks(msg, claims)
	}
	ps, left = partsOf(msg)
	if len(ps) == 0 {
		return []part{{text: Normalize(text)}}, nil, 0
	}
	claimed := false
	if len(claims) > 0 {
		ps, claimed = ix.perClaim(msg, ps, claims, -1)
	}
	ps = ix.withoutOpeners(ps)
	if len(ps) == 1 && len(left) == 0 && msg.More == 0 && !claimed {
		ps = ix.perMatter(msg, ps)
	}
	if len(ps) == 1 && len(left) == 0 && msg.More == 0 && len(msg.Situation) == 0 && ps[0].context == "" {
		ps[0].bare = true
	}
	return ps, left, len(left) + msg.More
}

// perMatter reads a message's one ask that points at the several
// matters its story told ("…没法按时整改被罚过一次款…，另外那年有笔经营
// 贷晚还了两个月…。这两个事现在还能处理吗") as that ask of each matter,
// each ranked on its own: one search over both would answer the matter
// with the stronger words and fold the other into it. The story's
// matters are its clauses up to the pointer, a new one opening at a
// connective (另外, 还有, 二是); they must come to the number the pointer
// says (两 and 俩: two; 几: two or more, at most MaxAnswered), else
// the ask is read whole. Each matter is the context of its ask, which
// asks what the matter asks besides ("不知道征信上有没有记": the credit
// record); the asks are coordinated: neither follows up on the other's
// answer.
func (ix *Index) perMatter(msg clause.Message, ps []part) []part {
	a := msg.Asks[0]
	pointer, n := "", 0
	for _, w := range ix.cues.list(cueMatters) {
		if strings.Contains(a.Text, w) {
			pointer, n = w, 2
			if strings.Contains(w, "几") {
				n = 0
			}
			break
		}
	}
	if pointer == "" {
		return ps
	}
	var story []clause.Clause
	for _, c := range msg.Situation {
		if c.End <= a.Start {
			story = append(story, c)
		}
	}
	asked := ""
	for _, c := range a.Clauses {
		if strings.Contains(c.Text, pointer) {
			asked = c.Text
			break
		}
		story = append(story, c)
	}
	if asked == "" {
		return ps
	}
	var matters [][]string
	for _, c := range story {
		if len(matters) == 0 || clause.OpensMatter(c.Text) {
			matters = append(matters, nil)
		}
		matters[len(matters)-1] = append(matters[len(matters)-1], clause.TrimConnective(c.Text))
	}
	if len(matters) < 2 || len(matters) > MaxAnswered || n > 0 && len(matters) != n {
		return ps
	}
	// "这两个事现在还能处理吗": what is asked of each, without the pointer.
	rest := strings.TrimSpace(asked[strings.Index(asked, pointer)+len(pointer):])
	if head := strings.TrimSpace(asked[:strings.Index(asked, pointer)]); head != "" {
		rest = head + rest
	}
	if rest == "" {
		return ps
	}
	out := make([]part, 0, len(matters))
	for _, m := range matters {
		told := Normalize(strings.Join(m, "，"))
		out = append(out, part{text: Normalize(rest), context: told, before: told, shown: joinClauses(told, Normalize(rest)),
			contact: ps[0].contact, opened: true, coordinated: true, matter: true})
	}
	return out
}

// partsOf lays out the first MaxAnswered asks of msg as parts, each with
// the statements it does not already hold as context, and returns the
// texts of the asks beyond.
func partsOf(msg clause.Message) (ps []part, left []string) {
	for i, a := range msg.Asks {
		if i >= MaxAnswered {
			left = append(left, Normalize(a.Text))
			continue
		}
		ps = append(ps, partOf(a, msg.Situation, contextOfOther(msg.Asks, i), func(c clause.Clause) bool {
			return toldBeforeOther(msg.Asks, i)(c) || otherItem(a, c)
		}))
	}
	return ps, left
}

// partOf is ask a as searched: its context, and the situation clauses
// besides those and those for which skip reports true.
func partOf(a clause.Ask, situation []clause.Clause, skip, told func(clause.Clause) bool) part {
	var sit, before []string
	n := 0
	for _, c := range situation {
		if slices.ContainsFunc(a.Context, func(x clause.Clause) bool { return x.Start == c.Start }) ||
			skip(c) || c.Start >= a.Start && c.End <= a.End || told(c) {
			continue
		}
		if n += utf8.RuneCountInString(c.Text); n > maxSituationRunes && len(sit) > 0 {
			break
		}
		sit = append(sit, c.Text)
		if c.End <= a.Start {
			before = append(before, c.Text)
		}
	}
	var ctx []string
	for _, c := range a.Context {
		ctx = append(ctx, c.Text)
	}
	// The office an owner guesses at is no part of what they ask
	// ("电子招投标的事，是不是得去政务服务大厅问"): searched, its name is
	// an unknown noun or a unit that turns the ask into one about the unit.
	item := 0
	if len(a.Clauses) > 0 {
		// The list item the owner numbered the ask with (5d87f12 read it
		// but nothing set it).
		item = a.Clauses[0].Item
	}
	return part{text: Normalize(clause.WithoutGuess(a.Text)), context: Normalize(strings.Join(ctx, "，")),
		situation: Normalize(strings.Join(sit, "，")), contact: a.Contact, implied: a.Implied, opened: a.Opened,
		before: Normalize(strings.Join(before, "，")), item: item}
}

// withoutOpeners drops an ask that only names a subject ("那车呢") when
// the next ask of the message says it again with what it asks ("那车呢？我们
// 要换几台教练车，听说买车能减税，是真的假的", or by the guide's word for
// the trade: "农家院这块呢 乡村旅游有啥支持"): the subject opens that ask and
// is no question of its own.
func (ix *Index) withoutOpeners(ps []part) []part {
	for i := 0; i+1 < len(ps); i++ {
		if !isEllipsis(ps[i].text) || ps[i].context != "" && ps[i].context != ps[i+1].context {
			continue
		}
		s := strings.TrimSuffix(squeeze(ps[i].text), "呢")
		for _, lead := range []string{"那么", "那", "还有", "再"} {
			s = strings.TrimPrefix(s, lead)
		}
		// The next ask may say the subject by the guide's word for its
		// trade ("农家院这块呢 乡村旅游有啥支持": 乡村旅游 of 农家院).
		next := squeeze(joinClauses(ps[i+1].context, ps[i+1].text))
		if s == "" || ix.cues.bare(s) || !strings.Contains(next, s) && !containsAny(next, ix.kindsOf(s)[0]) {
			continue
		}
		return append(slices.Clone(ps[:i]), ps[i+1:]...)
	}
	return ps
}

// keptNeeds are the needs msg states without asking (clause.Message.Needs)
// that are asks of their own: the guide answers each with a measure no ask
// of the message and no need before it is answered with ("…社保实在交不上
// 了想缓一缓，还有电费…会不会断电" asks about both). A need the other asks
// already cover ("想减点房租，国企的房子能减吗"), or that the guide does not
// answer with confidence, stays situation. Each ask is searched as it is
// read with every need asked, so that no ask holds a need as its context;
// when one of them then gets no answer of its own, it asks about the needs
// and every need stays situation.
func (ix *Index) keptNeeds(text string, msg clause.Message) []clause.Ask {
	if len(msg.Needs) == 0 || len(msg.Asks) >= MaxAnswered {
		// A message whose questions already fill the reply has no room
		// for a need; reading it again would only cost time.
		return nil
	}
	all := ix.splitter.SplitKeeping(text, msg.Needs)
	ps, _ := partsOf(all)
	covered := map[int]bool{}
	answer := make([]Result, len(ps))
	for i, p := range ps {
		r, _, err := ix.understand(p, -1, ix.model)
		if err != nil {
			return nil
		}
		answer[i] = r
		if all.Asks[i].Need || ix.onlyHardship(all.Asks[i]) {
			// A story that closes on hardship alone ("快撑不住了", "我
			// 太难了") asks nothing of its own there: the needs it told
			// are what it asks about, however the closing line is answered.
			continue
		}
		if r.Kind == seeds.KindNone && turnsFromNeeds(all.Asks, i) {
			// "…货款被拖欠超过一年，恳请协调尽快清偿。另外，重污染天气
			// 停产能否豁免？": a question a connective opens after the
			// needs, which the guide does not answer, turns to another
			// matter, not to them. (One it answers or suggests may still
			// ask on about them: "…另外那年有笔经营贷晚还了，不知道征信上
			// 有没有记。这两个事还能处理吗".)
			continue
		}
		if !standsAlone(r) && (r.Kind != seeds.KindSuggest || len(all.Asks[i].Context) > 0 || needBefore(all.Asks, i)) ||
			needBefore(all.Asks, i) && ix.onlyGeneric(&r) {
			// "我们公司想申请缓缴住房公积金，需要先开职工代表大会吗":
			// an ask the guide does not answer once the need is taken
			// from it asks about the need; the need is its story. An ask
			// naming its own subject that the guide answers only
			// tentatively ("…区国有公司的，三个月房租能减吗？员工的社保
			// 也实在交不上了") is still its own: the need after it is
			// another. A need told before it ("我想申请创业担保贷款 个人
			// 最多能贷多少") is what it asks about.
			// "我还想招几个村里的人帮忙采蘑菇 有啥补贴没": an ask naming
			// only what any measure gives (补贴) after a need asks what
			// there is for that need, however many measures give it.
			return nil
		}
		if len(r.Measures) > 0 {
			covered[r.Measures[0].Number] = true
		}
	}
	// A story that asks nothing but its needs ("…教练工资社保照发，场地租
	// 金也一分没少交，快撑不住了") is answered need by need, as a patient
	// clerk offers what fits each: a need the guide answers only
	// tentatively is offered as a suggestion rather than lost in a search
	// over the whole story.
	story := !slices.ContainsFunc(all.Asks, func(a clause.Ask) bool { return !a.Need && !ix.onlyHardship(a) })
	var kept []clause.Ask
	for i, r := range answer {
		tentative := story && r.Kind == seeds.KindSuggest
		if !all.Asks[i].Need || r.Kind != seeds.KindMeasure && !tentative || len(r.Measures) == 0 || covered[r.Measures[0].Number] {
			continue
		}
		if len(ix.topicWords(&r)) == 0 {
			// "那水电费呢 摊子的电是从市场接的 欠了俩月了": a need that
			// names no thing of its own (欠 of what?) goes on with the
			// story of the ask before it; alone, its verb would find a
			// measure of its own (欠款 of 账款清欠).
			continue
		}
		covered[r.Measures[0].Number] = true
		if ix.askedAbout(ix.guide.Measure(r.Measures[0].Number), i, all.Asks, answer) {
			// "车贷这几个月还不上了，能不能延期还，会不会上征信": the
			// question asks about the need, whose answer says its words
			// as well as the question's own answer does; the need is its
			// story. Another need stays a candidate ("贷款快还不上了，能
			// 延期吗？社保也想缓一缓" asks about both).
			continue
		}
		kept = append(kept, all.Asks[i])
	}
	return kept
}

// onlyHardship reports whether a is the closing line of a story that asks
// nothing and names no subject of its own: hardship only ("快撑不住了",
// "我太难了").
func (ix *Index) onlyHardship(a clause.Ask) bool {
	return a.Implied && !a.Need && !ix.namesSubject(a.Text)
}

// onlyGeneric reports whether r's topic words are all generic policy
// words (补贴, 政策: head.generic), and there is one at least.
func (ix *Index) onlyGeneric(r *Result) bool {
	ws := ix.topicWords(r)
	return len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return !ix.isGeneric(w) })
}

// turnsFromNeeds reports whether asks[i] is opened by a connective that
// turns to another matter (另外, 还有: clause.Ask.Turned) with a need
// before it and no other question between them.
func turnsFromNeeds(asks []clause.Ask, i int) bool {
	if !asks[i].Turned || !needBefore(asks, i) {
		return false
	}
	return !slices.ContainsFunc(asks[:i], func(a clause.Ask) bool { return !a.Need })
}

// needBefore reports whether a need comes before asks[i].
func needBefore(asks []clause.Ask, i int) bool {
	return slices.ContainsFunc(asks[:i], func(a clause.Ask) bool { return a.Need })
}

// askedAbout reports whether m, the answer of the need asks[need], says
// the words of a question that asks about that need (answered as answer)
// at least as well as the question's own answer does. A question asks
// about the need told right before it, or, when none is, right after it:
// one question is about one need, so the other needs of a message stay
// candidates of their own.
func (ix *Index) askedAbout(m *seeds.Measure, need int, asks []clause.Ask, answer []Result) bool {
	for i, r := range answer {
		if asks[i].Need || len(r.Measures) == 0 || claimedNeed(asks, i) != need {
			continue
		}
		words := ix.topicWords(&r)
		q := ix.guide.Measure(r.Measures[0].Number)
		if c := ix.answerCoverage(m, words); c > 0 && c >= ix.answerCoverage(q, words) {
			return true
		}
		if ix.needAnsweredBy(m, &r, &answer[need]) {
			return true
		}
	}
	return false
}

// needAnsweredBy reports whether a need answered with m (its result need)
// is the story of the question answered with r: the search is sure of
// r's measure q, m never says the question's words, and q, which the
// need's own search ranks first or second, says the need's words as
// fully as m does ("教练车是贷款买的，停了两个月还不上月供，银行能让延期还吗":
// 月供 is the loan q defers, not 第3条's 公积金贷款).
func (ix *Index) needAnsweredBy(m *seeds.Measure, r, need *Result) bool {
	if r.Kind != seeds.KindMeasure || r.Probability < ix.tuning.AnswerProbability || len(need.Measures) < 2 {
		return false
	}
	q := ix.guide.Measure(r.Measures[0].Number)
	if asked := ix.topicWords(r); len(asked) == 0 || ix.answerCoverage(m, asked) > 0 ||
		!slices.ContainsFunc(need.Measures[:2], func(h Hit) bool { return h.Number == q.Number }) {
		return false
	}
	words := ix.topicWords(need)
	c := ix.answerCoverage(q, words)
	return c > 0 && c >= ix.answerCoverage(m, words)
}

// claimedNeed is the need a question asks[i] may ask about: the ask
// right before it when that is a need, else the one right after it; -1
// when neither is a need. A question a connective adds (还有, 另外:
// Ask.Turned) turns from the need before it ("我们想申请首贷贴息然后还有担保
// 费是不是按0.5%收" asks about the fee besides the loan).
func claimedNeed(asks []clause.Ask, i int) int {
	if i > 0 && asks[i-1].Need && !asks[i].Turned {
		return i - 1
	}
	if i+1 < len(asks) && asks[i+1].Need {
		return i + 1
	}
	return -1
}

// standsAlone reports whether r answers an ask by itself: with a measure
// or a choice of measures, not a suggestion, a decline or a unit (which
// "燃气费欠着，要不要先去燃气公司签协议" names about the need).
func standsAlone(r Result) bool {
	return r.Kind == seeds.KindMeasure || r.Kind == seeds.KindChoice
}

// contextOfOther reports whether statement c is the context of an ask of
// msg other than asks[i]: the subject of that ask ("留抵税额，能退吗"), not
// the situation of an ask naming its own ("另外区里一个单位欠我们的货款，
// 什么时候能还"), which it would pull towards the other's answer.
func contextOfOther(asks []clause.Ask, i int) func(clause.Clause) bool {
	return func(c clause.Clause) bool {
		for j, a := range asks {
			if j != i && slices.ContainsFunc(a.Context, func(x clause.Clause) bool { return x.Start == c.Start }) {
				return true
			}
		}
		return false
	}
}

// otherItem reports whether statement c is told in another list item than
// ask a ("1.快递驿站有什么政策 2.驿站房子是街道提供的，房租能减吗"): the
// house told in item 2 is item 2's story, and would pull item 1's ask
// towards its answer.
func otherItem(a clause.Ask, c clause.Clause) bool {
	return len(a.Clauses) > 0 && a.Clauses[0].Item != 0 && c.Item != 0 && c.Item != a.Clauses[0].Item
}

// toldBeforeOther reports whether statement c was told before an earlier
// ask of msg that asks[i], opened by a connective (另外, 还有), turns away
// from, or after a later ask that turns away from asks[i]: "我2022年8月买
// 了辆SUV，购置税能减半不？另外我的房贷…能延期还吗" — the car is the story
// of the first ask, and its words would pull the second towards the
// first's answer.
func toldBeforeOther(asks []clause.Ask, i int) func(clause.Clause) bool {
	return func(c clause.Clause) bool {
		if i > 0 && asks[i].Opened && !asks[i-1].Need && c.End <= asks[i-1].Start {
			return true
		}
		// "…欠了两个月水电 想问会不会给停了 还有咱们这行能不能买企业疫情险
		// 停业了能给赔": what is told after a later ask a connective opens
		// belongs to that ask, and would pull this one towards its answer.
		for _, b := range asks[i+1:] {
			if b.Opened && !b.Need && c.Start >= b.End {
				return true
			}
		}
		return false
	}
}

// firstPart is the first ask of a question read without its conversation
// or typo correction: how the example bank is run through the pipeline.
// Needs stated beside the question stay situation: an example is one
// question of its measure, and the model deciding on needs is trained on
// them.
func (ix *Index) firstPart(text string) part {
	text = prepare(text)
	ps, _ := partsOf(ix.splitter.Split(text))
	if len(ps) == 0 {
		return part{text: Normalize(text)}
	}
	return ps[0]
}
