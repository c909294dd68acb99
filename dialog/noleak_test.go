package dialog

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"policybot/dialog/dialogtest"
	"policybot/index"
	"policybot/seeds"
)

// TestNoLeakAcrossGuides (issue 20): no reply on one guide names another
// guide's district, unit, person or phone. Every test guide — the embedded
// one, seeds/testdata/guides/* and seeds/testdata/formats/* — is served in
// turn, and every question file (index/testdata, its guides/, the dialog's
// transcripts) and a set of generic questions (找谁, 区税务局电话, 房租, each
// other guide's district, units, people and phones, the commands, every
// button of those replies) goes through the dialog. A word of another guide
// counts unless the served guide has it too or the user typed it.
// readAs is the read side of a correction note (see understoodAs).
var readAs = regexp.MustCompile(`”按“([^”]*)”理解`)

func TestNoLeakAcrossGuides(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index per test guide")
	}
	guides := loadTestGuides(t)
	questions := noLeakQuestions(t)
	// Each guide gets every generic probe and a rotating share of the
	// rest, so every question is still asked of several guides: asking
	// all of them of every guide grew with the square of the guides (63
	// by stop 50) and took most of the package's half hour.
	stride := 3
	if raceEnabled {
		stride = 14 // the race detector makes each turn ten times slower
	}
	for i, ix := range guides {
		served := guideWords(ix.Guide())
		for _, p := range ix.OwnPlaces() {
			served[p] = true
		}
		foreign := map[string]string{} // word → the guide it belongs to
		for j, other := range guides {
			if j == i {
				continue
			}
			for w := range guideNames(other) {
				if !served[w] && !containsServed(ix.Guide(), w) {
					foreign[w] = other.Guide().Key()
				}
			}
		}
		probes := append(genericProbes(guides, i), questions...)
		t.Run(ix.Guide().Key(), func(t *testing.T) {
			// The guides' chats are independent (an engine and a store
			// each; the indexes are only read): two run at a time, so the
			// package's longest test uses both cores once the others are
			// done. The indexes close when the parent ends, after these.
			t.Parallel()
			e := New(ix, newMemStore(), WithClock(func() time.Time { return today }))
			leaks := 0
			// typed is what the user typed in the current chat: a reply may
			// quote an earlier message of the same owner ("天津分厂…" then,
			// turns later, "“天津”的情况不在本条范围内"), which is the user's
			// word, not another guide's.
			typed := ""
			check := func(asked string, rs []Reply) {
				text, _, _, _ := flatten(rs)
				said := asDigits(asked + "\n" + typed)
				// A correction note quotes the user's words as read
				// （“…bu zai beijing”按“…不在北京”理解）: the user's, not
				// another guide's.
				for _, m := range readAs.FindAllStringSubmatch(text, -1) {
					said += "\n" + m[1]
				}
				for w, owner := range foreign {
					if strings.Contains(text, w) && !strings.Contains(asked, w) && !strings.Contains(typed, w) && !strings.Contains(said, w) {
						leaks++
						if leaks <= 20 {
							t.Errorf("asked %q: the reply names %q of guide %s: …%s…", seeds.Clip(asked, 60), w, owner, around(text, w, 12))
						}
					}
				}
			}
			chat := int64(0)
			for k, p := range probes {
				if (k+i)%stride != 0 && !p.generic {
					continue
				}
				if p.newChat || chat == 0 {
					chat++
					typed = ""
				}
				rs, err := e.Handle(context.Background(), chat, p.event)
				if err != nil {
					t.Fatalf("%+v: %v", p.event, err)
				}
				check(p.asked, rs)
				typed += p.asked + "\n"
				if !p.generic {
					continue
				}
				for _, r := range rs {
					for _, row := range r.Buttons {
						for _, b := range row {
							prs, err := e.Handle(context.Background(), chat, Event{Kind: Press, Data: b.Data})
							if err != nil {
								t.Fatalf("press %s after %q: %v", b.Data, p.asked, err)
							}
							check(p.asked, prs)
						}
					}
				}
			}
			if leaks > 20 {
				t.Errorf("%d leaks in all", leaks)
			}
		})
	}
}

// probe is one event of the no-leak test.
type probe struct {
	event   Event
	asked   string // what the user typed
	newChat bool   // starts a conversation of its own
	generic bool   // its buttons are pressed too, and it is asked under the race detector too
}

// loadTestGuides opens an index over every test guide, the embedded one
// first (the shared test index); the others are closed when the test ends.
func loadTestGuides(t *testing.T) []*index.Index {
	t.Helper()
	paths, _ := filepath.Glob("../seeds/testdata/guides/*/guide.txt")
	formats, _ := filepath.Glob("../seeds/testdata/formats/*/guide.txt")
	files := append(paths, formats...)
	dir := t.TempDir()
	// Each guide's own index, built one per CPU (as index.OpenSet builds,
	// but each with its own segmenter as the bot serving that guide alone
	// has): seventy-odd builds one after another were minutes.
	built := make([]*index.Index, len(files))
	errs := make([]error, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for k := range work {
				g, err := seeds.Load(files[k])
				if err != nil {
					errs[k] = err
					continue
				}
				built[k], errs[k] = index.Open(g, index.WithDataDir(dir), index.WithIndexDir(filepath.Join(dir, g.Key())), index.WithLexiconDir(""))
			}
		})
	}
	for k := range files {
		work <- k
	}
	close(work)
	wg.Wait()
	for _, ix := range built {
		if ix != nil {
			t.Cleanup(func() { ix.Close() })
		}
	}
	for k, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", files[k], err)
		}
	}
	out := append([]*index.Index{testIndex}, built...)
	if len(out) < 8 {
		t.Fatalf("%d test guides", len(out))
	}
	return out
}

// guideNames are the words that name something of a guide: its own
// places, its units, the people and phones of its contacts.
func guideNames(ix *index.Index) map[string]bool {
	out := map[string]bool{}
	for _, p := range ix.OwnPlaces() {
		if utf8.RuneCountInString(p) >= 2 {
			out[p] = true
		}
	}
	for _, u := range ix.Units() {
		out[u.Name] = true
	}
	for _, m := range ix.Guide().Measures {
		for _, c := range m.Contacts {
			for _, p := range c.People {
				if utf8.RuneCountInString(p) >= 2 {
					out[p] = true
				}
			}
			for _, p := range c.Phones {
				out[p] = true
			}
		}
	}
	return out
}

// guideWords are a guide's own names (guideNames), which it may say: its
// measures' contacts and units, and the unit lines it states apart from
// any measure (a knowledge base's phone list).
func guideWords(g *seeds.Guide) map[string]bool {
	out := map[string]bool{}
	own := func(c seeds.Contact) {
		out[c.Unit] = true
		for _, p := range append(slicesOf(c.People), c.Phones...) {
			out[p] = true
		}
	}
	for _, c := range g.Units {
		own(c)
	}
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			own(c)
		}
		for _, u := range append(slicesOf(m.Lead), m.Support...) {
			out[u] = true
		}
	}
	return out
}

func slicesOf(s []string) []string { return append([]string(nil), s...) }

// containsServed reports whether the served guide's own text has w (a
// measure may name a unit or a place another guide also has).
func containsServed(g *seeds.Guide, w string) bool {
	if strings.Contains(g.Title, w) || strings.Contains(g.Issuer, w) || strings.Contains(g.Preamble, w) {
		return true
	}
	for _, s := range g.Sections {
		if strings.Contains(s.Title, w) || strings.Contains(s.Text, w) {
			return true
		}
	}
	for _, s := range g.Subsections {
		if strings.Contains(s.Title, w) {
			return true
		}
	}
	for _, m := range g.Measures {
		if strings.Contains(m.Text, w) || strings.Contains(strings.Join(m.Details, ""), w) ||
			strings.Contains(strings.Join(m.Lead, "、")+"、"+strings.Join(m.Support, "、"), w) {
			return true
		}
		for _, c := range m.Contacts {
			if strings.Contains(c.Unit+c.Department+strings.Join(c.People, "")+strings.Join(c.Phones, "")+strings.Join(c.Emails, ""), w) {
				return true
			}
		}
	}
	return false
}

// genericProbes are the questions any guide is asked: the commands, short
// questions whose answer is the served guide's own, and each other guide's
// district, units, people and phones.
func genericProbes(guides []*index.Index, served int) []probe {
	var out []probe
	add := func(text string) {
		out = append(out, probe{event: Event{Kind: Message, Text: text}, asked: text, newChat: true, generic: true})
	}
	for _, c := range []string{"start", "help", "about", "list", "contact", "match"} {
		out = append(out, probe{event: Event{Kind: Command, Command: c}, asked: "/" + c, newChat: true, generic: true})
	}
	for _, q := range []string{"找谁", "区税务局电话", "房租", "房租能减免吗", "社保能缓交吗", "人社局电话", "你好", "谢谢",
		"还有吗", "上一个", "原文", "什么时候截止", "本区的政策有哪些", "我想找人工", "随便问问"} {
		add(q)
	}
	add = func(text string) { // asked of every guide; buttons not pressed
		out = append(out, probe{event: Event{Kind: Message, Text: text}, asked: text, newChat: true})
	}
	for j, other := range guides {
		if j == served {
			continue
		}
		for _, p := range other.OwnPlaces() {
			add(p + "房租能减免吗")
			add(p + "区税务局电话")
			add("我在" + p + "开店，社保能缓交吗")
		}
		var names []string
		for w := range guideNames(other) {
			names = append(names, w)
		}
		sort.Strings(names)
		for k, w := range names {
			if k%4 == 0 { // a sample of each guide's units, people and phones
				add(w + "电话")
				add(w + "是谁")
			}
		}
	}
	return out
}

// noLeakQuestions are the questions of every question file and the turns
// of every transcript (typed ones; buttons are the served guide's own).
func noLeakQuestions(t *testing.T) []probe {
	t.Helper()
	files, _ := filepath.Glob("../index/testdata/*.jsonl")
	guideFiles, _ := filepath.Glob("../index/testdata/guides/*.jsonl")
	var out []probe
	for _, f := range append(files, guideFiles...) {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		first := true
		for sc.Scan() {
			var q struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &q) != nil || q.Q == "" {
				continue
			}
			out = append(out, probe{event: Event{Kind: Message, Text: q.Q}, asked: q.Q, newChat: first})
			first = false
		}
		fh.Close()
	}
	transcripts, _ := filepath.Glob("testdata/*.jsonl")
	for _, f := range transcripts {
		trs, err := dialogtest.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range trs {
			first := true
			for _, turn := range tr.Turns {
				switch {
				case turn.User != "":
					out = append(out, probe{event: Event{Kind: Message, Text: turn.User}, asked: turn.User, newChat: first})
				case turn.Command != "":
					name, args, _ := strings.Cut(strings.TrimPrefix(turn.Command, "/"), " ")
					out = append(out, probe{event: Event{Kind: Command, Command: name, Text: args}, asked: turn.Command, newChat: first})
				default:
					continue
				}
				first = false
			}
		}
	}
	if len(out) < 1000 {
		t.Fatalf("%d questions", len(out))
	}
	return out
}

// around is the text around the first w, n characters either side.
func around(text, w string, n int) string {
	i := strings.Index(text, w)
	if i < 0 {
		return ""
	}
	before, after := []rune(text[:i]), []rune(text[i+len(w):])
	return string(before[max(0, len(before)-n):]) + w + string(after[:min(n, len(after))])
}

// asDigits writes every Chinese numeral of s as its digit: an owner who
// says "一二三四五企业热线" by voice has said 12345, and a reply may name
// it back ("第11条没有提到“12345”") without naming another guide's hotline.
func asDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if i := strings.IndexRune("零一二三四五六七八九", r); i >= 0 {
			return '0' + rune(utf8.RuneCountInString("零一二三四五六七八九"[:i]))
		}
		if r == '幺' {
			return '1'
		}
		return r
	}, s)
}
