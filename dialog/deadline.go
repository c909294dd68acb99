package dialog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"policybot/seeds"
)

// period is what a measure's text says about when it applies.
type period struct {
	end    time.Time // the latest date the text names; zero if none
	phrase string    // the clause that names it, as written
}

var (
	reYMD     = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)
	reYM      = regexp.MustCompile(`(\d{4})年(\d{1,2})月`)
	reYearEnd = regexp.MustCompile(`(\d{4})年(?:底|末|度)`)
	reYear    = regexp.MustCompile(`(\d{4})年`)
	// A range's end without its year: "至12月31日", and in tables
	// "2022年7月1日-9月30日", "5月—8月".
	reToMD    = regexp.MustCompile(`(?:至|到|-|—|－|~|～)(\d{1,2})月(\d{1,2})日`)
	reToM     = regexp.MustCompile(`(?:至|到|-|—|－|~|～)(\d{1,2})月`)
	reTwoYear = regexp.MustCompile(`今明两年`)
)

// findPeriod reads the dates of a measure's sentences as days of the
// guide's time zone (that of published). A month or year without a day
// counts to its last day; "至12月" (or "-12月") takes the year named before
// it in the same clause; "今明两年" counts from the guide's year.
func findPeriod(sentences []string, published time.Time) period {
	loc := published.Location()
	var p period
	consider := func(t time.Time, clause string) {
		if t.After(p.end) {
			p.end, p.phrase = t, clause
		}
	}
	for _, s := range sentences {
		for _, clause := range splitClauses(s) {
			// Most specific first; each match is blanked out so "2022年6月
			// 30日" is not read again as the whole of 2022.
			rest := clause
			year := 0
			for _, m := range reYMD.FindAllStringSubmatch(rest, -1) {
				consider(date(m[1], m[2], m[3], loc), clause)
				year, _ = strconv.Atoi(m[1])
			}
			rest = reYMD.ReplaceAllString(rest, "#")
			for _, m := range reYM.FindAllStringSubmatch(rest, -1) {
				y, _ := strconv.Atoi(m[1])
				mo, _ := strconv.Atoi(m[2])
				consider(endOfMonth(y, mo, loc), clause)
				year = y
			}
			rest = reYM.ReplaceAllString(rest, "#")
			for _, m := range reYearEnd.FindAllStringSubmatch(rest, -1) {
				y, _ := strconv.Atoi(m[1])
				consider(endOfYear(y, loc), clause)
				year = y
			}
			rest = reYearEnd.ReplaceAllString(rest, "#")
			for _, m := range reYear.FindAllStringSubmatch(rest, -1) {
				y, _ := strconv.Atoi(m[1])
				consider(endOfYear(y, loc), clause)
				year = y
			}
			if year > 0 {
				for _, m := range reToMD.FindAllStringSubmatch(clause, -1) {
					consider(date(strconv.Itoa(year), m[1], m[2], loc), clause)
				}
				for _, m := range reToM.FindAllStringSubmatch(reToMD.ReplaceAllString(clause, "#"), -1) {
					mo, _ := strconv.Atoi(m[1])
					consider(endOfMonth(year, mo, loc), clause)
				}
			}
			if reTwoYear.MatchString(clause) && !published.IsZero() {
				consider(endOfYear(published.Year()+1, loc), clause)
			}
		}
	}
	return p
}

func date(y, m, d string, loc *time.Location) time.Time {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return time.Time{}
	}
	return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, loc)
}

func endOfMonth(y, m int, loc *time.Location) time.Time {
	if m < 1 || m > 12 {
		return time.Time{}
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, loc)
}

func endOfYear(y int, loc *time.Location) time.Time { return time.Date(y, 12, 31, 0, 0, 0, 0, loc) }

// day is the start of t's calendar day in loc: a period ending on a day
// lasts all of that day there, whatever the server's own zone.
func day(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// splitClauses cuts a sentence at 。；， so a date is quoted with its clause.
func splitClauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '。' || r == '；' || r == '，' || r == ';' })
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// deadlineLine says when the measure applied and whether that has passed
// by today (a day of the guide's time zone). A guide more than a year old
// says its measures were set for its own time, an epidemic measure that it
// was for the epidemic, and either way to confirm the current policy by
// phone (call: the measure's unit and phone, or the hotline).
func deadlineLine(p period, published, today time.Time, epidemic bool, call string) string {
	pub := ""
	if !published.IsZero() {
		pub = "（指南发布于" + cnDate(published) + "）"
	}
	confirm := "现行政策请先电话确认。"
	if years := age(published, today); years >= 1 {
		pub = ""
		confirm = fmt.Sprintf("指南发布已%d年多，措施按当时情况制定，现行政策请致电确认：%s。", years, call)
	}
	if epidemic {
		confirm = "本条是疫情期间的措施；" + confirm
	}
	switch {
	case p.end.IsZero():
		return "⏰ 期限：指南未写明期限" + pub + "。" + confirm
	case p.end.Before(today):
		return fmt.Sprintf("⏰ 期限：“%s”——指南所述期限已于%s结束。%s", quote(p.phrase), cnDate(p.end), confirm)
	default:
		return fmt.Sprintf("⏰ 期限：“%s”——按指南，至%s仍在期限内%s。", quote(p.phrase), cnDate(p.end), pub)
	}
}

// age is how many whole years have passed from published to today; 0 when
// the date is unknown.
func age(published, today time.Time) int {
	if published.IsZero() {
		return 0
	}
	years := today.Year() - published.Year()
	if today.YearDay() < published.YearDay() {
		years--
	}
	return max(years, 0)
}

// quote shortens a clause to the part around its first date.
func quote(clause string) string {
	r := []rune(clause)
	if len(r) <= 30 {
		return clause
	}
	i := strings.IndexAny(clause, "0123456789")
	start := len([]rune(clause[:max(i, 0)]))
	from, to := max(0, start-8), min(len(r), start+22)
	out := string(r[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(r) {
		out += "…"
	}
	return out
}

// guideAge answers a question about the guide itself ("这个指南现在还有用吗"):
// when it was published, how old it is, which years its periods
// name, and where to ask about the policy now. The topic stays open.
func (t *turn) guideAge() Reply {
	var b strings.Builder
	b.WriteString(t.periodNote())
	if years := age(t.published(), t.today()); years >= 1 {
		b.WriteString(fmt.Sprintf("\n指南发布已%d年多，其中的措施按当时情况制定，写明的期限多已结束；现行政策", years) + t.hotline())
	} else {
		b.WriteString("\n其他问题" + t.hotline())
	}
	if m := t.current(); m != nil {
		b.WriteString("\n刚才的第" + itoa(m.Number) + "条可以接着问（如“找谁”“期限”）。")
	}
	return Reply{Kind: seeds.KindNone, Text: b.String()}
}
