package seeds

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrNotText is returned for input that is neither UTF-8, UTF-16 nor
// GB18030 text.
var ErrNotText = errors.New("not a text file (expected UTF-8, UTF-16 or GBK/GB18030)")

// Decode returns src as a UTF-8 string. UTF-8 (with or without a BOM) is
// taken as is; UTF-16 with a BOM, or without one where the NUL bytes say
// so (see utf16Order), is decoded (Word's "Unicode" plain-text export and
// Notepad's "Unicode" are UTF-16LE); anything else is decoded as GB18030,
// a superset of GBK, because government files often come in GBK. Binary
// input is rejected.
func Decode(src []byte) (string, error) {
	if order, ok := utf16Order(src); ok {
		out, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(src)
		if err != nil {
			return "", fmt.Errorf("decode UTF-16: %w", ErrNotText)
		}
		return checkText(string(out))
	}
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

// utf16Order tells whether src is UTF-16 and in which byte order: by its
// BOM (FF FE little-endian, FE FF big-endian; FF FE 00 00 is UTF-32LE,
// not read here), or without a BOM by the NUL bytes ASCII leaves in
// UTF-16: all of them on one side of each two-byte unit (the high byte),
// as many as a text's digits, punctuation and line ends give, and the
// unit's other byte a printable ASCII character or a line end. A binary
// file has its NULs on both sides, and Chinese text in UTF-8 or GBK has
// none, so neither is taken for UTF-16. checkText still judges what the
// decoding gives.
func utf16Order(src []byte) (unicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xfe\x00\x00")):
		return unicode.LittleEndian, false
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		return unicode.LittleEndian, true
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		return unicode.BigEndian, true
	}
	// Look at the start only: a guide's first few KB show its encoding,
	// and a large binary file is not scanned whole.
	head := src[:min(len(src), 1<<14)&^1]
	var nul [2]int   // NULs at even and odd offsets
	var ascii [2]int // units whose other byte is ASCII text, by NUL side
	for i := 0; i+1 < len(head); i += 2 {
		for side := range 2 {
			if head[i+side] != 0 {
				continue
			}
			nul[side]++
			if c := head[i+1-side]; c == '\t' || c == '\n' || c == '\r' || c == '\f' || c >= 0x20 && c < 0x7f {
				ascii[side]++
			}
		}
	}
	units := len(head) / 2
	for side, order := range []unicode.Endianness{unicode.BigEndian, unicode.LittleEndian} {
		// A line end or a digit every 50 characters at least, NULs on the
		// other side at most a quarter of ours (characters U+xx00 such as
		// 一 and 最 put one there), and nearly every NUL beside ASCII text.
		if nul[side] >= max(2, units/50) && nul[1-side]*4 <= nul[side] && ascii[side]*10 >= nul[side]*9 {
			return order, true
		}
	}
	return unicode.LittleEndian, false
}
