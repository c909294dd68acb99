package bot

import (
	"html"
	"strings"
	"testing"

	"policybot/dialog"
)

func TestRenderReplySplits(t *testing.T) {
	// A tiny limit makes every rule visible.
	r := dialog.Reply{Text: "第一行 <a>\n第二行 & 第三\n" + strings.Repeat("很长的一句话，", 6) + "\n\n结尾 😀"}
	parts := renderReply(r, 20)
	for _, p := range parts {
		if utf16Len(p) > 20 {
			t.Errorf("part %q has %d units", p, utf16Len(p))
		}
		if strings.Contains(p, "&") && !validEscapes(p) {
			t.Errorf("part %q cuts an escape", p)
		}
		if html.UnescapeString(p) == "" {
			t.Errorf("empty part")
		}
	}
	joined := html.UnescapeString(strings.Join(parts, ""))
	want := strings.NewReplacer("\n", "", " ", "").Replace(r.Text)
	if strings.NewReplacer("\n", "", " ", "").Replace(joined) != want {
		t.Errorf("parts %q lose text", parts)
	}
	// Splits prefer line boundaries: the first two lines fit together.
	if parts[0] != "第一行 &lt;a&gt;" {
		t.Errorf("first part = %q", parts[0])
	}
	// Long lines are cut after punctuation.
	for _, p := range parts[2:4] {
		if !strings.HasSuffix(p, "，") {
			t.Errorf("long line cut mid-phrase: %q", p)
		}
	}

	// Real limit: 5000 characters of one line, with surrogate pairs.
	long := strings.Repeat("😀社保&", 1250)
	parts = renderReply(dialog.Reply{Text: long}, maxMessageUnits)
	if len(parts) < 2 {
		t.Fatalf("parts = %d", len(parts))
	}
	var total strings.Builder
	for _, p := range parts {
		if utf16Len(p) > maxMessageUnits || !utf8Valid(p) {
			t.Errorf("bad part of %d units", utf16Len(p))
		}
		total.WriteString(html.UnescapeString(p))
	}
	if total.String() != long {
		t.Error("parts do not add up")
	}

	// Buttons without text still get a message to hang on; nothing at all
	// gives no message.
	if p := renderReply(dialog.Reply{Buttons: [][]dialog.Button{{{Text: "a", Data: "b"}}}}, 100); len(p) != 1 {
		t.Errorf("button-only reply = %q", p)
	}
	if p := renderReply(dialog.Reply{Text: " \n "}, 100); len(p) != 0 {
		t.Errorf("blank reply = %q", p)
	}
}

func validEscapes(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; i = strings.IndexByte(s, '&') {
		j := strings.IndexByte(s[i:], ';')
		if j < 0 || j > 6 {
			return false
		}
		s = s[i+j+1:]
	}
	return true
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestContactBlockOnlyForMissingPhones(t *testing.T) {
	c := dialog.Contact{Name: "林桂香", Org: "区人保局", Department: "登记征缴科", Phones: []string{"010-69050322"}}
	if p := renderReply(dialog.Reply{Text: "电话 010-69050322", Contacts: []dialog.Contact{c}}, 4096); p[0] != "电话 010-69050322" {
		t.Errorf("phone already in text, got %q", p)
	}
	p := renderReply(dialog.Reply{Text: "请联系区人保局", Contacts: []dialog.Contact{c, {Name: "区税务局", Org: "区税务局", Phones: []string{"12366"}}}}, 4096)
	want := "请联系区人保局\n\n<b>联系方式</b>\n林桂香（区人保局 登记征缴科）：010-69050322\n区税务局：12366"
	if p[0] != want {
		t.Errorf("got %q\nwant %q", p[0], want)
	}
}

func TestTruncation(t *testing.T) {
	if got := truncateUnits("社保能缓交吗", 4); got != "社保能…" {
		t.Errorf("truncateUnits = %q", got)
	}
	if got := escapeTruncated(strings.Repeat("<", 10), 20); utf16Len(got) > 20 || !strings.HasSuffix(got, "…") || !validEscapes(got) {
		t.Errorf("escapeTruncated = %q", got)
	}
}
