package seeds

import (
	"regexp"
	"slices"
	"strings"
)

// The guide's frame (its introduction, its closing words, its signature)
// speaks of the guide as a whole: "清单所列政策除另有注明外，执行期限至…",
// "各项措施均列明责任单位和咨询电话", "本实施细则自印发之日起施行". The
// corruption interleaves the opening with copies of later sentences, so
// such a sentence can stand among a measure's follow-ups; it is no
// measure's rule, and quoted as one it would answer for a single measure
// what the guide says of all.

// frameWords are the words by which a sentence speaks of the whole guide:
// "this list" (本清单, 本指引, 本实施细则, a Q&A's 本问答…), what the list
// or each of its items names (清单所列, 各条所列, 各问答所列), every measure at once (各项措施), and
// the formula that closes a notice (特此通知, 特此公告).
var frameWords = regexp.MustCompile(`本(?:清单|指南|指引|细则|实施细则|措施|方案|办法|通知|问答)|(?:清单|指南|指引|各条|问答)所列|各项措施|特此(?:通知|公告|通告)`)

// allAreaCode is a note giving the area code of every phone the guide
// lists ("以上联系电话未注明区号的，区号均为0745", "材料里的电话区号都是
// 0539"): it speaks of all the measures' contacts, not of one measure.
var allAreaCode = regexp.MustCompile(`区号(?:均|都|统一|一律)[为是]?[：:]?0\d{2,3}`)

// titleName reads the name of the document the notice issues from its
// title (《…》), or "".
var titleName = regexp.MustCompile(`《([^》]{4,})》`)

// issuedName reads the name of the document a notice issues from its
// preamble ("现将《…》印发给你们") where the title does not quote it: only
// the issued document, not the policies the preamble cites ("为落实《…》"),
// which a measure may cite too.
var issuedName = regexp.MustCompile(`(?:现将|印发)《([^》]{4,})》`)

// speaksOfGuide reports whether sentence s speaks of the guide as a whole:
// it holds frameWords, states every phone's area code (allAreaCode), or
// holds the document's own name as the title or the preamble's issuing
// sentence gives it (the signature and heading of the list: "…办公室2022年
// 6月23日大兴区…政策清单").
func (p *parser) speaksOfGuide(s string) bool {
	if frameWords.MatchString(s) || allAreaCode.MatchString(s) {
		return true
	}
	for _, m := range [][]string{titleName.FindStringSubmatch(p.g.Title), issuedName.FindStringSubmatch(p.g.Preamble)} {
		if m != nil && strings.Contains(stripSpace(s), stripSpace(m[1])) {
			return true
		}
	}
	return false
}

// termWords name when a document applies: from when it takes effect
// (施行, 实施) or until when (有效期, 执行期限).
var termWords = regexp.MustCompile(`施行|实施|有效期|执行期限|执行期|执行至|执行到`)

// termDate is a term's date: the day it ends (至2022年12月31日) or starts
// (自2022年6月1日起).
var termDate = regexp.MustCompile(`(?:至|到)\d{4}年|\d{4}年\d{1,2}月\d{1,2}日起`)

// Term returns the sentence by which the guide states when all its
// measures apply ("本办法自2022年6月1日起施行，有效期至2022年12月31日",
// "清单所列政策除另有注明外，执行期限至2022年12月31日"), or "" when it
// states none. Such a sentence speaks of the whole guide (see
// speaksOfGuide's frame words), names a term and its date, and stands in the
// preamble or among a measure's sentences; when the guide holds two that
// differ (each measure's own "本措施执行至…"), none speaks for all.
func (g *Guide) Term() string {
	var found string
	consider := func(text string) bool {
		for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '；' || r == '\n' }) {
			s = strings.TrimSpace(s)
			if !frameWords.MatchString(s) || !termWords.MatchString(s) || !termDate.MatchString(s) {
				continue
			}
			if found != "" && found != s {
				found = ""
				return false
			}
			found = s
		}
		return true
	}
	if !consider(g.Preamble) {
		return ""
	}
	for i := range g.Measures {
		m := &g.Measures[i]
		if !consider(strings.Join(append([]string{m.Text}, m.Details...), "。")) {
			return ""
		}
	}
	return found
}

// A document written as a regulation (an 实施办法 in 章 and 条) opens with
// general provisions and closes with supplementary ones: its purpose and
// basis, its scope, its funding, who interprets it and when it takes
// effect. They are numbered like its measures, so they stay in the guide
// under their own numbers, but none is a relief an owner can be answered
// with ("第二条 本办法适用于…" for a question about rent): see
// Measure.Frame.

// frameChapter is the title of a chapter of such provisions.
var frameChapter = regexp.MustCompile(`^(?:总则|附则)$`)

// frameDoc is how a provision names the document it belongs to.
const frameDoc = `本(?:实施)?(?:办法|细则|措施|规定|方案|意见|政策)`

// frameArticle is the first sentence of a provision by its content: the
// document's purpose ("为…，制定本办法"), its scope or its terms' meaning
// ("本办法适用于…", "本措施所称…"), its funding, who interprets it ("本办法
// 第五条至第九条由区税务局负责解释"), when it takes effect or ends ("本办法
// 自…起施行", "有效期至…"), what it leaves to others (未尽事宜). The
// document must be the sentence's subject, at its start: a measure that
// mentions 本办法 further in is no provision.
var frameArticle = regexp.MustCompile(`^(?:【[^】]{1,20}】)?(?:为了?[^。]{2,200}?(?:制定|制订|出台)` + frameDoc +
	`|` + frameDoc + `[^。]{0,60}?(?:所称|适用于|适用范围|所需资金|所需经费|负责解释|解释权|未尽事宜|起施行|起实施|起执行|起生效|有效期|执行期限))`)

// markFrame marks the measures that are provisions on the document (see
// Measure.Frame): those under a chapter titled 总则 or 附则, and those whose
// first sentence is one by its content (a corrupted copy may lose the
// chapter's heading). A provision naming a unit of its own (a 总则 article
// on where to apply for the subsidies, "（责任单位：区政务服务办）") is
// something an office answers for, and stays a measure. The report's list
// of measures without contact leaves provisions out: they have none by
// design.
func (g *Guide) markFrame() {
	frame := map[int]bool{}
	for i := range g.Measures {
		m := &g.Measures[i]
		if m.HasContact() {
			continue
		}
		if s := g.Section(m.Section); s != nil && frameChapter.MatchString(stripSpace(s.Title)) ||
			frameArticle.MatchString(stripSpace(m.Text)) {
			m.Frame = true
			frame[m.Number] = true
		}
	}
	if len(frame) > 0 {
		g.Report.MissingContact = slices.DeleteFunc(g.Report.MissingContact, func(n int) bool { return frame[n] })
	}
}
