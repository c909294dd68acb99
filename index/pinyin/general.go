package pinyin

// This file holds the general word table FromPinyin reads pinyin letters
// against besides the guide's vocabulary: for each toneless spelling, the
// most frequent word of jieba's dictionary written so, and its frequency.
// The table is generated once (internal/genwords) and embedded: 106,000
// spellings, 0.9 MB compressed, 2.5 MB in memory once unpacked, on the first
// message typed in letters.

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/genwords -o words.txt.gz

//go:embed words.txt.gz
var wordsGz []byte

// generalTable is the unpacked table: one string of "spelling\tword\tfreq"
// lines sorted by spelling, and the start of each line.
type generalTable struct {
	data    string
	lines   []uint32
	logSum  float64 // log of the dictionary's total frequency
	longest int     // in syllables
}

var general = sync.OnceValues(func() (*generalTable, error) { return parseGeneral(wordsGz) })

func parseGeneral(gz []byte) (*generalTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("pinyin: word table: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("pinyin: word table: %w", err)
	}
	head, body, ok := strings.Cut(string(raw), "\n")
	total, err := strconv.ParseFloat(strings.TrimPrefix(head, "total "), 64)
	if !ok || err != nil || total <= 0 {
		return nil, fmt.Errorf("pinyin: word table: bad first line %q", head)
	}
	t := &generalTable{data: body, logSum: math.Log(total)}
	for i := 0; i < len(body); {
		t.lines = append(t.lines, uint32(i))
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			break
		}
		key, _, _ := strings.Cut(body[i:i+j], "\t")
		t.longest = max(t.longest, strings.Count(key, " ")+1)
		i += j + 1
	}
	return t, nil
}

// key returns the spelling of line i.
func (t *generalTable) key(i int) string {
	s := t.data[t.lines[i]:]
	if j := strings.IndexByte(s, '\t'); j >= 0 {
		s = s[:j]
	}
	return s
}

// line returns the spelling, word and frequency of line i.
func (t *generalTable) line(i int) (key, word string, freq float64) {
	s := t.data[t.lines[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	key, rest, _ := strings.Cut(s, "\t")
	word, f, _ := strings.Cut(rest, "\t")
	freq, _ = strconv.ParseFloat(f, 64)
	return key, word, freq
}

// lookup returns the word written for a spelling ("fang zi") and its
// frequency.
func (t *generalTable) lookup(key string) (string, float64, bool) {
	if t == nil {
		return "", 0, false
	}
	i := sort.Search(len(t.lines), func(i int) bool { return t.key(i) >= key })
	if i == len(t.lines) {
		return "", 0, false
	}
	k, w, f := t.line(i)
	return w, f, k == key
}

// cost is a word's cost in a reading: minus the log of its probability
// in general text, so a reading's cost is the sum of its words'.
func (t *generalTable) cost(freq float64) float64 {
	if t == nil {
		return -math.Log(max(freq, 1e-9))
	}
	return t.logSum - math.Log(max(freq, 1e-9))
}

// has reports whether the table writes a word for key.
func (t *generalTable) has(key string) bool {
	_, _, ok := t.lookup(key)
	return ok
}
