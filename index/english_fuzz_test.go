package index

import (
	"testing"
	"unicode/utf8"
)

// FuzzFromEnglish: whatever a user types, reading it through the English
// glossary never panics, and what it reads is valid UTF-8 of bounded size
// (each English word becomes at most a short Chinese phrase).
func FuzzFromEnglish(f *testing.F) {
	for _, s := range []string{
		"Can we defer social insurance payments?",
		"What's the phone number of 林桂香?",
		"<script>alert(1)</script>",
		"who do I call about rent relief 12345",
		"Hi. Thanks! Bye~",
		"VAT VAT VAT refund refund deadline???",
		"",
	} {
		f.Add(s, false)
	}
	g := testIndex.english
	f.Fuzz(func(t *testing.T, text string, onTopic bool) {
		en, ok := g.fromEnglish(text, onTopic)
		if !ok {
			return
		}
		if !utf8.ValidString(en.text) || !utf8.ValidString(en.understood) {
			t.Fatalf("%q read as invalid UTF-8: %q / %q", text, en.text, en.understood)
		}
		if len(en.text) > 8*len(text)+64 {
			t.Fatalf("%q (%d bytes) read as %d bytes", text, len(text), len(en.text))
		}
	})
}
