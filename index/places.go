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

// Places a message names. A guide's own places come from its issuer (or,
// without one, its title): "北京市XX区人民政府" owns 北京市, 北京, XX区 and
// XX; a place its text uses is its own too. Every other district, county,
// city or province is another place — unless a guide served beside this
// one covers it (WithServedPlaces), when the message is for that guide,
// not "another place". Nothing here lists a place: names are recognised
// by the gazetteer (gazetteer.go: every province, city and county of
// China, from a public dataset), by jieba's dictionary (its place tags,
// and its districts and counties) and by an administrative ending (区 县
// 市 省 …) after a name.

// Places are the places a message names, by whose they are.
type Places struct {
	Own    []string // the guide's own: its district, its city, places its text uses
	Other  []string // other places, which no guide served beside this one covers
	Served []string // other places a guide served beside this one covers
}

// Places finds the places text names (see the comment above).
func (ix *Index) Places(text string) Places { return ix.places(ix.seg.Tag(text)) }

// PlaceNames are the places text names, in the order named, whoever's
// they are (see Places).
func (ix *Index) PlaceNames(text string) []string { return ix.placeNames(ix.seg.Tag(text)) }

// WithoutPlaces returns text without the places it names: the question
// itself, to put to another district's guide ("密云的房租能减吗" asked
// again after "那通州呢").
func (ix *Index) WithoutPlaces(text string) string {
	for _, name := range ix.PlaceNames(text) {
		text = strings.ReplaceAll(text, name, "")
	}
	return text
}

// AboutOtherPlace reports whether text is about another place: it names
// one (Places.Other) and not the guide's own district ("总部在YY区，项目
// 放到XX区" is about XX, the guide's). The guide's city does not count:
// "北京YY区" is about YY.
func (ix *Index) AboutOtherPlace(text string) bool {
	return ix.aboutOtherPlace(text, ix.Places(text))
}

func (ix *Index) aboutOtherPlace(text string, p Places) bool {
	if len(p.Other) == 0 {
		return false
	}
	if ix.cues.has(text, cuePlaceRoute) {
		// "开大货车的，跑河北承德那条线，…有个啥名单": a driver's route
		// names where the lorry goes; the ask is about the driving.
		return false
	}
	if ix.ownsProgram(text, p.Other) {
		// "YY区的消费券在XX能用吗" (XX the guide's): the other place's programme,
		// wherever the asker would use it.
		return true
	}
	for _, h := range ix.homePlaces {
		if ix.placedIn(text, h) {
			return false
		}
	}
	return true
}

// ownsProgram reports whether text names one of the places other as the
// owner of a programme (cuePlaceProgram right after it, or after its 的:
// "YY区的消费券", "YY补贴"): what is asked about is that place's,
// however the guide's own place is named besides. "YY的企业在XX能享受房租
// 减免吗" names YY as whose the firm is, and stays the guide's.
func (ix *Index) ownsProgram(text string, other []string) bool {
	s := squeeze(text)
	for _, name := range other {
		for rest := s; ; {
			i := strings.Index(rest, name)
			if i < 0 {
				break
			}
			rest = rest[i+len(name):]
			after := strings.TrimPrefix(rest, "的")
			if slices.ContainsFunc(ix.cues.list(cuePlaceProgram), func(w string) bool { return strings.HasPrefix(after, w) }) {
				return true
			}
		}
	}
	return false
}

// placedIn reports whether text names home other than only as whose
// policy it is ("YY的企业能享受XX的政策吗" puts nobody in XX).
func (ix *Index) placedIn(text, home string) bool {
	for rest := text; ; {
		i := strings.Index(rest, home)
		if i < 0 {
			return false
		}
		rest = rest[i+len(home):]
		after := strings.TrimPrefix(rest, "的")
		if !slices.ContainsFunc(ix.cues.list(cuePlacePolicy), func(w string) bool { return strings.HasPrefix(after, w) }) {
			return true
		}
	}
}

func (ix *Index) places(words []jieba.Tagged) Places {
	var p Places
	text := "" // the words joined, built only when a slip must be checked
	names := ix.placeNames(words)
	for _, name := range names {
		if ix.ownPlace(name) {
			p.Own = seeds.AppendNew(p.Own, name)
			continue
		}
		if text == "" {
			var b strings.Builder
			for _, w := range words {
				b.WriteString(w.Word)
			}
			text = b.String()
		}
		switch {
		case slipped(text, name):
			// "我是A区的 哦不 我是B区的": a slip the asker took back.
		case othersPlace(text, name):
			// "上游厂在上海封着": where someone else is, not the asker.
		case routeEnd(text, name, names):
		case ix.servedPlace(name):
			p.Served = seeds.AppendNew(p.Served, name)
		default:
			p.Other = seeds.AppendNew(p.Other, name)
		}
	}
	return p
}

// OwnPlaces are the guide's own places from its issuer (or title), names
// and stems, longest first: what a bot serving several guides gives each
// index as the places served beside it (WithServedPlaces).
func (ix *Index) OwnPlaces() []string { return slices.Clone(ix.ownPlaces) }

// namingVerbs open a shop's or firm's name ("叫麦香坊", "名叫仁和大药房"):
// a place word inside it is part of the name ("香坊", "仁和"), not where
// the asker is.
var namingVerbs = []string{"叫", "名叫", "名为", "取名", "店名", "字号"}

// slipMarkers take back what was just said: "我是A区的 哦不 我是B区的".
var slipMarkers = []string{"哦不", "噢不", "啊不", "说错了", "说差了", "口误", "打错了", "搞错了", "弄错了", "记错了", "看错了", "写错了", "听错了"}

// TakesBack reports whether a message takes back something the owner said
// ("哦不对 说错了 房东是国企", "不对，是国企的"): what they told of their case
// before is no longer theirs.
func (ix *Index) TakesBack(text string) bool {
	s := squeeze(text)
	// 不对 opening the message on its own ("不对，是国企的"), not 不对外.
	if rest, ok := strings.CutPrefix(strings.TrimLeft(text, "哦噢啊呃额嗯 　，,"), "不对"); ok {
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || strings.ContainsRune(" 　，,。！!不", r) {
			return true
		}
	}
	return slices.ContainsFunc(slipMarkers, func(m string) bool { return strings.Contains(s, m) })
}

// Current is a message that takes something back (TakesBack) without its
// clauses saying what held before ("村委会那是以前的", the correction.past
// section): the old fact, named again only to be set aside, is no part of
// the case the message puts. Any other message is returned as it is.
func (ix *Index) Current(text string) string {
	if !ix.TakesBack(text) {
		return text
	}
	var keep []string
	dropped := false
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，,。；;！!", r) }) {
		if ix.cues.has(c, cuePast) {
			dropped = true
			continue
		}
		keep = append(keep, c)
	}
	if !dropped || len(keep) == 0 {
		return text
	}
	return strings.Join(keep, "，")
}

// slipped reports whether a place name of text is followed, within a few
// characters, by a marker taking it back.
func slipped(text, name string) bool {
	i := strings.Index(text, name)
	if i < 0 {
		return false
	}
	rest := []rune(text[i+len(name):])
	rest = rest[:min(len(rest), 8)]
	return containsAny(string(rest), slipMarkers)
}

// otherParties name someone other than the asker whose whereabouts a
// place may state: a supplier, a customer, a relative, a hometown.
var otherParties = []string{"上游", "下游", "供应商", "供货商", "供应链", "厂家", "货源", "客户", "老家", "亲戚", "朋友", "老乡", "对方", "合作方", "甲方",
	"员工", "职工", "工人", "毕业生", "学生", "整车厂", "主机厂"}

// partyAfterRunes is how far after a place a party word still says the
// place is that party's ("上海那边供应链一断", "天津的供应商停了"): the
// place, a pointer (那边) or 的, then the party.
const partyAfterRunes = 5

// countedPerson is a count of people right before a place said as their
// origin: "招了一个天津的", "有两名河北籍".
var countedPerson = regexp.MustCompile(`[一二两三四五六七八九十几0-9]+(?:个|名|位)$`)

// othersPlace reports whether the clause of text that holds place name
// names, before it, another party than the asker ("上游厂在上海封着",
// "老家河南农村的", "员工是河北的") or counts people whose origin it is
// ("招了一个天津的"): the place is theirs.
func othersPlace(text, name string) bool {
	i := strings.Index(text, name)
	if i < 0 {
		return false
	}
	before := text[:i]
	if j := strings.LastIndexAny(before, "，,。！？!?；; "); j >= 0 {
		before = before[j:]
	}
	after := text[i+len(name):]
	origin := strings.HasPrefix(after, "的") || strings.HasPrefix(after, "籍") || strings.HasPrefix(after, "人")
	// The party told right after the place, in the same clause.
	near := after
	if j := strings.IndexAny(near, "，,。！？!?；; "); j >= 0 {
		near = near[:j]
	}
	if rs := []rune(near); len(rs) > partyAfterRunes {
		near = string(rs[:partyAfterRunes])
	}
	return containsAny(before, otherParties) || containsAny(near, otherParties) || origin && countedPerson.MatchString(before)
}

// adminSuffixes end the names of administrative places, longest first.
var adminSuffixes = []string{"自治区", "自治州", "新区", "地区", "省", "市", "区", "县"}

// districtSuffixes end a name that jieba's dictionary may know as a
// district or county ("XX区" tagged a place) when the message says XX.
var districtSuffixes = []string{"区", "县"}

// issuerPlaces reads the places at the start of an issuer or title:
// province, city, then district or county.
var issuerPlaces = regexp.MustCompile(`^(\p{Han}{2,8}?(?:自治区|省))?(\p{Han}{2,8}?(?:自治州|地区|盟|市))?(\p{Han}{2,8}?(?:新区|区|县|旗|市))?`)

// ownPlaceNames are the places guide g governs, from its issuer or, without
// one, its title, as written and without their ending: "北京市XX区人民政府"
// gives 北京市, 北京, XX区, XX (all, longest first) and XX区, XX (home: the
// most local of them, the guide's own district).
func ownPlaceNames(g *seeds.Guide) (all, home []string) {
	source := strings.Join(strings.Fields(g.Issuer), "")
	if i := strings.LastIndexAny(source, "。：:"); i >= 0 {
		source = source[i+1:] // words a page put before the issuer
	}
	if source == "" {
		source = strings.Join(strings.Fields(g.Title), "")
		for trimmed := ""; trimmed != source; {
			trimmed = source
			for _, p := range []string{"关于", "印发", "《", "〈", "“"} {
				source = strings.TrimPrefix(source, p)
			}
		}
	}
	for _, name := range issuerPlaces.FindStringSubmatch(source)[1:] {
		if name == "" {
			continue
		}
		home = []string{name}
		if stem, ok := cutPlaceSuffix(name); ok {
			home = append(home, stem)
		}
		all = seeds.AppendNew(all, home...)
	}
	slices.SortStableFunc(all, func(a, b string) int { return len(b) - len(a) })
	return all, home
}

// cutPlaceSuffix returns a name without its administrative ending, if it
// has one and two characters or more are left.
func cutPlaceSuffix(w string) (string, bool) {
	for _, suffix := range adminSuffixes {
		if s, ok := strings.CutSuffix(w, suffix); ok && utf8.RuneCountInString(s) >= 2 {
			return s, true
		}
	}
	return w, false
}

// placeNames are the places among tagged words (longest name first when
// one holds another): a name with an administrative ending, written as one
// word ("XX区") or as a name and the ending ("XX" "区", or "XX" "区税务局"
// where 区税务局 is a unit of the guide); and a name alone that jieba's
// dictionary knows as a district, county, city or province with an ending
// ("XX" where "XX区" is a place to it). Other words jieba tags as places
// (streets, landmarks, countries: 中关村, 泰国, but also 东西 and 上门) are
// none: where they are is unknown. Words of the cue lexicon's [place.not]
// (开发区, 小店) and [place.all] (全国) are none either.
func (ix *Index) placeNames(words []jieba.Tagged) []string {
	var out []string
	add := func(name string) {
		if !ix.notPlace(name) {
			out = seeds.AppendNew(out, name)
		}
	}
	naming := false // inside a shop's or firm's name: "叫仁和大药房"
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case !isHan(w.Word):
			naming = false // a name ends at a stop or a space
		case slices.ContainsFunc(namingVerbs, func(v string) bool { return strings.HasPrefix(w.Word, v) }):
			naming = true
			if len(w.Word) > len("叫") {
				continue // "叫麦" + "香坊": jieba glued the name's start to 叫
			}
		}
		if naming {
			continue
		}
		if name, n := ix.gazetteerName(words, i); n > 0 {
			add(name)
			i += n - 1
			continue
		}
		if !isHan(w.Word) || !isNameTag(w.POS) || ix.stopword[w.Word] {
			continue // stop words are user words to jieba, tagged nouns
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1].Word
		}
		switch {
		case ix.endsAsPlace(w.Word):
			add(w.Word)
		case ix.placeEnding(next) != "" && ix.endsAsPlace(w.Word+ix.placeEnding(next)):
			add(w.Word + ix.placeEnding(next))
		case (startsLocalName(next) || next == nameSuffix) && !ix.ownPlace(w.Word):
			// "河南寨", "山东庄镇", "天津路": a village, town or street that
			// bears a province's or city's name lies wherever the story is;
			// so does one jieba cut before its last 子 ("新城子": 新城 子).
		case waterside(w.Word, next):
			// "白河边上开茶馆": the bank of a river or lake that shares its
			// name with a county elsewhere is where the story is.
		case ix.gazetteerStem(w) || ix.knownPlace(w.Word) && !ix.commonStem(w.Word):
			add(w.Word)
		case w.POS == "ns":
			// "上海浦东", "河北廊坊": a place word that starts with one.
			if p := ix.placePrefix(w.Word); p != "" {
				add(p)
			}
		}
	}
	return out
}

// gazetteerName is the longest full name of the gazetteer ("渝中区",
// "长阳土家族自治县") that starts with word i, and how many words it
// spans: whole words, or words and the first character of the next one,
// which must be the name's ending glued by jieba to what follows ("区有",
// tagged x: a word it made up) or a unit of the guide that starts with
// the ending ("区税务局"). A name of two characters (沛县) counts only as
// one word: "市和县" names no 和县; nor does a name start with a word of
// one character jieba reads as a function word ("想上城区的小学": 上 城区,
// no 上城区). Returns "", 0 when none starts there.
func (ix *Index) gazetteerName(words []jieba.Tagged, i int) (string, int) {
	g := ix.gazetteer
	if g == nil || !isHan(words[i].Word) {
		return "", 0
	}
	function := utf8.RuneCountInString(words[i].Word) == 1 && isFunctionTag(words[i].POS)
	best, span, name := "", 0, ""
	for j := i; j < len(words); j++ {
		w := words[j].Word
		if !isHan(w) {
			break
		}
		if function && j > i {
			break
		}
		if _, size := utf8.DecodeRuneInString(w); j > i && size < len(w) && (words[j].POS == "x" || ix.placeEnding(w) != "") {
			if glued := name + w[:size]; g.names[glued] != 0 && utf8.RuneCountInString(glued) > 2 {
				best, span = glued, j-i+1
			}
		}
		name += w
		if g.names[name] != 0 && (utf8.RuneCountInString(name) > 2 || j == i && !ix.functionStart(name)) {
			best, span = name, j-i+1
		}
		if !g.starts[name] {
			break // no longer name, glued or not, starts so
		}
	}
	return best, span
}

// functionStart reports whether a word's first character alone is a
// function word to jieba: 和县 in "市和县两级" is 和 and 县.
func (ix *Index) functionStart(word string) bool {
	_, size := utf8.DecodeRuneInString(word)
	tags := ix.seg.Tag(word[:size])
	return len(tags) == 1 && isFunctionTag(tags[0].POS)
}

// commonStemIDF: a district's or county's name without its ending that is
// this common in general Chinese (jieba's idf; 和平 6.7, 长安 6.9, 宿舍
// 7.8 against 朝阳 8.5, 通州 8.6, 顺义 10.1) is a word first, a place
// only with its ending.
const commonStemIDF = 8.0

// commonStem reports whether a name jieba knows with an ending (knownPlace)
// is a common word alone (commonStemIDF), and so no place without it —
// unless it is the guide's own, served beside it, or a province's or
// city's (gazetteerStem).
func (ix *Index) commonStem(word string) bool {
	if ix.gazetteer == nil || ix.ownPlace(word) || ix.servedPlace(word) {
		return false
	}
	idf, ok := jieba.GeneralIDF(word)
	return ok && idf < commonStemIDF
}

// isFunctionTag reports whether a part of speech is a function word's: a
// preposition, position word, conjunction, pronoun, adverb or particle.
func isFunctionTag(pos string) bool {
	return pos == "p" || pos == "f" || pos == "c" || pos == "r" || pos == "d" || strings.HasPrefix(pos, "u")
}

// gazetteerStem reports whether a word alone names a province (河北,
// 广西) or, where jieba tags it a place, a prefecture city (延边, 黔东南):
// the gazetteer's name without its ending. A county's stem alone does not
// count (朝阳, 和平, 城关, 长安 are words too) unless jieba knows the
// county as one place word (knownPlace).
func (ix *Index) gazetteerStem(w jieba.Tagged) bool {
	if ix.gazetteer == nil || utf8.RuneCountInString(w.Word) < 2 {
		return false
	}
	level := ix.gazetteer.stems[w.Word]
	return level&levelProvince != 0 || level&levelCity != 0 && w.POS == "ns"
}

// endsAsPlace reports whether a word is a name with an administrative
// ending: jieba knows it as a place, or its stem is a place it knows, or
// the stem is a name and the ending is not part of a word of its own
// (园区 in 物流园区, 街区).
func (ix *Index) endsAsPlace(word string) bool {
	stem, ok := cutPlaceSuffix(word)
	if !ok {
		return false
	}
	if ix.onePlaceWord(word) || ix.knownPlace(stem) || ix.organisationDistrict(word, stem) {
		return true
	}
	tags := ix.seg.Tag(stem)
	if len(tags) != 1 || !isNameTag(tags[0].POS) {
		return false
	}
	if utf8.RuneCountInString(word)-utf8.RuneCountInString(stem) == 1 {
		// A one-character ending must not end a word of its own: 园区
		// in 物流园区, 街区, 城区.
		r := []rune(word)
		if t := ix.seg.Tag(string(r[len(r)-2:])); len(t) == 1 && t[0].POS != "x" {
			return false
		}
	}
	return true
}

// placeEnding is the administrative ending the word after a name gives
// it: the ending itself ("区"), or the 区 of a unit of the guide that
// starts with one ("区税务局": "XX区税务局" is XX's tax office).
func (ix *Index) placeEnding(next string) string {
	for _, suffix := range adminSuffixes {
		if next == suffix {
			return suffix
		}
	}
	for _, suffix := range districtSuffixes {
		if strings.HasPrefix(next, suffix) && ix.dir.lookup(next) != nil {
			return suffix
		}
	}
	return ""
}

// knownPlace reports whether jieba's dictionary knows the name with an
// administrative ending as one place word ("XX" of "XX区", "XX市").
// Answers are cached: names recur.
func (ix *Index) knownPlace(name string) bool {
	if n := utf8.RuneCountInString(name); n < 2 || n > 4 {
		return false
	}
	if known, ok := ix.placeCache.Load(name); ok {
		return known.(bool)
	}
	known := false
	for _, suffix := range []string{"区", "县", "市", "省"} {
		if ix.onePlaceWord(name + suffix) {
			known = true
			break
		}
	}
	if ix.placeCached.Add(1) <= maxPlaceCache {
		ix.placeCache.Store(name, known)
	}
	return known
}

// placePrefix is the known place a word starts with, leaving two
// characters or more ("上海" of "上海浦东"), or "".
func (ix *Index) placePrefix(word string) string {
	r := []rune(word)
	for n := len(r) - 2; n >= 2; n-- {
		if ix.knownPlace(string(r[:n])) {
			return string(r[:n])
		}
	}
	return ""
}

// maxPlaceCache bounds the names knownPlace remembers.
const maxPlaceCache = 20000

// organisationDistrict reports whether jieba reads a district or county
// name as one word tagged an organisation (nt: 渝中区 is, 江北区 is a
// place): a two-character stem that is no word of its own, then 区 or 县.
// A stem that is a word (中央区, 加工区, 解放区) names no place.
func (ix *Index) organisationDistrict(word, stem string) bool {
	if utf8.RuneCountInString(word) != 3 || !strings.HasSuffix(word, "区") && !strings.HasSuffix(word, "县") {
		return false
	}
	tags := ix.seg.Tag(word)
	return len(tags) == 1 && tags[0].POS == "nt" && len(ix.seg.Tag(stem)) != 1
}

// onePlaceWord reports whether jieba reads w as one word tagged a place
// (or a person: it tags some districts so).
func (ix *Index) onePlaceWord(w string) bool {
	tags := ix.seg.Tag(w)
	return len(tags) == 1 && (tags[0].POS == "ns" || tags[0].POS == "nr")
}

// localEndings end the names of villages, towns and streets ("XX寨",
// "XX庄", "XX路"): after a city's or province's name they make it a local
// name of that shape, no administrative place.
var localEndings = []string{"寨", "村", "庄", "屯", "营", "峪", "镇", "乡", "街", "路", "巷", "胡同", "桥", "沟", "堡", "坨", "湾", "岭"}

// nameSuffix ends many village and town names of the north ("新城子",
// "营子"); jieba cuts it off as a word of its own after a place's name.
const nameSuffix = "子"

// watersEnd ends the names of rivers and lakes, and bankWords start the
// words for their banks ("边上", "岸边", "河畔").
var (
	watersEnd = []string{"河", "江", "湖", "溪", "渠"}
	bankWords = []string{"边", "岸", "畔", "沿"}
)

// waterside reports whether name is a river's or lake's and the word after
// it its bank ("白河边上", "潮河岸边"): a landmark, no administrative place.
func waterside(name, next string) bool {
	return slices.ContainsFunc(watersEnd, func(e string) bool { return strings.HasSuffix(name, e) }) &&
		slices.ContainsFunc(bankWords, func(b string) bool { return strings.HasPrefix(next, b) })
}

// startsLocalName reports whether the word after a name starts with one of
// localEndings.
func startsLocalName(next string) bool {
	return slices.ContainsFunc(localEndings, func(e string) bool { return strings.HasPrefix(next, e) })
}

// isNameTag reports whether a part of speech can be a place's name: a
// noun or proper name of any kind, a distinguishing word, an abbreviation,
// or a word jieba does not know ("x", also given to punctuation, which
// placeNames never sees as a name: it is not Chinese).
func isNameTag(pos string) bool {
	return strings.HasPrefix(pos, "n") || pos == "b" || pos == "j" || pos == "x"
}

// isHan reports whether s is all Chinese characters.
func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// notPlace reports whether the cue lexicon says a word is no place
// ([place.not]: 开发区) or one every guide lies in ([place.all]: 全国).
func (ix *Index) notPlace(word string) bool {
	return slices.Contains(ix.cues.list(cuePlaceNot), word) || slices.Contains(ix.cues.list(cuePlaceAll), word)
}

// ownPlace reports whether a place name is the guide's own: named in its
// title or by its issuer ("北京市XX区人民政府" owns 北京, XX, XX区), or
// used in its text.
func (ix *Index) ownPlace(word string) bool {
	return ix.issuerPlace(word) || ix.textPlace(word)
}

// issuerPlace reports whether a place name is named in the guide's title
// or by its issuer.
func (ix *Index) issuerPlace(word string) bool {
	stem, _ := cutPlaceSuffix(word)
	return slices.Contains(ix.ownPlaces, word) || slices.Contains(ix.ownPlaces, stem) ||
		strings.Contains(ix.guide.Title, stem) || strings.Contains(ix.guide.Issuer, stem)
}

// textPlace reports whether the guide's text uses a place name other than
// as part of another province or city: "某省YY市应急物资中转站" names
// YY as where a rule of the guide applies outside it, so a firm of YY
// is still another place's (issue 18), while a town the text names alone
// (its own streets and towns) is the guide's.
func (ix *Index) textPlace(word string) bool {
	for rest := ix.guideText; ; {
		i := strings.Index(rest, word)
		if i < 0 {
			return false
		}
		if !ix.afterOtherRegion(rest[:i]) {
			return true
		}
		rest = rest[i+len(word):]
	}
}

// afterOtherRegion reports whether before ends with the full name of a
// province or a city (the gazetteer's, with its ending) that is not the
// guide's by its title or issuer.
func (ix *Index) afterOtherRegion(before string) bool {
	if ix.gazetteer == nil {
		return false
	}
	r := []rune(before)
	for k := 2; k <= min(8, len(r)); k++ {
		name := string(r[len(r)-k:])
		if lv := ix.gazetteer.names[name]; lv&(levelProvince|levelCity) != 0 && !ix.issuerPlace(name) {
			return true
		}
	}
	return false
}

// measureNamesAll reports whether measure n's words name every one of the
// places (as written or by their stem).
func (ix *Index) measureNamesAll(n int, places []string) bool {
	m := ix.guide.Measure(n)
	if m == nil || len(places) == 0 {
		return false
	}
	text := measureWords(m)
	for _, p := range places {
		stem, _ := cutPlaceSuffix(p)
		if !strings.Contains(text, p) && !strings.Contains(text, stem) {
			return false
		}
	}
	return true
}

// aboutPlacedRule reports whether measure n names every one of the other
// places an ask names and covers at least PlacedRuleCoverage of the ask's
// other words: the ask is about that measure's rule for the place ("区里
// 和YY那边在准备应急物资中转站"), not about the asker's standing there
// ("YY的企业能享受这边的政策吗", which the station's measure shares only the
// place with).
func (ix *Index) aboutPlacedRule(a analysed, n int, places []string, excl int) bool {
	if !ix.measureNamesAll(n, places) {
		return false
	}
	var rest []concept
	for _, c := range a.own() {
		if !slices.ContainsFunc(places, func(p string) bool {
			stem, _ := cutPlaceSuffix(p)
			return c.term == p || c.term == stem
		}) {
			rest = append(rest, c)
		}
	}
	cover, _ := ix.coverage(rest, n, excl)
	return cover >= ix.tuning.PlacedRuleCoverage
}

// routeEnd reports whether text names place name as an end of a route
// between two places ("跑YY到ZZ的线", "ZZ至YY"): where the asker's
// trucks run, not where the asker is.
func routeEnd(text, name string, names []string) bool {
	for _, o := range names {
		if o == name {
			continue
		}
		for _, via := range []string{"到", "至", "往", "—", "-"} {
			if strings.Contains(text, name+via+o) || strings.Contains(text, o+via+name) {
				return true
			}
		}
	}
	return false
}

// servedPlace reports whether a guide served beside this one covers the
// place (WithServedPlaces).
func (ix *Index) servedPlace(word string) bool {
	stem, _ := cutPlaceSuffix(word)
	return ix.served[word] || ix.served[stem]
}

// placeOf reports whether text names unit (a unit's name as found in it)
// right after one of the places ("XX区税务局", "XX人保局"): that place's
// unit.
func placeOf(text, unit string, places []string) bool {
	text = strings.ReplaceAll(squeeze(text), "的", "")
	for _, p := range places {
		stem, _ := cutPlaceSuffix(p)
		if strings.Contains(text, p+unit) || strings.Contains(text, stem+unit) {
			return true
		}
	}
	return false
}

// ChangesPlace reports whether text asks to answer for another district
// ("换个区"; the cue lexicon's [place.change]).
func (ix *Index) ChangesPlace(text string) bool {
	return ix.cues.has(Normalize(text), cuePlaceChange)
}

// NamesLocalOffice reports whether text names the town or street office in
// everyday words ("要找镇里还是找文旅局"), as an owner names a measure's
// supporting unit such as 各镇街地区.
func (ix *Index) NamesLocalOffice(text string) bool {
	return ix.cues.has(text, cueUnitLocal)
}
