package seeds

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"

	"policybot/seeds/scramble"
)

const emlDir = "testdata/formats/wuxi-2022-eml/"

// emlForeign are the phones of wuxi-2022-eml that belong to no measure: the
// sender's office in the cover note and the signature, its mobile and fax,
// the coordinating office in the notice, the mail system's switchboard in
// the HTML footer.
var emlForeign = []string{"0598-83126650", "13905981234", "0598-83126651", "0598-83120011", "0598-83126600"}

// scrambleEML scrambles a raw e-mail message as its sender's text: the
// text/plain part is decoded, scrambled and encoded again in its charset
// and base64, the message around it left as it was (its HTML alternative
// and attachment then disagree with it, as a corrupted forward's would).
// ok is false for anything but such a message.
func scrambleEML(clean []byte, o scramble.Options) (scramble.Copy, []byte, bool) {
	if !isEML(string(clean)) {
		return scramble.Copy{}, nil, false
	}
	msg, err := mail.ReadMessage(bytes.NewReader(clean))
	if err != nil {
		return scramble.Copy{}, nil, false
	}
	var raw []byte
	var charset string
	var find func(ct string, body io.Reader)
	find = func(ct string, body io.Reader) {
		mt, params, _ := mime.ParseMediaType(ct)
		if strings.HasPrefix(mt, "multipart/") {
			mr := multipart.NewReader(body, params["boundary"])
			for raw == nil {
				p, err := mr.NextRawPart()
				if err != nil {
					return
				}
				if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") && strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
					_, ps, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
					raw, _ = io.ReadAll(p)
					charset = ps["charset"]
					return
				}
				find(p.Header.Get("Content-Type"), p)
			}
		}
	}
	find(msg.Header.Get("Content-Type"), msg.Body)
	enc, err := htmlindex.Get(charset)
	if raw == nil || err != nil {
		return scramble.Copy{}, nil, false
	}
	data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(raw)), ""))
	if err != nil {
		return scramble.Copy{}, nil, false
	}
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return scramble.Copy{}, nil, false
	}
	c := scramble.Scramble(string(text), o)
	out, err := enc.NewEncoder().Bytes([]byte(c.Text))
	if err != nil {
		return scramble.Copy{}, nil, false
	}
	b64 := base64.StdEncoding.EncodeToString(out)
	var lines []string
	for len(b64) > 76 {
		lines = append(lines, b64[:76])
		b64 = b64[76:]
	}
	lines = append(lines, b64)
	return c, bytes.Replace(clean, raw, []byte(strings.Join(lines, "\r\n")), 1), true
}

// TestEMLGuide: the clean message reads as its README lists it, its text
// once (no measure twice), the contacts from the HTML table, no phone of
// the sender, the notice or the footer on any measure.
func TestEMLGuide(t *testing.T) {
	g := mustParseFile(t, emlDir+"guide.txt")
	if g.Title != "汀川市梧溪区人民政府办公室关于印发《梧溪区2022年稳经济助企纾困政策工作指南》的通知" || g.Issuer != "汀川市梧溪区人民政府办公室" || g.Published != "2022-06-28" {
		t.Errorf("head: %q %q %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 18 || len(g.Report.Duplicates) != 0 {
		t.Fatalf("%d measures, %d copies; want 18, none", len(g.Measures), len(g.Report.Duplicates))
	}
	want := map[int][]string{
		4:  {"区财政局 林海燕 83122202", "区税务局 纳税服务热线 12366 （工作日8:30-17:00）"},
		7:  {"区人力社保局 吴晓东 0598-83123318、13859801234"},
		9:  {"区国资办 郑雅琴 0598-83124404", "区机关事务中心 许文博 83124455"},
		11: {"区住建局 何丽 0598-83125505"},
		12: {"区金融办 罗斌 luobin@wuxi-jr.example.cn"},
		17: {"区行政服务中心 邓颖 0598-83128808 （工作日8:30-12:00，13:30-17:00）", "区行政服务中心 政务服务热线 12345 （24小时）"},
		18: {"区经信局 孔德明 0598-83126688"},
	}
	for n, w := range want {
		if got := contactLines(g.Measure(n)); !slices.Equal(got, w) {
			t.Errorf("measure %d: contacts %q, want %q", n, got, w)
		}
	}
	for _, m := range g.Measures {
		if len(m.Contacts) == 0 || m.Text == "" || len(m.Lead) == 0 {
			t.Errorf("measure %d: text %q lead %v contacts %v", m.Number, m.Text, m.Lead, m.Contacts)
		}
		for _, c := range m.Contacts {
			for _, p := range c.Phones {
				if slices.Contains(emlForeign, p) {
					t.Errorf("measure %d has the foreign phone %s", m.Number, p)
				}
			}
		}
	}
	if m := g.Measure(13); m == nil || !slices.Equal(m.Lead, []string{"区金融办"}) || !slices.Equal(m.Support, []string{"区经信局"}) {
		t.Errorf("measure 13: %+v", m)
	}
}

// TestEMLScrambled: the corrupted copy (its plain text scrambled, the HTML
// and the attachment as they were) keeps the contacts of the measures
// whose start survived, and no measure takes a foreign phone.
func TestEMLScrambled(t *testing.T) {
	want := mustParseFile(t, emlDir+"guide.txt")
	for seed := 1; seed <= 5; seed++ {
		clean, err := os.ReadFile(emlDir + "guide.txt")
		if err != nil {
			t.Fatal(err)
		}
		sc, src, ok := scrambleEML(clean, scramble.Options{Seed: uint64(seed)})
		if !ok {
			t.Fatal("the format guide is no message scrambleEML reads")
		}
		g, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Report.Duplicates) == 0 || len(sc.LostSentences) == 0 {
			t.Errorf("seed %d: the copy holds no copies or lost nothing", seed)
		}
		kept := 0
		for _, w := range want.Measures {
			m := g.Measure(w.Number)
			if m == nil {
				continue
			}
			if len(m.Contacts) > 0 && !sameContacts(m.Contacts, w.Contacts) {
				t.Errorf("seed %d measure %d: %q, clean %q", seed, w.Number, contactLines(m), contactLines(&w))
			}
			if len(m.Contacts) > 0 {
				kept++
			}
		}
		if kept < 16 {
			t.Errorf("seed %d: %d of 18 measures keep their contacts", seed, kept)
		}
	}
}

// emlCut returns the clean message with old replaced by new (once; the
// test fails if old is not there).
func emlCut(t *testing.T, clean, old, new string) string {
	t.Helper()
	if !strings.Contains(clean, old) {
		t.Fatalf("%q not in the message", old)
	}
	return strings.Replace(clean, old, new, 1)
}

// emlPartAt is the index of the line opening the part with this content
// type (its boundary line above it), and of the boundary line after it.
func emlPartAt(t *testing.T, clean, contentType string) (from, to int) {
	t.Helper()
	at := strings.Index(clean, "Content-Type: "+contentType)
	if at < 0 {
		t.Fatalf("no %s part", contentType)
	}
	from = strings.LastIndex(clean[:at], "\r\n------=_NextPart") + 2
	to = at + strings.Index(clean[at:], "\r\n------=_NextPart") + 2
	return from, to
}

// TestEMLDamaged: a message cut short, without a part, with a part's base64
// damaged or its header block broken gives what is readable, reports what
// was lost, and never panics; a thread saved as text is not taken for a
// message.
func TestEMLDamaged(t *testing.T) {
	b, err := os.ReadFile(emlDir + "guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean := string(b)
	htmlFrom, htmlTo := emlPartAt(t, clean, "text/html")
	plainFrom, plainTo := emlPartAt(t, clean, "text/plain")
	csvFrom, _ := emlPartAt(t, clean, "text/csv")
	plainBody := clean[plainFrom:plainTo]
	lines := strings.Split(plainBody, "\r\n")
	tests := []struct {
		name     string
		text     string
		measures int              // at least
		contacts map[int][]string // measure → contact lines wanted
		unread   string           // a Why the report must hold
		err      error            // Load's error
	}{
		{name: "no closing boundaries", text: strings.TrimSuffix(strings.TrimSuffix(clean, "\r\n"), "--\r\n------=_NextPart_000_0031_01D88F2A.5B6C7D80--"), measures: 18,
			contacts: map[int][]string{9: {"区国资办 郑雅琴 0598-83124404", "区机关事务中心 许文博 83124455"}}},
		{name: "cut inside the CSV", text: clean[:csvFrom+600], measures: 18, unread: "cut off",
			contacts: map[int][]string{11: {"区住建局 何丽 0598-83125505"}}},
		{name: "no HTML: the CSV's contacts", text: clean[:htmlFrom] + clean[htmlTo:], measures: 18,
			contacts: map[int][]string{
				7:  {"区人力社保局 吴晓东 0598-83123318、13859801234"},
				11: {"区住建局 何丽 83125505"},
				17: {"区行政服务中心 邓颖 0598-83128808 （工作日8:30-12:00，13:30-17:00）", "区行政服务中心 政务服务热线 12345 （24小时）"},
			}},
		{name: "no plain text: the HTML's text and table", text: clean[:plainFrom] + clean[plainTo:], measures: 18,
			contacts: map[int][]string{18: {"区经信局 孔德明 0598-83126688"}, 12: {"区金融办 罗斌 luobin@wuxi-jr.example.cn"}}},
		{name: "a bad base64 line in the plain text", text: emlCut(t, clean, lines[20], "!!!!"+lines[20][4:]), measures: 16, unread: "base64",
			contacts: map[int][]string{1: {"区税务局 陈立平 0598-83121101"}}},
		{name: "the plain text cut off, no HTML or CSV", text: clean[:plainFrom+len(plainBody)/2], measures: 5, unread: "cut off",
			contacts: map[int][]string{}},
		{name: "header block only", text: clean[:strings.Index(clean, "\r\n\r\n")+4], err: ErrEmpty},
		{name: "header cut in a field", text: clean[:strings.Index(clean, "MIME-Version")+20], err: ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "guide.txt")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			g, err := Load(path)
			if tt.err != nil || err != nil {
				if !errors.Is(err, tt.err) && !(tt.err == ErrEmpty && errors.Is(err, ErrFewMeasures)) {
					t.Fatalf("err %v, want %v", err, tt.err)
				}
				return
			}
			if len(g.Measures) < tt.measures {
				t.Errorf("%d measures, want %d at least", len(g.Measures), tt.measures)
			}
			for n, w := range tt.contacts {
				if got := contactLines(g.Measure(n)); !slices.Equal(got, w) {
					t.Errorf("measure %d: %q, want %q", n, got, w)
				}
			}
			for _, m := range g.Measures {
				for _, c := range m.Contacts {
					for _, p := range c.Phones {
						if slices.Contains(emlForeign, p) {
							t.Errorf("measure %d has the foreign phone %s", m.Number, p)
						}
					}
				}
			}
			if tt.unread != "" && !slices.ContainsFunc(g.Report.Unread, func(u Unread) bool { return strings.Contains(u.Why, tt.unread) }) {
				t.Errorf("no unread %q reported: %v", tt.unread, g.Report.Unread)
			}
		})
	}
	// A thread pasted as text (mailText's layout) is no raw message.
	thread, err := os.ReadFile("testdata/formats/zhian-2022-mail-thread/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	if isEML(string(thread)) {
		t.Error("a mail thread saved as text taken for a raw message")
	}
}

// TestEMLHeaders: encoded words in GB2312 and UTF-8, B and Q, a word split
// mid-phrase across two encoded words (the space between goes), and an
// RFC 2231 file name in GBK.
func TestEMLHeaders(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"=?UTF-8?Q?=E8=BD=AC=E5=8F=912022?=\r\n =?UTF-8?Q?=E5=B9=B4?=", "转发2022年"},
		{"=?GB2312?B?zuDPqsf4vq3Qxb7W?=", "梧溪区经信局"},
		{"plain", "plain"},
	} {
		if got := emlHeaderText(tt.in); got != tt.want {
			t.Errorf("emlHeaderText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := emlFilename("attachment;\r\n\tfilename*=GBK''%C1%AA%CF%B5%B7%BD%CA%BD%BB%E3%D7%DC%B1%ED.csv"); got != "联系方式汇总表.csv" {
		t.Errorf("emlFilename = %q", got)
	}
}
