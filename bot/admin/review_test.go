package admin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/index"
	"policybot/seeds"
)

// declinedCandidates are questions a guide measure answers, in words the
// bot may not recognize without an example (a beekeeper asking about 第7条,
// utilities not cut off for arrears, or 第10条, loan deferral).
var declinedCandidates = []struct {
	q       string
	measure int
}{
	{"蜂场电闸会不会因为欠费被拉", 7},
	{"俺家蜂场欠了电业局的钱会断电不", 7},
	{"蜂农的贷款能不能往后挪挪", 10},
}

// pickDeclined returns the first candidate the index declines (kind none):
// the question an operator would assign, and the measure that answers it.
func pickDeclined(t *testing.T, ix *index.Index) (string, int) {
	t.Helper()
	for _, c := range declinedCandidates {
		r, err := ix.Search(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind == seeds.KindNone {
			return c.q, c.measure
		}
	}
	t.Fatalf("the index answers every candidate question; add one it declines to declinedCandidates")
	return "", 0
}

func TestBadRequests(t *testing.T) {
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	textless := 0
	for _, m := range g.Measures {
		if !m.HasText() {
			textless = m.Number
			break
		}
	}
	if textless == 0 {
		t.Fatal("the embedded guide has no measure without text to test with")
	}
	f := newFixture(t, fixtureConfig{token: testToken})
	for _, c := range []struct{ name, body, want string }{
		{"empty question", `{"question":"","measure":2}`, "empty"},
		{"blank question", `{"question":"  \u3000 ","measure":2}`, "empty"},
		{"201 characters", `{"question":"` + strings.Repeat("社", 201) + `","measure":2}`, "at most 200"},
		{"unknown measure", `{"question":"社保能晚点交吗","measure":999999}`, "unknown measure"},
		{"negative measure", `{"question":"社保能晚点交吗","measure":-7}`, "unknown measure"},
		{"measure without text", `{"question":"社保能晚点交吗","measure":` + strconv.Itoa(textless) + `}`, "no text"},
		{"no measure", `{"question":"社保能晚点交吗"}`, "measure is missing"},
		{"measure as string", `{"question":"社保能晚点交吗","measure":"2"}`, "wrong type"},
		{"malformed JSON", `{"question":`, "JSON"},
		{"empty body", ``, "empty body"},
		{"unknown field", `{"question":"社保能晚点交吗","measure":2,"x":1}`, "unknown field"},
		{"comment line", `{"question":"# 社保","measure":2}`, "comment"},
		{"inline comment", `{"question":"社保 #2","measure":2}`, "comment"},
		{"header line", `{"question":"[none]","measure":2}`, "header"},
		{"two objects", `{"question":"社保能晚点交吗","measure":2} {}`, "trailing"},
	} {
		code, body := f.do("POST", "/api/examples", c.body, bearer(testToken))
		var e struct{ Error string }
		json.Unmarshal([]byte(body), &e)
		if code != http.StatusBadRequest || !strings.Contains(e.Error, c.want) {
			t.Errorf("%s: %d %s, want 400 with %q", c.name, code, body, c.want)
		}
	}
	if _, err := os.Stat(f.examplesPath()); err == nil {
		t.Error("a bad request wrote examples.txt")
	}
	if f.reloads != 0 {
		t.Errorf("%d reloads for bad requests", f.reloads)
	}
	// 200 characters is still fine.
	if code, body := f.do("POST", "/api/examples", `{"question":"`+strings.Repeat("社", 200)+`","measure":2}`, bearer(testToken)); code != http.StatusOK {
		t.Errorf("200 characters: %d %s", code, body)
	}
	for _, q := range []string{"kind=bogus", "", "kind=none&limit=0", "kind=none&limit=abc", "kind=none&limit=501", "kind=down&limit=-1"} {
		if code, body := f.do("GET", "/api/questions?"+q, "", bearer(testToken)); code != http.StatusBadRequest || !strings.Contains(body, `"error"`) {
			t.Errorf("questions?%s: %d %s", q, code, body)
		}
	}
}

type questionsReply struct {
	Questions []struct {
		Text     string `json:"text"`
		Count    int    `json:"count"`
		Kind     string `json:"kind"`
		Measures []int  `json:"measures"`
		Last     string `json:"last"`
	} `json:"questions"`
}

func (f *fixture) questions(kind string) questionsReply {
	f.t.Helper()
	code, body := f.do("GET", "/api/questions?kind="+kind+"&limit=100", "", bearer(testToken))
	var r questionsReply
	if code != http.StatusOK || json.Unmarshal([]byte(body), &r) != nil {
		f.t.Fatalf("questions: %d %s", code, body)
	}
	return r
}

func (r questionsReply) has(text string) bool {
	for _, q := range r.Questions {
		if q.Text == text {
			return true
		}
	}
	return false
}

func TestQuestionsAndSummary(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	declined, _ := pickDeclined(t, f.engine.Index())
	f.ask(1, declined)
	f.ask(2, declined)
	f.ask(2, "社保能缓交吗")
	none := f.questions("none")
	if len(none.Questions) != 1 || none.Questions[0].Text != declined || none.Questions[0].Count != 2 || none.Questions[0].Kind != "none" {
		t.Fatalf("none: %+v", none)
	}
	if _, err := time.Parse(time.RFC3339, none.Questions[0].Last); err != nil {
		t.Errorf("last is not RFC 3339: %q", none.Questions[0].Last)
	}
	code, body := f.do("GET", "/api/summary", "", bearer(testToken))
	var s struct {
		Days []struct {
			Day   string
			Count int
		}
		Kinds []struct {
			Kind  string
			Count int
			Share float64
		}
		TopMeasures []struct{ Measure, Asked int } `json:"top_measures"`
	}
	if code != http.StatusOK || json.Unmarshal([]byte(body), &s) != nil {
		t.Fatalf("summary: %d %s", code, body)
	}
	if len(s.Days) != summaryDays || s.Days[len(s.Days)-1].Count != 3 || len(s.TopMeasures) != 1 || s.TopMeasures[0].Measure != 2 {
		t.Errorf("summary: %s", body)
	}

	// /forget takes a chat's questions off every list and count.
	if _, err := f.engine.Handle(context.Background(), 2, dialog.Event{Kind: dialog.Command, Command: "forget"}); err != nil {
		t.Fatal(err)
	}
	none = f.questions("none")
	if len(none.Questions) != 1 || none.Questions[0].Count != 1 {
		t.Errorf("after chat 2's /forget: %+v", none)
	}
	f.engine.Handle(context.Background(), 1, dialog.Event{Kind: dialog.Command, Command: "forget"})
	if none = f.questions("none"); len(none.Questions) != 0 {
		t.Errorf("after both chats' /forget: %+v", none)
	}
	_, body = f.do("GET", "/api/summary", "", bearer(testToken))
	json.Unmarshal([]byte(body), &s)
	if s.Days[len(s.Days)-1].Count != 0 || len(s.TopMeasures) != 0 {
		t.Errorf("summary after /forget: %s", body)
	}
	_, page := f.do("GET", "/", "", bearer(testToken))
	if strings.Contains(page, declined) {
		t.Error("the page still shows a forgotten question")
	}
}

// TestAssignmentLive assigns a declined question to its measure through
// the API: 200 comes once the rebuilt index serves, so the very next ask
// gets the measure; the question leaves the list and is not added twice.
func TestAssignmentLive(t *testing.T) {
	if testing.Short() {
		t.Skip("rebuilds the index")
	}
	f := newFixture(t, fixtureConfig{live: true, token: testToken})
	declined, declinedMeasure := pickDeclined(t, f.engine.Index())
	if r := f.ask(1, declined); r.Kind != seeds.KindNone {
		t.Fatalf("%q before assignment: %s %v; the test needs a declined question", declined, r.Kind, r.Measures)
	}
	if !f.questions("none").has(declined) {
		t.Fatal("the declined question is not listed")
	}
	// Another guide served from the same data directory (a city-wide bot)
	// does not rebuild for this guide's example.
	other, err := seeds.Load(filepath.Join("..", "..", "seeds", "testdata", "other_district.txt"))
	if err != nil {
		t.Fatal(err)
	}
	otherFP, err := index.Fingerprint(other, index.WithDataDir(f.dir))
	if err != nil {
		t.Fatal(err)
	}
	body := `{"question":"` + declined + `","measure":` + strconv.Itoa(declinedMeasure) + `}`
	start := time.Now()
	code, resp := f.do("POST", "/api/examples", body, bearer(testToken))
	took := time.Since(start)
	if code != http.StatusOK || !strings.Contains(resp, `"added":true`) || !strings.Contains(resp, `"reloaded":true`) {
		t.Fatalf("assign: %d %s", code, resp)
	}
	t.Logf("POST /api/examples answered in %v", took.Round(time.Millisecond))
	deadline := time.Now().Add(time.Second)
	r := f.ask(3, declined)
	if time.Now().After(deadline) || r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0] != declinedMeasure {
		t.Errorf("asked again after the 200: %s %v, want 第%d条", r.Kind, r.Measures, declinedMeasure)
	}
	if f.questions("none").has(declined) {
		t.Error("the assigned question is still listed")
	}
	data, _ := os.ReadFile(f.examplesPath())
	if !strings.Contains(string(data), "["+strconv.Itoa(declinedMeasure)+"]\n"+declined+"\n") {
		t.Errorf("examples.txt:\n%s", data)
	}
	if fp, err := index.Fingerprint(other, index.WithDataDir(f.dir)); err != nil || fp != otherFP {
		t.Errorf("another guide's index fingerprint changed with this guide's example: %s → %s (%v)", otherFP, fp, err)
	}
	// Again (even spelled with full-width spaces): not added twice.
	code, resp = f.do("POST", "/api/examples", `{"question":"  `+declined+`\u3000","measure":`+strconv.Itoa(declinedMeasure)+`}`, bearer(testToken))
	data2, _ := os.ReadFile(f.examplesPath())
	if code != http.StatusOK || !strings.Contains(resp, `"added":false`) || string(data2) != string(data) {
		t.Errorf("second assignment: %d %s\n%s", code, resp, data2)
	}
	// To another group: a conflict, the file unchanged.
	code, resp = f.do("POST", "/api/examples", `{"question":"`+declined+`","measure":0}`, bearer(testToken))
	if code != http.StatusConflict {
		t.Errorf("conflicting assignment: %d %s", code, resp)
	}
	// Out of scope: a [none] group.
	if code, resp = f.do("POST", "/api/examples", `{"question":"打疫苗在哪里","measure":0}`, bearer(testToken)); code != http.StatusOK {
		t.Errorf("out of scope: %d %s", code, resp)
	}
	data, _ = os.ReadFile(f.examplesPath())
	if !strings.HasSuffix(string(data), "[none]\n打疫苗在哪里\n") {
		t.Errorf("examples.txt after out of scope:\n%s", data)
	}
}

// TestFormWithoutScript: the page's forms work without script: a plain
// form post assigns the question and redirects back with a message.
func TestFormWithoutScript(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	declined, measure := pickDeclined(t, f.engine.Index())
	f.ask(1, declined)
	f.ask(2, "<script>alert(1)</script>")
	_, page := f.do("GET", "/", "", bearer(testToken))
	if !strings.Contains(page, declined) || strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert(1)") {
		t.Fatalf("page does not list the questions escaped:\n%.2000s", page)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(form string) *http.Response {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/examples", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := post("question=" + url.QueryEscape(declined) + "&measure=" + strconv.Itoa(measure))
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/?notice="+noticeAdded {
		t.Fatalf("form post: %d %s", resp.StatusCode, loc)
	}
	if f.questions("none").has(declined) {
		t.Error("the question is still listed after the form post")
	}
	resp = post("question=&measure=7")
	if loc := resp.Header.Get("Location"); loc != "/?notice="+noticeInvalid {
		t.Errorf("bad form post: %d %q", resp.StatusCode, loc)
	}
}

// TestBuiltinBank: a question of the built-in bank is off the lists and is
// not added again; under another measure it is a conflict.
func TestBuiltinBank(t *testing.T) {
	const q = "蜂农 的贷款能不能往后挪挪"
	bank := map[string]string{NormalizeQuestion("蜂农  的贷款能不能往后挪挪"): "10"}
	f := newFixture(t, fixtureConfig{token: testToken, opts: []Option{WithBank(func() map[string]string { return bank })}})
	logAsked(t, f.db, dialog.Asked{ChatID: 1, Question: q, Kind: seeds.KindNone, Time: time.Now()})
	logAsked(t, f.db, dialog.Asked{ChatID: 1, Question: "别的问题", Kind: seeds.KindNone, Time: time.Now()})
	if l := f.questions("none"); l.has(q) || !l.has("别的问题") {
		t.Errorf("lists: %+v", l)
	}
	if code, body := f.do("POST", "/api/examples", `{"question":"`+q+`","measure":10}`, bearer(testToken)); code != http.StatusOK || !strings.Contains(body, `"added":false`) {
		t.Errorf("same group: %d %s", code, body)
	}
	if code, body := f.do("POST", "/api/examples", `{"question":"`+q+`","measure":0}`, bearer(testToken)); code != http.StatusConflict || !strings.Contains(body, "[10]") {
		t.Errorf("other group: %d %s", code, body)
	}
	if _, err := os.Stat(f.examplesPath()); err == nil || f.reloads != 0 {
		t.Errorf("examples.txt written or index reloaded (%d) for a question already in the bank", f.reloads)
	}
}

// withHuairou is a fixture whose handler also serves the Huairou test
// guide (WithGuides), and that guide.
func withHuairou(t *testing.T) (*seeds.Guide, *fixture) {
	t.Helper()
	other, err := seeds.Load(filepath.Join("..", "..", "seeds", "testdata", "guides", "huairou-2022", "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	byID := func(id string) *seeds.Guide {
		if id == index.GuideID(other) {
			return other
		}
		return nil
	}
	return other, newFixture(t, fixtureConfig{token: testToken, opts: []Option{WithGuides(byID)}})
}

// TestExampleForAnotherGuide: with several guides served, an example
// posted with a guide's id is checked against that guide's measures and
// goes to that guide's examples.txt, not the current guide's.
func TestExampleForAnotherGuide(t *testing.T) {
	other, f := withHuairou(t)
	post := func(body string) (int, string) {
		return f.do("POST", "/api/examples", body, bearer(testToken))
	}
	if code, resp := post(`{"question":"怀柔的民宿有补贴吗","measure":41,"guide":"huairou-2022"}`); code != http.StatusOK || !strings.Contains(resp, `"added":true`) {
		t.Fatalf("add: %d %s", code, resp)
	}
	data, err := os.ReadFile(filepath.Join(index.GuideDir(f.dir, other), ExamplesFile))
	if err != nil || !strings.Contains(string(data), "[41]\n怀柔的民宿有补贴吗\n") {
		t.Errorf("the guide's examples.txt: %v\n%s", err, data)
	}
	if _, err := os.Stat(f.examplesPath()); err == nil {
		t.Error("the current guide's examples.txt was written")
	}
	if code, _ := post(`{"question":"怀柔的民宿有补贴吗","measure":99,"guide":"huairou-2022"}`); code != http.StatusBadRequest {
		t.Errorf("a measure the guide lacks: %d, want 400", code)
	}
	if code, _ := post(`{"question":"民宿有补贴吗","measure":1,"guide":"nowhere-2020"}`); code != http.StatusBadRequest {
		t.Errorf("an unknown guide: %d, want 400", code)
	}
	// The page names the guide a question was answered from, and its form
	// posts to that guide.
	err = f.db.Commit(context.Background(), 5, dialog.Commit{Asked: []dialog.Asked{{ChatID: 5, Question: "怀柔的影视剧组有补贴吗", Kind: seeds.KindNone, Time: time.Now(), Guide: "huairou-2022"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, page := f.do("GET", "/", "", bearer(testToken))
	if !strings.Contains(page, "【怀柔区指南（2022年6月15日）】") || !strings.Contains(page, `name="guide" value="huairou-2022"`) || !strings.Contains(page, "data-other-guide") {
		t.Errorf("the page does not name the question's guide:\n%s", page)
	}
}

// TestTopMeasuresByGuide: with several guides served, the page's measure
// tables group measures by guide and title each from its own guide, so
// one number in two guides is never one row.
func TestTopMeasuresByGuide(t *testing.T) {
	other, f := withHuairou(t)
	now := time.Now()
	var asked []dialog.Asked
	for i := range 3 {
		asked = append(asked, dialog.Asked{ChatID: 5, Question: "民宿补贴" + strconv.Itoa(i), Kind: seeds.KindMeasure, Measure: 41, Time: now, Guide: "huairou-2022"})
	}
	asked = append(asked, dialog.Asked{ChatID: 6, Question: "第41条", Kind: seeds.KindMeasure, Measure: 41, Time: now})
	if err := f.db.Commit(context.Background(), 5, dialog.Commit{Asked: asked}); err != nil {
		t.Fatal(err)
	}
	_, page := f.do("GET", "/", "", bearer(testToken))
	_, table, _ := strings.Cut(page, `id="measures"`)
	table, _, _ = strings.Cut(table, "</section>")
	head := strings.Index(table, `<tr class="guide"><th colspan="3">怀柔区指南（2022年6月15日）</th></tr>`)
	own := strings.Index(table, measureTitle(other.Measure(41)))
	if head < 0 || own < head || strings.Count(table, "<b>第41条</b>") != 2 {
		t.Errorf("measure 41 of the two guides is not two rows, the huairou one under its guide:\n%s", table)
	}
}
