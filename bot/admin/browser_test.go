package admin

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"policybot/dialog"
	"policybot/seeds"
)

// chromiumPath is Debian's chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// shotsDir receives copies of the screenshots for people to look at, when
// the directory exists or POLICYBOT_SHOTS_DIR names another.
func shotsDir() string {
	if d := os.Getenv("POLICYBOT_SHOTS_DIR"); d != "" {
		return d
	}
	return "/work/wt/admin-shots"
}

// consoleErrors collects what a tab reports as errors: failed loads (a
// missing icon's 404 among them), console.error calls and uncaught
// exceptions.
type consoleErrors struct {
	mu   sync.Mutex
	errs []string
}

func (c *consoleErrors) listen(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				msg = e.Entry.Text + " " + e.Entry.URL
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				for _, a := range e.Args {
					msg += string(a.Value) + " "
				}
			}
		case *runtime.EventExceptionThrown:
			msg = "uncaught: " + e.ExceptionDetails.Text
		}
		if msg != "" {
			c.mu.Lock()
			c.errs = append(c.errs, msg)
			c.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
}

func (c *consoleErrors) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...)
}

// browser starts headless chromium with a fresh profile and returns a tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("POLICYBOT_REQUIRE_BROWSER") != "" {
			t.Fatalf("%s is missing (apt-get install chromium): %v", chromiumPath, err)
		}
		t.Skipf("%s is missing (apt-get install chromium); set POLICYBOT_REQUIRE_BROWSER=1 to fail instead", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

// seedActivity fills the store with a month of questions of every kind
// and some votes, so the charts and lists have something to show.
func seedActivity(t *testing.T, f *fixture) {
	t.Helper()
	now := time.Now()
	asked := []struct {
		q       string
		kind    seeds.Kind
		measure int
	}{
		{"社保能缓交吗", seeds.KindMeasure, 2},
		{"房租能减免吗", seeds.KindMeasure, 0},
		{"公积金可以缓缴吗", seeds.KindMeasure, 3},
		{"人社局电话", seeds.KindUnit, 0},
		{"贷款", "suggest", 10},
		{"我们厂子招了应届生政府给钱吗", seeds.KindChoice, 0},
		{"你好", seeds.KindSmallTalk, 0},
		{"员工被隔离了工资谁出", seeds.KindNone, 0},
	}
	for d := 0; d < 30; d++ {
		for i, a := range asked {
			if (d+i)%3 == 0 || (d*7+i)%5 == 0 {
				logAsked(t, f.db, dialog.Asked{ChatID: int64(1000 + d*10 + i), Question: a.q, Kind: a.kind, Measure: a.measure, Time: now.AddDate(0, 0, -d).Add(-time.Duration(i) * time.Minute)})
			}
		}
	}
	for i, v := range []struct {
		q    string
		m    int
		up   bool
		chat int64
	}{{"社保能缓交吗", 2, true, 1}, {"社保能缓交吗", 2, true, 2}, {"公积金可以缓缴吗", 3, false, 3}, {"个体户能缓交社保吗", 2, false, 4}} {
		logVote(t, f.db, dialog.Feedback{ChatID: v.chat, Question: v.q, Measure: v.m, Up: v.up, Time: now.Add(-time.Duration(i) * time.Hour)})
	}
}

// screenshot saves the whole page, or with top only what the screen shows.
func screenshot(t *testing.T, ctx context.Context, dir, name string, top bool) {
	t.Helper()
	shot := chromedp.FullScreenshot(100)
	if top {
		shot = chromedp.CaptureScreenshot()
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d KB)", path, len(png)>>10)
	if shots := shotsDir(); shots != "" {
		if st, err := os.Stat(shots); err == nil && st.IsDir() {
			os.WriteFile(filepath.Join(shots, name), png, 0o644)
		}
	}
}

// TestReviewPageInBrowser drives the page in headless chromium: log in
// with the form, find a declined question, assign it to its measure, see
// it leave the list, and get that measure when it is asked again.
func TestReviewPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser and rebuilds the index")
	}
	ctx := browser(t)
	f := newFixture(t, fixtureConfig{live: true, token: testToken})
	seedActivity(t, f)
	declined, declinedMeasure := pickDeclined(t, f.engine.Index())
	if r := f.ask(1, declined); r.Kind != seeds.KindNone {
		t.Fatalf("%q: %s %v; the test needs a declined question", declined, r.Kind, r.Measures)
	}
	shots := t.TempDir()
	var console consoleErrors
	console.listen(t, ctx)

	row := `#list-none li.question[data-question="` + declined + `"]`
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#token`)),
		chromedp.SendKeys(chromedp.CSS(`#token`), testToken),
		chromedp.Submit(chromedp.CSS(`#token`)),
		chromedp.WaitVisible(chromedp.CSS(row)),
	)
	if err != nil {
		t.Fatalf("log in and find the declined question: %v", err)
	}
	screenshot(t, ctx, shots, "review-laptop.png", false)
	// The script gave the select every measure (and out of scope).
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector('`+row+` select').options.length`))
	if want := len(f.engine.Index().Guide().Measures) + 2; err != nil || n != want {
		t.Errorf("the select offers %d options, want %d (%v)", n, want, err)
	}

	start := time.Now()
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(row+` select`), strconv.Itoa(declinedMeasure)),
		chromedp.Click(chromedp.CSS(row+` button`)),
		chromedp.WaitNotPresent(chromedp.CSS(row)),
	)
	if err != nil {
		t.Fatalf("assign the question: %v", err)
	}
	t.Logf("assigned in the browser; off the list after %v", time.Since(start).Round(time.Millisecond))
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#status`)))
	if err != nil || !strings.Contains(status, declined) || !strings.Contains(status, "第"+strconv.Itoa(declinedMeasure)+"条") {
		t.Errorf("status line after assigning: %q %v", status, err)
	}
	if r := f.ask(2, declined); r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0] != declinedMeasure {
		t.Errorf("asked through the dialog after assigning: %s %v, want 第%d条", r.Kind, r.Measures, declinedMeasure)
	}

	// A fresh load no longer lists it, on a phone-width screen too.
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(f.srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#list-none`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#list-none li.question[data-question="`+declined+`"]').length`)); err != nil || n != 0 {
		t.Errorf("after reload the question is listed %d times (%v)", n, err)
	}
	// Nothing may be wider than the phone's screen.
	if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 390 {
		t.Errorf("page is %d px wide on a 390 px screen (%v)", w, err)
	}
	screenshot(t, ctx, shots, "review-phone.png", false)
	screenshot(t, ctx, shots, "review-phone-screen.png", true)
	// Login form, page, script, assignment and reload: nothing failed to
	// load (the icon is inline) and nothing was reported as an error.
	if errs := console.all(); len(errs) > 0 {
		t.Errorf("the browser reported %d error(s):\n%s", len(errs), strings.Join(errs, "\n"))
	}
}
