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

// formerUnitNames are the names owners still use for today's units: the
// bureaus merged away (国税局 and 地税局 into 税务; 工商局, 质监局 and 物价局
// into 市场监管; 劳动局 into 人社), the old spellings (经信委, 卫生局), and a
// unit named by what it does ("管发票的"). Each is found as written in a
// question, so none is a bare word another word holds (工商 is in 个体工商户,
// 经委 in 已经委托). targets are tiers of what the unit is called today, its
// stem or a short form: the first tier some unit of the guide answers to
// gives the unit. Domain knowledge of Chinese government units, not one
// guide's: a guide's own alias file comes first (see newDirectory).
var formerUnitNames = []struct {
	names   []string
	targets [][]string
}{
	{[]string{"国税局", "地税局", "国地税局", "国税分局", "地税分局", "国税所", "地税所", "管发票的", "管税的", "收税的"},
		[][]string{{"税务"}}},
	{[]string{"工商局", "工商分局", "工商所", "工商管理局", "质监局", "质量技术监督局", "技术监督局", "食药监局", "食药监管局", "药监局", "食药局",
		"管执照的", "管营业执照的", "发执照的", "办执照的"},
		[][]string{{"市场监督管理", "市场监管", "市监"}}},
	// Prices were the 物价局's, then 发改's, now market supervision's.
	{[]string{"物价局", "价格监督局"},
		[][]string{{"市场监督管理", "市场监管", "市监"}, {"发展和改革", "发展改革", "发改"}}},
	{[]string{"劳动局", "劳动保障局", "劳动和社会保障局", "劳动社保局", "人事局", "劳动就业局"},
		[][]string{{"人社"}}},
	// Social insurance has its own centre in some districts, else 人社's
	// (a unit the guide calls 区社保局 is found by its own name first).
	{[]string{"社保局", "社保中心", "社保所", "社保处", "管社保的"},
		[][]string{{"社会保险"}, {"人社"}}},
	{[]string{"就业局", "就业中心", "就业办"},
		[][]string{{"就业"}, {"人社"}}},
	{[]string{"卫生局", "卫计委", "卫计局", "卫生计生委", "卫生和计划生育委员会"},
		[][]string{{"卫生健康", "卫健"}}},
	{[]string{"文化局", "旅游局", "文化委", "旅游委", "文体局", "文广局", "文广新局", "文化旅游局"},
		[][]string{{"文化", "旅游", "文旅", "文广"}}},
	{[]string{"房管局", "房管所", "房产局", "房地局", "房屋管理局"},
		[][]string{{"房屋管理", "房产管理", "房管"}, {"住房和城乡建设", "住房城乡建设", "住建", "住房建设"}}},
	{[]string{"建委", "建设局", "城建局"},
		[][]string{{"住房和城乡建设", "住房城乡建设", "住建", "住房建设"}}},
	{[]string{"经信委", "工信委", "经信局", "工信局", "经济委员会", "经济信息化委", "经济和信息化委员会"},
		[][]string{{"经济和信息化", "经济信息化", "经济信息", "经信", "工业和信息化", "工信"}, {"经科信", "科信"}}},
	{[]string{"科委", "科技委", "科技局", "科学技术局", "科学技术委员会"},
		[][]string{{"科学技术", "科技", "科委"}, {"科信"}}},
	{[]string{"发改局", "发改委", "计委", "发展计划委员会"},
		[][]string{{"发展和改革", "发展改革", "发改"}}},
	{[]string{"安监局", "安全监管局", "安全生产监督管理局"},
		[][]string{{"应急管理", "应急"}}},
	{[]string{"国土局", "国土资源局", "国土分局", "规划局", "规划分局"},
		[][]string{{"规划和自然资源", "规划自然资源", "规自", "自然资源"}}},
	{[]string{"农业局", "农委", "农林局"},
		[][]string{{"农业农村", "农业"}}},
	{[]string{"商务委", "商委", "商务局"},
		[][]string{{"商务"}}},
	{[]string{"金融办", "金融局", "金融工作局", "金融服务办"},
		[][]string{{"金融"}}},
	{[]string{"环保局", "环保分局"},
		[][]string{{"生态环境", "环保"}}},
	{[]string{"城管局", "城管委", "城管大队", "城管执法队"},
		[][]string{{"城市管理", "城管"}}},
	{[]string{"公积金中心", "公积金管理中心", "公积金管理部", "管公积金的"},
		[][]string{{"住房公积金", "公积金"}}},
	{[]string{"政务中心", "行政服务中心", "办事大厅", "政务大厅"},
		[][]string{{"政务服务", "行政服务", "行政审批"}}},
}

// formerAliases maps each former or colloquial name (formerUnitNames) to
// the unit of units it names today; a name no unit answers to, or two
// units answer to equally (no one shorter than the rest), is left out.
func formerAliases(units []*Unit) map[string]*Unit {
	out := map[string]*Unit{}
	for _, f := range formerUnitNames {
		var u *Unit
		for _, tier := range f.targets {
			if u = unitAnswering(units, tier); u != nil {
				break
			}
		}
		if u == nil {
			continue
		}
		for _, n := range f.names {
			out[n] = u
		}
	}
	return out
}

// unitAnswering is the unit whose name or short form holds one of
// targets; of several, the one with the shortest name (a bureau before
// its centres: 区人社局 before 区人社局社会保险管理中心), nil on a tie.
func unitAnswering(units []*Unit, targets []string) *Unit {
	var best *Unit
	tie := false
	for _, u := range units {
		if !isUnitName(u.Name) || !answers(u.Name, targets) {
			continue
		}
		switch n := utf8.RuneCountInString(u.Name); {
		case best == nil || n < utf8.RuneCountInString(best.Name):
			best, tie = u, false
		case n == utf8.RuneCountInString(best.Name):
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// answers tells whether a unit's name or one of its short forms holds
// one of targets.
func answers(name string, targets []string) bool {
	forms := append([]string{name}, unitShortForms(name)...)
	for _, t := range targets {
		for _, f := range forms {
			if strings.Contains(f, t) {
				return true
			}
		}
	}
	return false
}

// swappedSuffixForms are a unit's names with 局 for 委 or 委 for 局 (区住建委
// is also called 住建局, 区文旅局 文旅委): districts name the same bureau
// either way, and owners do not keep track of which.
func swappedSuffixForms(name string) []string {
	_, suffix := unitStem(name)
	var other string
	switch suffix {
	case "局":
		other = "委"
	case "委", "委员会":
		other = "局"
	default:
		return nil
	}
	var out []string
	for _, s := range unitShortForms(name) {
		out = append(out, s+other)
	}
	return out
}
