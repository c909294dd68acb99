package seeds

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ErrNotText is returned for input that is neither UTF-8 nor GB18030 text.
var ErrNotText = errors.New("not a text file (expected UTF-8 or GBK/GB18030)")

// Decode returns src as a UTF-8 string. UTF-8 (with or without a BOM) is
// taken as is; anything else is decoded as GB18030, a superset of GBK,
// because government files often come in GBK. Binary input is rejected.
func Decode(src []byte) (string, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if isRTF(src) {
		// A Word document saved as RTF: its text, not its markup (see rtfText).
		return checkText(rtfText(src))
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return "", ErrNotText
	}
	if utf8.Valid(src) {
		return checkText(string(src))
	}
	if invalidUTF8(src)*100 <= len(src) {
		// UTF-8 with a few damaged bytes, not GBK: keep the text readable.
		return checkText(strings.ToValidUTF8(string(src), "\uFFFD"))
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	if err != nil {
		return "", fmt.Errorf("decode GB18030: %w", ErrNotText)
	}
	return checkText(string(out))
}

// checkText rejects decoded text that is mostly control characters or
// replacement characters: a decoder accepts almost any bytes, so this is
// what tells a binary file from text.
func checkText(s string) (string, error) {
	bad, total := 0, 0
	for _, r := range s {
		total++
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || (r >= 0x7f && r < 0xa0) || (r >= 0xe000 && r <= 0xf8ff) {
			bad++
		}
	}
	if total > 0 && bad*10 > total {
		return "", ErrNotText
	}
	return s, nil
}

// invalidUTF8 counts the bytes of src that are not part of valid UTF-8.
func invalidUTF8(src []byte) int {
	n := 0
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			n++
		}
		src = src[max(size, 1):]
	}
	return n
}
