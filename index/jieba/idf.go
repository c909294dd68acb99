package jieba

import (
	"compress/gzip"
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"sync"
)

// idfTable is jieba's general-language inverse document frequency table
// (cppjieba's idf.utf8, sorted by word), kept as one string with an index
// of line starts so 260,000 words cost ~8 MB rather than a map's ~30 MB.
type idfTable struct {
	data  string
	lines []uint32 // start of each "word idf" line, in word order
	// The byte length of each line's word (maxWordLen: that long or
	// longer, found again in the line), so that lookups compare words
	// without scanning their lines.
	wordLens []uint8
	// slots index the lines by their word's hash (open addressing, linear
	// probing, at most half full): slot h holds line+1, 0 when empty. A
	// lookup probes one or two slots where a binary search over the 8 MB
	// table compared some 18 words far apart in memory.
	slots []uint32
	seed  maphash.Seed
}

// maxWordLen marks a word too long for wordLens.
const maxWordLen = 255

var loadIDF = sync.OnceValues(func() (*idfTable, error) {
	f, err := embeddedDict.Open("dict/idf_table.utf8.gz")
	if err != nil {
		return nil, fmt.Errorf("jieba: idf table: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("jieba: idf table: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("jieba: idf table: %w", err)
	}
	t := &idfTable{data: string(raw)}
	for i := 0; i < len(t.data); {
		t.lines = append(t.lines, uint32(i))
		w, _ := t.word(len(t.lines) - 1)
		t.wordLens = append(t.wordLens, uint8(min(len(w), maxWordLen)))
		j := strings.IndexByte(t.data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	t.seed = maphash.MakeSeed()
	t.slots = make([]uint32, 1<<bits.Len(uint(2*len(t.lines))))
	for i := range t.lines {
		if _, ok := t.find(t.wordAt(i)); ok {
			continue // a word listed twice: the first line counts
		}
		t.slots[t.slot(t.wordAt(i))] = uint32(i + 1)
	}
	return t, nil
})

// slot is the first empty slot of word's probe sequence, or the slot of
// a line holding the word.
func (t *idfTable) slot(word string) uint64 {
	mask := uint64(len(t.slots) - 1)
	h := maphash.String(t.seed, word) & mask
	for t.slots[h] != 0 && t.wordAt(int(t.slots[h]-1)) != word {
		h = (h + 1) & mask
	}
	return h
}

// find is the line of word, if the table has it.
func (t *idfTable) find(word string) (int, bool) {
	l := t.slots[t.slot(word)]
	return int(l) - 1, l != 0
}

func (t *idfTable) word(i int) (string, string) {
	line := t.data[t.lines[i]:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	w, v, _ := strings.Cut(line, " ")
	return w, v
}

// wordAt is the word of line i, as word gives it.
func (t *idfTable) wordAt(i int) string {
	if n := t.wordLens[i]; n < maxWordLen {
		start := int(t.lines[i])
		return t.data[start : start+int(n)]
	}
	w, _ := t.word(i)
	return w
}

// GeneralIDF returns the inverse document frequency of word in general
// Chinese text, from jieba's table (about 3 for the commonest words, 14 for
// the rarest), and whether the table has the word. It tells a topical word
// (护照 9.7) from chatter (今年 4.3). Safe for concurrent use; the table is
// loaded on first use.
func GeneralIDF(word string) (float64, bool) {
	t, err := loadIDF()
	if err != nil || len(t.lines) == 0 {
		return 0, false
	}
	i, ok := t.find(word)
	if !ok {
		return 0, false
	}
	_, v := t.word(i)
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}
