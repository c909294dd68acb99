package seeds

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

const larkDir = "testdata/formats/yunxi-2022-lark-docx/"

// TestLarkGuide: yunxi-2022-lark-docx's head, every measure numbered from
// its ordered block's sequence (auto across headings, 8 set after the
// callout), struck-through figures dropped, units from the child lines,
// contacts from the merged table; nothing of the callout, the editor's
// comment, the table's note or the 版记.
func TestLarkGuide(t *testing.T) {
	g := mustParseFile(t, larkDir+"guide.txt")
	if g.Title != "云溪区稳经济助企纾困政策措施工作指南（2022年7月）" || g.Issuer != "澄湖市云溪区人民政府办公室" || g.Published != "2022-07-08" {
		t.Errorf("head %q %q %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 18 || len(g.Sections) != 5 {
		t.Fatalf("%d measures, %d sections", len(g.Measures), len(g.Sections))
	}
	for i, m := range g.Measures {
		if m.Number != i+1 {
			t.Fatalf("measure %d numbered %d", i+1, m.Number)
		}
	}
	for n, want := range map[int]string{
		2:  "减按25%计入应纳税所得额，按20%的税率缴纳企业所得税",
		6:  "返还比例提高至90%，",
		9:  "减免租金的30%给予补贴",
		12: "按余额增量的2%提供",
		1:  "集中退还到位，可通过湖川省电子税务局在线申请",
	} {
		if m := g.Measure(n); m == nil || !strings.Contains(m.Text+strings.Join(m.Details, ""), want) {
			t.Errorf("measure %d lacks %q: %+v", n, want, m)
		}
	}
	for n, want := range map[int][2]string{
		1:  {"区税务局", "区财政局"},
		6:  {"区人社局", "区财政局"},
		9:  {"区住建局", "区税务局、区财政局"},
		13: {"区财政局", "区金融办"},
		16: {"区市场监管局", ""},
	} {
		m := g.Measure(n)
		if m == nil || strings.Join(m.Lead, "、") != want[0] || strings.Join(m.Support, "、") != want[1] {
			t.Errorf("measure %d: units %v %v, want %v", n, m.Lead, m.Support, want)
		}
	}
	for n, want := range map[int][]string{
		1:  {"区税务局 周海 0735-5521101", "区税务局 纳税服务热线 12366 （24小时）", "区财政局 郑凯 0735-5521201"},
		5:  {"区人社局 何静 0735-5521301 （工作日8:30—17:30）"},
		9:  {"区税务局 吴兰 5521103", "区住建局 邓宇 0735-5521501"},
		13: {"区财政局 郑凯 0735-5521201", "云溪区融资担保有限公司 袁博 0735-5521702"},
		16: {"区市场监管局 0735-5521901"},
		17: {"区行政审批局 彭程 yx_spj@example.cn", "区行政审批局 政务服务便民热线 12345"},
		18: {"区营商办 蔡宁 0735-5522001、13907355678"},
	} {
		if m := g.Measure(n); m == nil || !reflect.DeepEqual(contactLines(m), want) {
			t.Errorf("measure %d: contacts %q, want %q", n, contactLines(m), want)
		}
	}
	var all strings.Builder
	for _, m := range g.Measures {
		all.WriteString(m.Text + strings.Join(m.Details, "") + strings.Join(contactLines(&m), " "))
	}
	for _, stale := range []string{"5520000", "5520088", "5520099", "温馨提示", "请核对", "50%25%", "60%90%", "抄送", "汇编见"} {
		if strings.Contains(all.String(), stale) {
			t.Errorf("%q read into a measure", stale)
		}
	}
}

// TestLarkScrambled: the corrupted copy of yunxi-2022-lark-docx reads as
// the clean guide: the same measures, head, units, contacts and openings.
func TestLarkScrambled(t *testing.T) {
	want, got := mustParseFile(t, larkDir+"guide.txt"), mustParseFile(t, larkDir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Published != want.Published || got.Issuer != want.Issuer {
		t.Fatalf("%d measures of %d; %q %q %q", len(got.Measures), len(want.Measures), got.Title, got.Published, got.Issuer)
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil {
			t.Errorf("measure %d missing", w.Number)
			continue
		}
		if !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !reflect.DeepEqual(m.Lead, w.Lead) || !strings.HasPrefix(m.Text, w.Text[:min(len(w.Text), 30)]) {
			t.Errorf("measure %d: %q %q, clean %q %q", w.Number, m.Text, contactLines(m), w.Text, contactLines(&w))
		}
	}
}

// larkSample is an export as another script cuts it: page 2 before page 1
// and escaped, a measure's unit line opening page 2 before its parent, an
// explicit sequence after a callout, a struck figure, an editor's comment
// with an @-mention, and a contact table with a 序号 column and a unit
// merged over two rows.
const larkSample = `// page 2
{"code":0,"data":{"has_more":false,"items":[
{"block_id":"u1","block_type":2,"parent_id":"o1","text":{"elements":[{"text_run":{"content":"\u7275\u5934\u5355\u4f4d\uff1a\u533a\u7a0e\u52a1\u5c40","text_element_style":{}}}],"style":{"align":1}}},
{"block_id":"co","block_type":19,"parent_id":"pg","children":["ct"],"callout":{}},
{"block_id":"ct","block_type":2,"parent_id":"co","text":{"elements":[{"text_run":{"content":"专线0735-5520000。"}}]}},
{"block_id":"cm","block_type":2,"parent_id":"pg","text":{"elements":[{"text_run":{"content":"（"}},{"mention_user":{"user_id":"ou_x"}},{"text_run":{"content":"请核对）"}}]}},
{"block_id":"o2","block_type":13,"parent_id":"pg","children":[],"ordered":{"elements":[{"text_run":{"content":"乙措施，补贴"}},{"text_run":{"content":"50%","text_element_style":{"strikethrough":true}}},{"text_run":{"content":"30%。"}}],"style":{"sequence":"5"}}},
{"block_id":"o3","block_type":13,"parent_id":"pg","children":[],"ordered":{"elements":[{"text_run":{"content":"丙措施。"}}],"style":{"sequence":"auto"}}},
{"block_id":"tb","block_type":31,"parent_id":"pg","children":["c0","c1","c2","c3","c4","c5","c6","c7","c8"],"table":{"cells":["c0","c1","c2","c3","c4","c5","c6","c7","c8"],"property":{"column_size":3,"row_size":3,"merge_info":[{"row_span":1,"col_span":1},{"row_span":1,"col_span":1},{"row_span":1,"col_span":1},{"row_span":1,"col_span":1},{"row_span":1,"col_span":1},{"row_span":2,"col_span":1},{"row_span":1,"col_span":1},{"row_span":1,"col_span":1},{"row_span":1,"col_span":1}]}}},
{"block_id":"c0","block_type":32,"parent_id":"tb","children":["t0"],"table_cell":{}},{"block_id":"t0","block_type":2,"parent_id":"c0","text":{"elements":[{"text_run":{"content":"序号"}}]}},
{"block_id":"c1","block_type":32,"parent_id":"tb","children":["t1"],"table_cell":{}},{"block_id":"t1","block_type":2,"parent_id":"c1","text":{"elements":[{"text_run":{"content":"政策措施（编号）"}}]}},
{"block_id":"c2","block_type":32,"parent_id":"tb","children":["t2"],"table_cell":{}},{"block_id":"t2","block_type":2,"parent_id":"c2","text":{"elements":[{"text_run":{"content":"联系电话"}}]}},
{"block_id":"c3","block_type":32,"parent_id":"tb","children":["t3"],"table_cell":{}},{"block_id":"t3","block_type":2,"parent_id":"c3","text":{"elements":[{"text_run":{"content":"1"}}]}},
{"block_id":"c4","block_type":32,"parent_id":"tb","children":["t4"],"table_cell":{}},{"block_id":"t4","block_type":2,"parent_id":"c4","text":{"elements":[{"text_run":{"content":"4-5"}}]}},
{"block_id":"c5","block_type":32,"parent_id":"tb","children":["t5"],"table_cell":{}},{"block_id":"t5","block_type":2,"parent_id":"c5","text":{"elements":[{"text_run":{"content":"0735-5521101"}}]}},
{"block_id":"c6","block_type":32,"parent_id":"tb","children":["t6"],"table_cell":{}},{"block_id":"t6","block_type":2,"parent_id":"c6","text":{"elements":[{"text_run":{"content":"2"}}]}},
{"block_id":"c7","block_type":32,"parent_id":"tb","children":["t7"],"table_cell":{}},{"block_id":"t7","block_type":2,"parent_id":"c7","text":{"elements":[{"text_run":{"content":"6"}}]}},
{"block_id":"c8","block_type":32,"parent_id":"tb","children":["t8"],"table_cell":{}},{"block_id":"t8","block_type":2,"parent_id":"c8","text":{"elements":[{"text_run":{"content":""}}]}},
{"block_id":"nt","block_type":2,"parent_id":"pg","text":{"elements":[{"text_run":{"content":"汇总电话：5520088"}}]}}
]},"msg":"success"}
// page 1
{"code":0,"data":{"has_more":true,"items":[
{"block_id":"pg","block_type":1,"parent_id":"","children":["h1","o1","co","cm","h2","o2","o3","tb","nt"],"page":{"elements":[{"text_run":{"content":"某区指南"}}]}},
{"block_id":"h1","block_type":4,"parent_id":"pg","heading2":{"elements":[{"text_run":{"content":"一、税费"}}]}},
{"block_id":"o1","block_type":13,"parent_id":"pg","children":["u1"],"ordered":{"elements":[{"text_run":{"content":"甲措"}},{"text_run":{"content":"施。"}}],"style":{"sequence":"4"}}},
{"block_id":"h2","block_type":4,"parent_id":"pg","heading2":{"elements":[{"text_run":{"content":"二、金融"}}]}}
],"page_token":"x"},"msg":"success"}
`

// TestLarkSample reads larkSample: tree order over page order, the
// orphan unit line under its measure, numbers from the sequences, the
// struck figure, comment, callout and note dropped, the merged phone
// carried down and the 序号 column dropped.
func TestLarkSample(t *testing.T) {
	out, unread, _ := larkText(larkSample)
	want := []string{"某区指南", "一、税费", "4. 甲措施。（牵头单位：区税务局）", "二、金融", "5. 乙措施，补贴30%。", "6. 丙措施。",
		"序号\t政策措施\t联系电话", "4\t/\t0735-5521101", "6\t/\t0735-5521101"}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("%q not in\n%s", w, out)
		}
	}
	for _, noise := range []string{"5520000", "5520088", "请核对", "50%"} {
		if strings.Contains(out, noise) {
			t.Errorf("%q read:\n%s", noise, out)
		}
	}
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
}

// TestLarkDamage: a text that is no export comes back unchanged; a
// truncated export gives the blocks it holds; a block broken mid-way is
// read field by field and reported; a copy with many sentences moved
// still reads most measures. None panics.
func TestLarkDamage(t *testing.T) {
	for _, s := range []string{"", "一、税费\n1. 措施。", `{"block_id": 1}`, pptxSample, `{"block_id":"a","block_type":1,"children":["a"],"parent_id":"","page":{"elements":[]}}`} {
		if out, _, _ := larkText(s); out != s {
			t.Errorf("%q read as %q", s[:min(len(s), 40)], out)
		}
	}
	cut := larkSample[:strings.Index(larkSample, `{"block_id":"o3"`)+40]
	if out, _, _ := larkText(cut); !strings.Contains(out, "5. 乙措施") {
		t.Errorf("truncated export read as\n%s", out)
	}
	broken := strings.Replace(larkSample, `"乙措施，补贴"}}`, `"乙措施，补贴"}`, 1)
	out, unread, _ := larkText(broken)
	if !strings.Contains(out, "5. 乙措施，补贴30%") || len(unread) == 0 {
		t.Errorf("broken block read as\n%s\nunread %v", out, unread)
	}

	b, clean := mustReadParse(t, larkDir+"guide.txt")
	src := string(b)
	half, err := Parse(b[:len(b)/2])
	if err != nil || len(half.Measures) == 0 || half.Title != clean.Title {
		t.Errorf("the file's first half read as %+v", half)
	}
	for seed := uint64(1); seed <= 5; seed++ {
		c := scramble.Scramble(src, scramble.Options{Seed: seed, Moves: 0.1})
		g, err := Parse([]byte(c.Text))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		right := 0
		for _, w := range clean.Measures {
			if m := g.Measure(w.Number); m != nil && reflect.DeepEqual(contactLines(m), contactLines(&w)) {
				right++
			}
		}
		if right*10 < len(clean.Measures)*8 {
			t.Errorf("seed %d (10%% of sentences moved): %d of %d measures with their contacts", seed, right, len(clean.Measures))
		}
	}
}
