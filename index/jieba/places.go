package jieba

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Places returns up to n place names of jieba's main dictionary, most
// frequent first: words tagged ns of three or four Han characters that end
// in 省, 市, 区 or 县 (a province, city, district or county, not 东南, 城市
// or 亚太地区).
// The list is general Chinese, the same for every guide; a caller that
// needs "some other place" picks from it.
func Places(n int) ([]string, error) {
	all, err := loadPlaces()
	if err != nil {
		return nil, err
	}
	return slices.Clone(all[:min(n, len(all))]), nil
}

var loadPlaces = sync.OnceValues(func() ([]string, error) {
	f, err := embeddedDict.Open("dict/" + dictFile + ".gz")
	if err != nil {
		return nil, fmt.Errorf("jieba: places: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("jieba: places: %w", err)
	}
	type place struct {
		word string
		freq float64
	}
	var ps []place
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 || fs[2] != "ns" || !isPlace(fs[0]) {
			continue
		}
		if f, err := strconv.ParseFloat(fs[1], 64); err == nil {
			ps = append(ps, place{fs[0], f})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("jieba: places: %w", err)
	}
	slices.SortStableFunc(ps, func(a, b place) int {
		if c := cmp.Compare(b.freq, a.freq); c != 0 {
			return c
		}
		return strings.Compare(a.word, b.word)
	})
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.word
	}
	return out, nil
})

func isPlace(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 3 || n > 4 || !strings.ContainsRune("省市区县", []rune(w)[n-1]) || strings.HasSuffix(w, "地区") || strings.HasPrefix(w, "自治") {
		return false
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
