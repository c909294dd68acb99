package index

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
)

// pinyinMessage is a message typed in pinyin letters and the Chinese it
// means (index/pinyin/testdata/pinyin_messages.tsv).
type pinyinMessage struct{ typed, meant string }

func loadPinyinMessages(t *testing.T) []pinyinMessage {
	t.Helper()
	f, err := os.Open("pinyin/testdata/pinyin_messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pinyinMessage
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		typed, meant, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		out = append(out, pinyinMessage{typed, meant})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// hanOnly keeps a text's Chinese characters: a reading is right when it
// writes the same characters, whatever the spaces and punctuation.
func hanOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
}

// answerOf sums up what the bot does with a reading: the kind of each ask's
// decision and its first three measures.
func answerOf(rd Reading) string {
	if rd.Social != nil {
		return "social"
	}
	var b strings.Builder
	for _, a := range rd.Asks {
		fmt.Fprintf(&b, "%s", a.Kind)
		for i, h := range a.Measures {
			if i == 3 {
				break
			}
			fmt.Fprintf(&b, " %d", h.Number)
		}
		b.WriteString("; ")
	}
	return b.String()
}

// TestPinyinMessages reads each message typed in pinyin letters as the
// index does and counts the messages written back as the Chinese meant
// (exact) and those the bot answers as it answers the Chinese (same
// answer).
func TestPinyinMessages(t *testing.T) {
	const minExact, minSame = 53, 67 // floors: the figures reached (before the general table: 25, 47)
	msgs := loadPinyinMessages(t)
	if len(msgs) < 60 {
		t.Fatalf("%d messages; want 60 or more", len(msgs))
	}
	exact, same := 0, 0
	for _, m := range msgs {
		rd, err := testIndex.Read(m.typed, Context{})
		if err != nil {
			t.Fatal(err)
		}
		read := m.typed
		if len(rd.Fixes) > 0 {
			read = rd.Fixes[len(rd.Fixes)-1].To
		}
		want, err := testIndex.Read(m.meant, Context{})
		if err != nil {
			t.Fatal(err)
		}
		okExact := hanOnly(read) == hanOnly(m.meant)
		okSame := answerOf(rd) == answerOf(want)
		if okExact {
			exact++
		}
		if okSame {
			same++
		}
		if !okExact || !okSame {
			t.Logf("%q → %q (want %q); answer %q, for the Chinese %q", m.typed, read, m.meant, answerOf(rd), answerOf(want))
		}
	}
	n := float64(len(msgs))
	t.Logf("pinyin messages: %d; exact %d (%.3f), same answer %d (%.3f)", len(msgs), exact, float64(exact)/n, same, float64(same)/n)
	if exact < minExact || same < minSame {
		t.Errorf("exact %d (floor %d), same answer %d (floor %d)", exact, minExact, same, minSame)
	}
}

// TestPeopleAsWritten: a contact person's name is meant as written, never
// a typo of a lexicon word that reads alike across it (文旅局的葛瑞 is no
// 的哥, a taxi driver); a typo beside a name is still corrected.
func TestPeopleAsWritten(t *testing.T) {
	for _, c := range []struct{ q, unit, fix string }{
		{"文旅局的葛瑞电话", "区文旅局", ""},
		{"葛瑞的电话多少", "区文旅局", ""},
		{"社宝找林桂香吗", "", "社保"},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		var fixed string
		for _, f := range rd.Fixes {
			fixed += f.To
		}
		if !strings.Contains(fixed, c.fix) || c.fix == "" && fixed != "" {
			t.Errorf("Read(%q): fixes %v, want %q", c.q, rd.Fixes, c.fix)
		}
		if c.unit == "" {
			continue
		}
		if len(rd.Asks) == 0 || rd.Asks[0].Result.Unit == nil || rd.Asks[0].Result.Unit.Name != c.unit {
			t.Errorf("Read(%q): no ask about %s", c.q, c.unit)
		}
	}
}
