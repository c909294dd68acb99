package index

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Short forms of unit names. People name a bureau by the short form its
// own name implies (区人力资源和社会保障局 and 区人力社保局 are 人社 or
// 人力社保; 区税务局 is 税务), so every guide's units get theirs at index
// build, from the names alone: no guide needs an alias file for them.

// unitSuffixes end the names of government units, longest first; the
// stem before one is what people call the unit by.
var unitSuffixes = []string{"委员会", "办公室", "管理部", "中心", "分局", "局", "委", "办"}

// unitAbbreviations are the common abbreviation rules of Chinese
// government unit names: a stem (or part of one) and what it is
// shortened to. Domain knowledge, not one guide's units.
var unitAbbreviations = []struct {
	long   string
	shorts []string
}{
	{"人力资源和社会保障", []string{"人社", "人力社保"}},
	{"人力资源社会保障", []string{"人社", "人力社保"}},
	{"人力社保", []string{"人社"}},
	{"人保", []string{"人社", "人力社保"}},
	{"发展和改革", []string{"发改"}},
	{"发展改革", []string{"发改"}},
	{"经济和信息化", []string{"经信"}},
	{"经济信息化", []string{"经信"}},
	{"市场监督管理", []string{"市场监管", "市监"}},
	{"市场监管", []string{"市监"}},
	{"住房和城乡建设", []string{"住建"}},
	{"住房城乡建设", []string{"住建"}},
	{"文化和旅游", []string{"文旅"}},
	{"文化旅游", []string{"文旅"}},
	// Bureaus merging culture, broadcasting, sport and tourism go by 文旅
	// too, or by the first characters of each (文广旅体).
	{"文化广电体育和旅游", []string{"文旅", "文广旅体", "文旅广体"}},
	{"文化和广电旅游体育", []string{"文旅", "文广旅体"}},
	{"文化广电旅游体育", []string{"文旅", "文广旅体"}},
	{"文化广电和旅游", []string{"文旅", "文广旅"}},
	{"文化广电旅游", []string{"文旅", "文广旅"}},
	{"文化旅游体育", []string{"文旅", "文旅体"}},
	{"卫生健康", []string{"卫健"}},
	{"科学技术", []string{"科技"}},
	{"城市管理", []string{"城管"}},
	{"应急管理", []string{"应急"}},
	{"医疗保障", []string{"医保"}},
	{"国有资产监督管理", []string{"国资"}},
	{"金融服务", []string{"金融"}},
	{"投资促进", []string{"投促"}},
	{"政务服务", []string{"政务"}},
	{"规划和自然资源", []string{"规自", "规划"}},
	{"生态环境", []string{"环保"}},
	{"农业农村", []string{"农业"}},
}

// unitScopeMarkers follow a unit's short form when a question is limited
// to that unit ("人社方面", "税务这块", "商务部门", "人社有哪些"). The
// last ones are kept in the question: they ask for the list.
var unitScopeMarkers = []string{"方面", "部门", "领域", "系统", "条线", "这块", "这边", "那边", "口", "有哪些", "有什么", "有啥", "都有"}

// maxStemRunes bounds a stem no abbreviation rule shortens: longer ones
// ("北京住房公积金管理中心密云") are no names anybody uses.
const maxStemRunes = 6

// unitStem is name without the leading 区 and its unit suffix
// ("区人力社保局" → "人力社保"), and the suffix; "" when name has no such
// ending or no bracket-free stem of two characters or more.
func unitStem(name string) (string, string) {
	if i := strings.Index(name, "（"); i > 0 {
		name = name[:i]
	}
	name = strings.TrimPrefix(name, "区")
	for _, s := range unitSuffixes {
		if stem, ok := strings.CutSuffix(name, s); ok && utf8.RuneCountInString(stem) >= 2 {
			return stem, s
		}
	}
	return "", ""
}

// unitShortForms are the short forms name implies: its stem, and the
// stem's abbreviations ("区人力资源和社会保障局" → 人力资源和社会保障, 人社,
// 人力社保). Each is at least two characters.
func unitShortForms(name string) []string {
	stem, _ := unitStem(name)
	if stem == "" {
		return nil
	}
	out := []string{stem}
	for _, a := range unitAbbreviations {
		if !strings.Contains(stem, a.long) {
			continue
		}
		for _, s := range a.shorts {
			if short := strings.Replace(stem, a.long, s, 1); !slices.Contains(out, short) {
				out = append(out, short)
			}
		}
	}
	if len(out) == 1 && utf8.RuneCountInString(stem) > maxStemRunes {
		return nil
	}
	return out
}

// unitSuffixedForms are the short forms with the unit's suffix, as full
// names people use ("人社局", "发改委").
func unitSuffixedForms(name string) []string {
	stem, suffix := unitStem(name)
	var out []string
	for _, s := range unitShortForms(name) {
		if s != stem {
			out = append(out, s+suffix)
		}
	}
	return out
}
