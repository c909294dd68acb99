package admin

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"policybot/dialog/store"
	"policybot/index"
	"policybot/seeds"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"dayChart":  dayChart,
	"kindChart": kindChart,
	"swatch":    swatch,
	"meter":     meter,
	"kindLabel": kindLabel,
	"percent":   func(f float64) string { return strconv.FormatFloat(100*f, 'f', 0, 64) + "%" },
}).ParseFS(templateFS, "templates/*.html"))

// staticHandler serves the embedded CSS and script.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		fsrv.ServeHTTP(w, r)
	})
}

// option is a measure in the assign select.
type option struct {
	Number   int
	Label    string
	Disabled bool
}

// questionRow is a question on the page.
type questionRow struct {
	store.ReviewQuestion
	LastText string
	Answered []string // "第12条 …", or nothing for none
	Options  []option // the measures answered, offered first
	// GuideLabel names the guide that answered, when the bot serves
	// several; Own is set when that is the current guide, whose measures
	// the page lists in full.
	GuideLabel string
	Own        bool
}

// questionList is one of the page's lists.
type questionList struct {
	Kind        seeds.Kind
	Title, Help string
	Rows        []questionRow
}

// measureRow is a measure in the top and vote lists. With several guides
// served the rows are grouped by guide; GuideHead marks a group's first
// row, which shows GuideLabel.
type measureRow struct {
	store.MeasureCount
	Title      string
	Meter      template.HTML
	GuideLabel string
	GuideHead  bool
}

type pageData struct {
	Now      string
	Summary  store.Summary
	Lists    []questionList
	Options  []option
	Top      []measureRow
	Votes    []measureRow
	Message  string
	Location string
}

var listInfo = map[seeds.Kind][2]string{
	store.ReviewNone:    {"机器人未能回答的问题", "指南里找不到答案时的提问。若某条措施能回答，把它指给这条措施；若指南确实不涉及，标为“不在指南范围”。"},
	store.ReviewSuggest: {"只给出了建议的问题", "机器人没有把握，只列出了相近的措施。"},
	store.ReviewDown:    {"被点踩的答复", "用户对答复点了 👎 的问题，以及当时答复的措施。"},
}

// The notices the page shows after a form post (?notice=…): a fixed set.
const (
	noticeAdded    = "added"
	noticeKnown    = "known"
	noticeInvalid  = "invalid"
	noticeConflict = "conflict"
	noticeFailed   = "failed"
)

var notices = map[string]string{
	noticeAdded:    "已加入示例，索引已更新。",
	noticeKnown:    "示例库中已有这个问题。",
	noticeInvalid:  "未加入：问题为空或超过 200 字，或所选措施无效。",
	noticeConflict: "未加入：示例库中这个问题已归入另一条措施，请手动修改 examples.txt。",
	noticeFailed:   "未加入：保存或重建索引失败，详见日志。",
}

// page is GET /: the review page.
func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	now := h.now()
	rev, err := h.review(reviewKinds, pageQuestions)
	if err != nil {
		h.fail(w, "review", err)
		return
	}
	sum := rev.Summary
	g := h.guide()
	row := func(c store.MeasureCount) measureRow {
		r := measureRow{MeasureCount: c, Title: "（指南中已无此条）"}
		mg := g
		if c.Guide != "" {
			if other, ok := h.guideOf(c.Guide); ok && other != nil {
				mg, r.GuideLabel = other, index.GuideLabel(other)
			} else {
				mg, r.GuideLabel = nil, c.Guide+"（已不再提供）"
			}
		}
		if mg != nil {
			if m := mg.Measure(c.Measure); m != nil {
				r.Title = measureTitle(m)
			}
		}
		return r
	}
	d := pageData{Now: now.In(h.loc).Format("2006-01-02 15:04"), Summary: sum, Message: notices[r.URL.Query().Get("notice")], Location: h.loc.String()}
	for _, kind := range reviewKinds {
		qs := rev.Questions[kind]
		l := questionList{Kind: kind, Title: listInfo[kind][0], Help: listInfo[kind][1]}
		for _, q := range qs {
			l.Rows = append(l.Rows, h.questionRow(q, g))
		}
		d.Lists = append(d.Lists, l)
	}
	for _, m := range g.Measures {
		d.Options = append(d.Options, option{Number: m.Number, Label: "第" + strconv.Itoa(m.Number) + "条 " + measureTitle(&m), Disabled: !m.HasText()})
	}
	topMax := 0
	for _, m := range sum.TopMeasures {
		topMax = maxInt(topMax, m.Asked)
	}
	for _, m := range sum.TopMeasures {
		r := row(m)
		r.Meter = meter(m.Asked, topMax)
		d.Top = append(d.Top, r)
	}
	for _, m := range sum.Votes {
		d.Votes = append(d.Votes, row(m))
	}
	d.Top, d.Votes = byGuide(d.Top), byGuide(d.Votes)
	h.render(w, http.StatusOK, "page.html", d)
}

// questionRow is a review list's row for q: what the guide that answered
// it (the current guide g, or with several served, q.Guide's) answered, and
// its measures to assign the question to (none for a guide no longer
// served).
func (h *Handler) questionRow(q store.ReviewQuestion, g *seeds.Guide) questionRow {
	row := questionRow{ReviewQuestion: q, LastText: q.Last.In(h.loc).Format("01-02 15:04"), Own: true}
	rg := g
	if q.Guide != "" {
		if other, ok := h.guideOf(q.Guide); ok && other != nil {
			rg, row.GuideLabel, row.Own = other, index.GuideLabel(other), other.Key() == g.Key()
		} else {
			rg, row.GuideLabel, row.Own = nil, q.Guide+"（已不再提供）", false
		}
	}
	for _, n := range q.Measures {
		var m *seeds.Measure
		if rg != nil {
			m = rg.Measure(n)
		}
		if m == nil {
			row.Answered = append(row.Answered, "第"+strconv.Itoa(n)+"条 （指南中已无此条）")
			continue
		}
		row.Answered = append(row.Answered, "第"+strconv.Itoa(n)+"条 "+measureTitle(m))
		row.Options = append(row.Options, option{Number: n, Label: "第" + strconv.Itoa(n) + "条 " + measureTitle(m), Disabled: !m.HasText()})
	}
	return row
}

type loginData struct{ Error string }

func (h *Handler) renderLogin(w http.ResponseWriter, status int, msg string) {
	h.render(w, status, "login.html", loginData{Error: msg})
}

func (h *Handler) render(w http.ResponseWriter, status int, name string, data any) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		h.logger.Error("admin page", "template", name, "error", err)
		http.Error(w, "page failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write([]byte(b.String()))
}

// byGuide groups rows by guide, the guides in the order of their first
// row, keeping the order within each, and marks each group's first row
// when the rows come from guides of a bot serving several.
func byGuide(rows []measureRow) []measureRow {
	var order []string
	groups := map[string][]measureRow{}
	for _, r := range rows {
		if _, ok := groups[r.Guide]; !ok {
			order = append(order, r.Guide)
		}
		groups[r.Guide] = append(groups[r.Guide], r)
	}
	out := make([]measureRow, 0, len(rows))
	for _, id := range order {
		g := groups[id]
		g[0].GuideHead = id != ""
		out = append(out, g...)
	}
	return out
}
