// Command genwords writes the general word table FromPinyin reads pinyin
// letters against (index/pinyin/words.txt.gz): for each toneless spelling
// ("fang zi"), the most frequent word of jieba's dictionary written so
// (房子), with that frequency.
//
// It reads jieba's dictionary from the copy index/jieba embeds (byte-
// identical to the one gojieba ships in its module directory) and the
// readings from go-pinyin, so the table changes only when either does.
// Run it with go generate in index/pinyin.
//
// A word is spelled with every combination of its characters' readings
// (at most 16); a reading other than a character's most common one, and ü
// typed as u (lu for lv), divides the frequency by 8, so 银行 is written
// for "yin hang" but 隐形 wins "yin xing". Words of two or more characters
// rarer than -min are left out; every single character jieba knows is kept,
// so every syllable has a character.
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
)

const (
	maxCombos = 16
	maxRunes  = 5
	penalty   = 16
)

type entry struct {
	word string
	freq float64
}

func main() {
	in := flag.String("dict", "../jieba/dict/jieba.dict.utf8.gz", "jieba dictionary (gzip)")
	out := flag.String("o", "words.txt.gz", "table to write (gzip)")
	minFreq := flag.Float64("min", 20, "least frequency of a word of two or more characters")
	flag.Parse()
	best, total, err := read(*in, *minFreq)
	if err != nil {
		log.Fatal(err)
	}
	if err := write(*out, best, total); err != nil {
		log.Fatal(err)
	}
}

// read returns the best word for each spelling and the dictionary's total
// frequency.
func read(path string, minFreq float64) (map[string]entry, float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("open dictionary: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, 0, fmt.Errorf("read dictionary: %w", err)
	}
	best := map[string]entry{}
	total := 0.0
	args := gopinyin.Args{Style: gopinyin.Normal, Heteronym: true}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, 0, fmt.Errorf("dictionary line %q: %w", sc.Text(), err)
		}
		total += freq
		rs := []rune(fields[0])
		if len(rs) > maxRunes || len(rs) > 1 && freq < minFreq || !allHan(rs) {
			continue
		}
		for key, div := range spellings(rs, args) {
			e := entry{fields[0], freq / div}
			if b, ok := best[key]; !ok || e.freq > b.freq || e.freq == b.freq && e.word < b.word {
				best[key] = e
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read dictionary: %w", err)
	}
	return best, total, nil
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// spellings maps each spelling of rs to the divisor of its frequency.
func spellings(rs []rune, args gopinyin.Args) map[string]float64 {
	type part struct {
		key string
		div float64
	}
	parts := []part{{"", 1}}
	for i, r := range rs {
		syls := gopinyin.SinglePinyin(r, args)
		if len(syls) == 0 {
			return nil
		}
		var next []part
		for _, p := range parts {
			for j, s := range syls {
				div := p.div
				if j > 0 {
					div *= penalty
				}
				sep := " "
				if i == 0 {
					sep = ""
				}
				if div > penalty {
					continue // two rarer readings: a spelling no one means
				}
				next = append(next, part{p.key + sep + s, div})
				if u := strings.ReplaceAll(s, "v", "u"); u != s && div == 1 {
					next = append(next, part{p.key + sep + u, div * penalty})
				}
			}
		}
		if len(next) > maxCombos {
			next = next[:maxCombos]
		}
		parts = next
	}
	out := map[string]float64{}
	for _, p := range parts {
		if d, ok := out[p.key]; !ok || p.div < d {
			out[p.key] = p.div
		}
	}
	return out
}

// write writes the table, sorted by spelling: a first line "total N
// longest L lines M" (the dictionary's total frequency, the most
// syllables of a spelling, the number of lines that follow),
// then "spelling<TAB>word<TAB>frequency" (rounded up to a whole number).
func write(path string, best map[string]entry, total float64) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create table: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close table: %w", cerr)
		}
	}()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("compress table: %w", err)
	}
	bw := bufio.NewWriter(zw)
	keys := make([]string, 0, len(best))
	for k := range best {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare)
	longest := 0
	for _, k := range keys {
		longest = max(longest, strings.Count(k, " ")+1)
	}
	fmt.Fprintf(bw, "total %.0f longest %d lines %d\n", total, longest, len(keys))
	for _, k := range keys {
		e := best[k]
		fmt.Fprintf(bw, "%s\t%s\t%d\n", k, e.word, int64(max(1, e.freq+0.999)))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return zw.Close()
}
