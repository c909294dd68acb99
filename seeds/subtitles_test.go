package seeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// srtText writes cues as an SRT file: each cue's lines, numbered from 1,
// a second apart (a cue "@N|…" starts at second N instead; "-|…" has no
// number line).
func srtText(name string, cues ...string) string {
	var b strings.Builder
	if name != "" {
		b.WriteString("===== " + name + " =====\n")
	}
	for k, c := range cues {
		sec, num := k+1, true
		if rest, ok := strings.CutPrefix(c, "-|"); ok {
			c, num = rest, false
		}
		if strings.HasPrefix(c, "@") {
			at, rest, _ := strings.Cut(c[1:], "|")
			fmt.Sscan(at, &sec)
			c = rest
		}
		if num {
			fmt.Fprintf(&b, "%d\n", k+1)
		}
		fmt.Fprintf(&b, "00:00:%02d,000 --> 00:00:%02d,900\n%s\n\n", sec, sec, strings.ReplaceAll(c, "|", "\n"))
	}
	return b.String()
}

const srtPage = "首页 > 政策解读\n\n某区政策解读微视频字幕\n\n发布时间：2022-08-01　　来源：某区融媒体中心\n\n说明：未加区号的电话区号为0123。\n\n"

func TestSubtitles(t *testing.T) {
	type measure struct {
		text     string // prefix
		contacts []string
	}
	tests := []struct {
		name     string
		text     string
		measures []measure
		unread   []string
	}{
		{
			// Item words, a caption, a referral: three measures; the
			// speaker's contact where the words name none.
			name: "items",
			text: srtPage + srtText("某区第1期：税费.srt",
				"[画面：大厅]", "【主持人】", "大家好 欢迎收看", "【区税务局 甲乙】",
				"首先是甲补贴|企业最高补贴", "5000元", "[字幕：第二项 乙补贴]", "乙补贴按月发放|具体找区税务局征收科",
				"丙这一块|每户奖励1万元", "以上政策咨询电话", "区税务局征收科|丙丁 88880001", "区税务局 甲乙 88880002"),
			measures: []measure{
				{"甲补贴，企业最高补贴5000元。", []string{"区税务局 甲乙 88880002"}},
				{"乙补贴。乙补贴按月发放", []string{"区税务局 征收科 丙丁 88880001"}},
				{"丙这一块", []string{"区税务局 甲乙 88880002"}},
			},
		},
		{
			// Cues out of order, one without its number, a line said in
			// two cues, a BOM; a host's question opens a measure, its
			// "那……呢" continues it; a recap opens none.
			name: "cues",
			text: srtPage + "\ufeff" + strings.TrimPrefix(srtText("",
				"【主持人】", "欢迎收看|上期说的甲补贴", "【区金融办 丙丁】", "主持人好",
				"【主持人】", "企业贷款有什么政策", "【区金融办 丙丁】",
				"@9|贷款贴息50%|每户最高", "@8|区里安排贴息", "-|3万元", "3万元|按季度拨付",
				"【主持人】", "那多久到账呢", "【区金融办 丙丁】", "一个月内到账",
				"咨询电话如下", "区金融办 丙丁 88880003"), "\n"),
			measures: []measure{
				// The last measure is one sentence (see body).
				{"企业贷款有什么政策？区里安排贴息；贷款贴息50%，每户最高3万元；按季度拨付；一个月内到账。", []string{"区金融办 丙丁 88880003"}},
			},
		},
		{
			// A topic line names the contact; a phone said in passing in
			// Chinese numerals; the host's own item; two files.
			name: "contacts",
			text: srtPage + srtText("某区第1期：就业.srt",
				"【区人社局 甲乙】", "首先是技能补贴|每人1000元", "另外一个是见习补贴|有问题可以打我们科的", "电话八八八八零零零五",
				"以上政策咨询电话", "技能补贴|区人社局职业能力建设股", "丙丁 88880004", "区人社局就业股 甲乙 88880005") +
				srtText("某区第2期：商贸.srt",
					"【主持人】", "最后提醒大家|消费券在商场发放|具体找区商务局", "到这里就结束了 感谢收看",
					"以上政策咨询电话", "区商务局 戊己 88880006", "区人社局"),
			measures: []measure{
				{"技能补贴", []string{"区人社局 职业能力建设股 丙丁 88880004"}},
				{"见习补贴", []string{"区人社局 就业股 甲乙 88880005"}},
				{"消费券", []string{"区商务局 戊己 88880006"}},
			},
			unread: []string{"区人社局"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := parseText(tt.text)
			if len(g.Measures) != len(tt.measures) {
				t.Fatalf("%d measures, want %d: %+v", len(g.Measures), len(tt.measures), g.Measures)
			}
			for k, w := range tt.measures {
				m := g.Measures[k]
				full := strings.Join(append([]string{m.Text}, m.Details...), "")
				if !strings.HasPrefix(full, w.text) && !strings.Contains(full, w.text) {
					t.Errorf("measure %d: text %q, want %q", m.Number, full, w.text)
				}
				if got := contactLines(&m); strings.Join(got, "|") != strings.Join(w.contacts, "|") {
					t.Errorf("measure %d: contacts %q, want %q", m.Number, got, w.contacts)
				}
			}
			var unread []string
			for _, u := range g.Report.Unread {
				unread = append(unread, u.Line)
			}
			if strings.Join(unread, "|") != strings.Join(tt.unread, "|") {
				t.Errorf("unread %q, want %q", unread, tt.unread)
			}
			if g.Published != "2022-08-01" || g.AreaCode != "0123" {
				t.Errorf("published %q area code %q", g.Published, g.AreaCode)
			}
		})
	}
}

// TestSubtitlesOtherText: a text with too few cues is no subtitle file.
func TestSubtitlesOtherText(t *testing.T) {
	text := "1．某措施。\n00:00:01,000 --> 00:00:02,000\n"
	if got, unread, copies := normalizeSubtitles(text); got != text || unread != nil || copies != nil {
		t.Errorf("changed: %q", got)
	}
}

// TestSubtitlesCopiedHead: a corrupted copy of a subtitle page writes a
// sentence of its head twice. The reader drops the copy and puts the cues
// in timestamp order, so nothing stands out of its place: each measure
// keeps its follow-ups by position, as on the clean page, and the copy is
// only reported.
func TestSubtitlesCopiedHead(t *testing.T) {
	clean := mustParseFile(t, "testdata/formats/liuwan-2022-subtitles/guide.txt")
	copied := mustParseFile(t, "testdata/formats/liuwan-2022-subtitles/scrambled-1.txt")
	if len(copied.Report.Duplicates) == 0 {
		t.Errorf("no copy reported")
	}
	for _, w := range clean.Measures {
		m := copied.Measure(w.Number)
		if m == nil {
			t.Errorf("measure %d missing", w.Number)
			continue
		}
		if !slices.Equal(m.Details, w.Details) {
			t.Errorf("measure %d: follow-ups %q, want %q", w.Number, m.Details, w.Details)
		}
	}
}
