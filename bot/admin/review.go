package admin

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"

	"policybot/dialog/store"
	"policybot/seeds"
)

// Review page settings.
const (
	summaryDays   = 30  // days in the questions-per-day chart
	topMeasures   = 10  // measures in the top list
	pageQuestions = 30  // questions per list on the page
	defaultLimit  = 50  // /api/questions without limit
	maxLimit      = 500 // /api/questions limit at most
	titleRunes    = 28  // a measure's title in the select
)

// reviewKinds are the lists of the page, in page order.
var reviewKinds = []seeds.Kind{store.ReviewNone, store.ReviewSuggest, store.ReviewDown}

// apiSummary is GET /api/summary.
func (h *Handler) apiSummary(w http.ResponseWriter, _ *http.Request) {
	r, err := h.store.Review(store.ReviewQuery{Now: h.now(), Loc: h.loc, Days: summaryDays, Top: topMeasures})
	if err != nil {
		h.fail(w, "summary", err)
		return
	}
	writeJSON(w, http.StatusOK, r.Summary)
}

// apiQuestions is GET /api/questions?kind=none|suggest|down&limit=N.
func (h *Handler) apiQuestions(w http.ResponseWriter, r *http.Request) {
	kind := seeds.Kind(r.URL.Query().Get("kind"))
	if !slices.Contains(reviewKinds, kind) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("kind must be one of none, suggest, down (got %q)", seeds.Clip(string(kind), 20)))
		return
	}
	limit := defaultLimit
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("limit must be a whole number from 1 to %d (got %q)", maxLimit, seeds.Clip(s, 20)))
			return
		}
		limit = n
	}
	rev, err := h.review([]seeds.Kind{kind}, limit)
	if err != nil {
		h.fail(w, "questions", err)
		return
	}
	qs := rev.Questions[kind]
	if qs == nil {
		qs = []store.ReviewQuestion{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"questions": qs})
}

// review reads the summary and the lists of kinds, without the questions
// that are examples already.
func (h *Handler) review(kinds []seeds.Kind, limit int) (store.Review, error) {
	skip, err := h.inBank()
	if err != nil {
		return store.Review{}, err
	}
	return h.store.Review(store.ReviewQuery{Now: h.now(), Loc: h.loc, Days: summaryDays, Top: topMeasures, Kinds: kinds, Limit: limit, Skip: skip})
}

// exampleRequest is the body of POST /api/examples.
type exampleRequest struct {
	Question string `json:"question"`
	Measure  *int   `json:"measure"` // 0 = out of scope
	// Guide is the id of the guide the example is for, when the bot serves
	// several (ReviewQuestion.Guide); "" for the current guide.
	Guide string `json:"guide,omitempty"`
}

// exampleResult is the answer to POST /api/examples.
type exampleResult struct {
	Added    bool   `json:"added"` // false: it was in the bank already
	Question string `json:"question"`
	Measure  int    `json:"measure"`
	Reloaded bool   `json:"reloaded"` // the index was rebuilt and swapped in
}

// apiExamples is POST /api/examples: {"question": "…", "measure": N}, or
// the page's form without script. The question is appended to the
// operator's examples.txt of the guide served (<data-dir>/guides/<key>/)
// under [N] ([none] for 0), then the index is rebuilt and swapped in as by
// /reload; 200 comes once it serves.
func (h *Handler) apiExamples(w http.ResponseWriter, r *http.Request) {
	form := isForm(r)
	req, err := decodeExample(w, r, form)
	if err != nil {
		h.answerExample(w, r, form, http.StatusBadRequest, err.Error(), nil)
		return
	}
	res, status, err := h.addExample(req)
	if err != nil {
		h.answerExample(w, r, form, status, err.Error(), nil)
		return
	}
	h.answerExample(w, r, form, http.StatusOK, "", res)
}

func isForm(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/x-www-form-urlencoded"
}

func decodeExample(w http.ResponseWriter, r *http.Request, form bool) (exampleRequest, error) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	var req exampleRequest
	if form {
		if err := r.ParseForm(); err != nil {
			return req, errors.New("unreadable form")
		}
		req.Question = r.PostForm.Get("question")
		req.Guide = r.PostForm.Get("guide")
		if s := r.PostForm.Get("measure"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return req, errors.New("measure must be a whole number")
			}
			req.Measure = &n
		}
	} else {
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return req, fmt.Errorf(`want a JSON body {"question": "…", "measure": N}: %s`, jsonProblem(err))
		}
		if dec.More() {
			return req, errors.New("trailing data after the JSON object")
		}
	}
	if req.Measure == nil {
		return req, errors.New("measure is missing (a measure number, or 0 for out of scope)")
	}
	return req, nil
}

// jsonProblem describes a decoding error without echoing the body.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		return fmt.Sprintf("field %q has the wrong type", te.Field)
	case errors.Is(err, io.EOF):
		return "empty body"
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return err.Error()
	default:
		return "malformed JSON"
	}
}

// addExample validates and stores an example and reloads the index. The
// status goes with the error.
func (h *Handler) addExample(req exampleRequest) (*exampleResult, int, error) {
	q, err := checkQuestion(req.Question)
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	g, ok := h.guideOf(req.Guide)
	if !ok {
		return nil, http.StatusBadRequest, fmt.Errorf("unknown guide %q", seeds.Clip(req.Guide, 40))
	}
	n := *req.Measure
	if n != 0 {
		m := g.Measure(n)
		switch {
		case m == nil:
			return nil, http.StatusBadRequest, fmt.Errorf("unknown measure %d: the guide has no 第%d条", n, n)
		case !m.HasText():
			return nil, http.StatusBadRequest, fmt.Errorf("measure %d has no text in the guide (lost from the seed), so it cannot answer a question", n)
		}
	}
	group := groupName(n)
	res := &exampleResult{Question: q, Measure: n}

	h.examplesMu.Lock()
	defer h.examplesMu.Unlock()
	path := h.examplesPath(g)
	operator, old, err := readExamples(path)
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	// The built-in bank is the current guide's: another guide's question
	// is checked against its own file only.
	if known, ok := h.knownIn(q, operator, g.Key() == h.guide().Key()); ok {
		if known != group {
			return nil, http.StatusConflict, fmt.Errorf("the question is already in the example bank under [%s]; change it in %s by hand", known, ExamplesFile)
		}
		return res, http.StatusOK, nil
	}
	if err := appendExample(path, old, group, q); err != nil {
		return nil, http.StatusInternalServerError, err
	}
	changed, err := h.reload()
	if err != nil {
		// Keep the file as the running index knows it.
		var rerr error
		if old == nil {
			rerr = os.Remove(path)
		} else {
			rerr = writeAtomic(path, old)
		}
		h.logger.Error("reload after adding an example failed; the example was taken out again", "error", err, "restore_error", rerr)
		return nil, http.StatusInternalServerError, fmt.Errorf("the example was not added: reloading the index failed: %w", err)
	}
	res.Added, res.Reloaded = true, changed
	if !changed {
		// The index reads the guide's examples.txt from the data
		// directory; if it did not change, it does not (another
		// --data-dir?) and the example is not live.
		h.logger.Warn("example added but the index did not change; is the index reading this data directory's guides/<key>/examples.txt?", "group", group)
	} else {
		h.logger.Info("example added", "group", group)
	}
	return res, http.StatusOK, nil
}

// answerExample answers the API in JSON, the script-less form with a
// redirect back to the page naming one of its fixed notices (never text
// from the request: a link could then make the page say anything).
func (h *Handler) answerExample(w http.ResponseWriter, r *http.Request, form bool, status int, msg string, res *exampleResult) {
	if form {
		notice := noticeFailed
		switch {
		case res != nil && res.Added:
			notice = noticeAdded
		case res != nil:
			notice = noticeKnown
		case status == http.StatusBadRequest:
			notice = noticeInvalid
		case status == http.StatusConflict:
			notice = noticeConflict
		}
		http.Redirect(w, r, "/?notice="+notice, http.StatusSeeOther)
		return
	}
	if res == nil {
		writeError(w, status, msg)
		return
	}
	writeJSON(w, status, res)
}

func (h *Handler) fail(w http.ResponseWriter, what string, err error) {
	h.logger.Error("admin "+what, "error", err)
	writeError(w, http.StatusInternalServerError, what+" failed: "+err.Error())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// measureTitle is a measure's label: its first sentence, clipped.
func measureTitle(m *seeds.Measure) string {
	if !m.HasText() {
		return "（原文缺失）"
	}
	return seeds.Clip(m.Text, titleRunes)
}
