package seeds

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// TestLayoutColumns: a page whose lines hold two columns is read as its
// left column, then its right one; a spaced label or a centred line is no
// column gap, and a page of one column comes back as it is.
func TestLayoutColumns(t *testing.T) {
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(n-len([]rune(s)), 4)) }
	for _, tt := range []struct {
		name  string
		lines []string
		want  []string
	}{
		{"two cards side by side, the right one longer",
			[]string{
				pad("卡片 第01号", 40) + "卡片 第02号",
				pad("政策名称：__甲__", 40) + "政策名称：__乙__",
				pad("支持标准：对小微企业", 40) + "支持标准：对个体工商户",
				pad("          减半征收。", 40) + "          按月补贴，",
				pad("备    注：____", 40) + "          每户一千元。",
				strings.Repeat(" ", 40) + "备    注：____",
			},
			[]string{"卡片 第01号", "政策名称：__甲__", "支持标准：对小微企业", "减半征收。", "备    注：____",
				"卡片 第02号", "政策名称：__乙__", "支持标准：对个体工商户", "按月补贴，", "每户一千元。", "备    注：____"}},
		{"a single character before the gap reaches the right column",
			[]string{
				pad("政策名称：__甲__", 30) + "政策名称：__乙__",
				pad("政策内容：对小微企业减半征收", 30) + "政策内容：对个体工商户",
				pad("。", 30) + "办理方式：依申请",
				pad("办理方式：依申请", 30) + "截止时间：长期",
			},
			[]string{"政策名称：__甲__", "政策内容：对小微企业减半征收", "。", "办理方式：依申请",
				"政策名称：__乙__", "政策内容：对个体工商户", "办理方式：依申请", "截止时间：长期"}},
		{"one column: a spaced label and a centred title stay",
			[]string{
				"                    惠企政策明白卡",
				"    政策名称：__甲__",
				"    备    注：联系人同第3卡",
				"    [二维码]  扫码查看",
			},
			[]string{
				"                    惠企政策明白卡",
				"    政策名称：__甲__",
				"    备    注：联系人同第3卡",
				"    [二维码]  扫码查看",
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := layoutColumns(tt.lines)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestCardBoxes: the chosen boxes of a field, "其他：" its text.
func TestCardBoxes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"☑中小微企业 □个体工商户 □社会组织 ☑其他：制造业企业", "中小微企业、制造业企业"},
		{"□免申即享 ☑依申请", "依申请"},
		{"■小微企业 ■个体工商户□社会组织 □其他：____", "小微企业、个体工商户"},
		{"□中小微企业 □其他：______", ""},
		{"长期", "长期"},
	} {
		if got := boxes(tt.in); got != tt.want {
			t.Errorf("boxes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCardText: form cards are read as the policy list, each card under
// its own number: a value wrapped inside its underscores, a reference to
// another card's contacts, a reprint replacing its card, the area code.
func TestCardText(t *testing.T) {
	two := func(l, r string) string { return l + strings.Repeat(" ", max(44-len([]rune(l)), 4)) + r }
	text := strings.Join([]string{
		"某区政策明白卡" + strings.Repeat(" ", 30) + "某区营商办 印制",
		"",
		"        某区政策明白卡",
		"        某区营商办",
		"        2022年7月1日",
		"    卡上电话未注明区号的，区号均为0755。",
		"\f某区政策明白卡" + strings.Repeat(" ", 30) + "某区营商办 印制",
		two("明白卡 No.01", "【卡片 2】"),
		two("AB-2022-01", "AB-2022-02"),
		two("政策名称：____房租减____", "政策名称：____稳岗返还____"),
		two("          __免____", "享受对象：☑中小微企业 □个体工商户"),
		two("享受对象：□中小微企业 ☑个体工商户", "支持标准：按失业保险费的90%返还。"),
		two("支持标准：减免3个月租金。", "办理方式：☑免申即享 □依申请"),
		two("办理方式：□免申即享 ☑依申请", "截止时间：2022年12月31日"),
		two("截止时间：2022年9月30日", "责任单位：____区人社局____"),
		two("责任单位：____区国资中心____", "联系人：__李明__  联系电话：__2881234__"),
		two("联系人：__王芳__  联系电话：__0755-2881200__", "备    注：______"),
		two("备    注：______", "[二维码]  扫码查看"),
		"[二维码]  扫码查看",
		"                 第 2 页 共 3 页",
		"\f某区政策明白卡" + strings.Repeat(" ", 30) + "某区营商办 印制",
		two("【卡片 3】", "明白卡 No.01 修订版"),
		two("政策名称：____扩岗补助____", "政策名称：____房租减免____"),
		two("支持标准：每人1500元。", "支持标准：减免6个月租金。"),
		two("截止时间：______", "截止时间：2022年12月31日"),
		two("责任单位：____区就业中心____", "责任单位：____区国资中心____"),
		two("联系人：______  联系电话：______", "联系人：__王芳__  联系电话：__0755-2881200__"),
		two("备    注：联系人、联系电话同第2卡", "备    注：本卡替代原第1卡"),
		"                 第 3 页 共 3 页",
	}, "\n")
	got, unread, _ := cardText(text)
	want := strings.Join([]string{
		"某区政策明白卡",
		"发布日期：2022-07-01",
		"来源：某区营商办。",
		"联系电话未标注区号的，区号均为0755。",
		"1. 房租减免",
		"政策内容：减免6个月租金。",
		"执行期限：2022年12月31日",
		"责任单位：区国资中心",
		"联系人：王芳",
		"联系电话：0755-2881200",
		"2. 稳岗返还",
		"政策内容：按失业保险费的90%返还。",
		"适用对象：中小微企业；办理方式：免申即享；执行期限：2022年12月31日",
		"责任单位：区人社局",
		"联系人：李明",
		"联系电话：0755-2881234",
		"3. 扩岗补助",
		"政策内容：每人1500元。",
		"责任单位：区就业中心",
		"联系人：李明",
		"联系电话：0755-2881234",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	if plain := "1. 减免房租\n责任单位：区财政局\n联系电话：12345"; func() string { s, _, _ := cardText(plain); return s }() != plain {
		t.Errorf("a text that is no card set changed")
	}
}

// TestCardGuides reads the form-card guides, clean and corrupted (seed 1),
// against their READMEs: every card under its number with its title, and
// each measure's phones exactly; the clean reading also each end date.
func TestCardGuides(t *testing.T) {
	until := regexp.MustCompile(`执行期限：([^；。]+)`)
	for _, tt := range []struct {
		dir   string
		count int
		ends  map[int]string // a measure's 执行期限, "" for none
	}{
		{"testdata/formats/zhuyuan-2022-form-cards", 14, map[int]string{4: "2022年12月31日", 6: "", 10: "长期", 13: "2023年3月31日"}},
	} {
		for _, name := range []string{"guide.txt", "scrambled-1.txt"} {
			t.Run(filepath.Base(tt.dir)+"/"+name, func(t *testing.T) {
				g := mustParseFile(t, filepath.Join(tt.dir, name))
				if len(g.Measures) != tt.count {
					t.Errorf("%d measures, want %d", len(g.Measures), tt.count)
				}
				titles := readmeTitles(t, tt.dir)
				for row, m := range readmeMeasures(t, g, tt.dir, tt.count) {
					if !strings.HasPrefix(m.Text, titles[row.n]) {
						t.Errorf("measure %d: text %q, README title %q", row.n, m.Text, titles[row.n])
					}
					want := readmePhone.FindAllString(strings.Join(row.cells, " "), -1)
					if !sameSet(m.Phones(), want) {
						t.Errorf("measure %d: phones %v, README %v", row.n, m.Phones(), want)
					}
				}
				if name != "guide.txt" {
					return
				}
				for n, want := range tt.ends {
					got := ""
					for _, d := range g.Measure(n).Details {
						if m := until.FindStringSubmatch(d); m != nil {
							got = m[1]
						}
					}
					if got != want {
						t.Errorf("measure %d: 执行期限 %q, want %q", n, got, want)
					}
				}
			})
		}
	}
}

// readmeTitles are the titles of a README's table by measure number, a
// remark after " (" or ";" left out.
func readmeTitles(t *testing.T, dir string) map[int]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) < 4 || !strings.HasPrefix(line, "|") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(cells[0]))
		if err != nil {
			continue
		}
		title, _, _ := strings.Cut(cells[1], " (")
		title, _, _ = strings.Cut(title, ";")
		out[n] = strings.TrimSpace(title)
	}
	return out
}

// TestCardCopies corrupts the form-card guides with seeds 1-20: no card
// gets another's contacts, and nearly every card keeps its own (a copy
// kept where the cards stand in number order, a moved piece put back).
func TestCardCopies(t *testing.T) {
	for _, dir := range []string{"testdata/formats/zhuyuan-2022-form-cards"} {
		b, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
		if err != nil {
			t.Fatal(err)
		}
		clean := mustParseText(t, b)
		kept, all := 0, 0
		for seed := uint64(1); seed <= 20; seed++ {
			g := mustParseText(t, []byte(scramble.Scramble(string(b), scramble.Options{Seed: seed}).Text))
			for _, w := range clean.Measures {
				all++
				m := g.Measure(w.Number)
				if m == nil || len(m.Contacts) == 0 {
					continue
				}
				if !sameContacts(m.Contacts, w.Contacts) {
					t.Errorf("%s seed %d measure %d: contacts %q, clean %q", dir, seed, w.Number, contactLines(m), contactLines(&w))
					continue
				}
				kept++
			}
		}
		if kept*100 < all*97 {
			t.Errorf("%s: %d of %d measures keep their contacts over seeds 1-20", dir, kept, all)
		}
	}
}
