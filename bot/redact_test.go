package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"testing/slogtest"

	tgbot "github.com/go-telegram/bot"
)

func TestRedactor(t *testing.T) {
	const token = "7000000001:AAHsecretPartOfTheToken1234567890ab"
	rd := newRedactor(token)
	for _, in := range []string{
		"Post https://api.telegram.org/bot" + token + "/sendMessage: EOF",
		"token=" + token,
		"escaped " + url.PathEscape(token),
		"half AAHsecretPartOfTheToken1234567890ab",
	} {
		if out := rd.String(in); strings.Contains(out, "AAHsecret") || !strings.Contains(out, redacted) {
			t.Errorf("String(%q) = %q", in, out)
		}
	}
	if out := rd.String("Post https://api.telegram.org/bot" + token + "/getMe"); out != "Post https://api.telegram.org/<redacted>/getMe" {
		t.Errorf("URL form = %q", out)
	}

	inner := &tgbot.TooManyRequestsError{Message: "flood " + token, RetryAfter: 3}
	err := rd.Error(fmt.Errorf("call: %w", inner))
	if strings.Contains(err.Error(), "AAHsecret") {
		t.Errorf("Error() = %q", err)
	}
	var flood *tgbot.TooManyRequestsError
	if !errors.As(err, &flood) || flood.RetryAfter != 3 {
		t.Error("redacted error no longer unwraps")
	}
	if rd.Error(nil) != nil || rd.Error(err) != err {
		t.Error("nil or double redaction")
	}
	if wrapped := fmt.Errorf("outer: %w", err); strings.Contains(wrapped.Error(), "AAHsecret") {
		t.Error("wrapping brings the token back")
	}
}

func TestRedactHandler(t *testing.T) {
	const token = "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ"
	var buf bytes.Buffer
	log := slog.New(newRedactHandler(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}), newRedactor(token)))
	log = log.With("url", "https://x/bot"+token+"/m").WithGroup("g")
	log.Info("msg "+token, "err", errors.New("failed "+token), "s", token, "n", 42,
		"stringer", stringer(token), "group", slog.GroupValue(slog.String("inner", token)), "list", []string{token})
	out := buf.String()
	if strings.Contains(out, "ABCdef") {
		t.Errorf("token in log line: %s", out)
	}
	if !strings.Contains(out, `"n":42`) || strings.Count(out, redacted) < 7 {
		t.Errorf("unexpected log line: %s", out)
	}
}

type stringer string

func (s stringer) String() string { return "stringer " + string(s) }

// The redacting handler keeps slog's handler contract (groups, empty
// attributes and groups, WithAttrs, LogValuers …), checked by
// testing/slogtest over a JSON handler.
func TestRedactHandlerContract(t *testing.T) {
	var buf bytes.Buffer
	h := newRedactHandler(slog.NewJSONHandler(&buf, nil), newRedactor("123456:ABCdefGhIJKlmNoPQRsTUVwxyZ"))
	results := func() []map[string]any {
		var out []map[string]any
		for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			out = append(out, m)
		}
		return out
	}
	if err := slogtest.TestHandler(h, results); err != nil {
		t.Error(err)
	}
}
