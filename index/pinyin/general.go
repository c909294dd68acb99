package pinyin

// This file holds the general word table FromPinyin reads pinyin letters
// against besides the guide's vocabulary: for each toneless spelling, the
// most frequent word of jieba's dictionary written so, and its frequency.
// The table is generated once (internal/genwords) and embedded: 106,552
// spellings, 0.9 MB compressed, 2.9 MB in memory once unpacked (on the
// first message typed in letters, in 70–100 ms on a busy machine).

import (
	"bufio"
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
	br := bufio.NewReader(zr)
	head, err := br.ReadString('\n')
	var total float64
	var n int
	t := &generalTable{}
	if _, serr := fmt.Sscanf(head, "total %g longest %d lines %d\n", &total, &t.longest, &n); err != nil || serr != nil || total <= 0 || n <= 0 {
		return nil, fmt.Errorf("pinyin: word table: bad first line %q", head)
	}
	var b strings.Builder
	b.Grow(len(gz) * 3)
	if _, err := io.Copy(&b, br); err != nil {
		return nil, fmt.Errorf("pinyin: word table: %w", err)
	}
	t.data, t.logSum = b.String(), math.Log(total)
	t.lines = make([]uint32, 0, n)
	for i := 0; i < len(t.data); {
		t.lines = append(t.lines, uint32(i))
		j := strings.IndexByte(t.data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	if len(t.lines) != n {
		return nil, fmt.Errorf("pinyin: word table: %d lines, header says %d", len(t.lines), n)
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
