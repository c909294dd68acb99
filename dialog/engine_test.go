package dialog

import (
	"context"
	"policybot/seeds"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var ctx = context.Background()

func say(t testing.TB, e *Engine, chat int64, text string) []Reply {
	t.Helper()
	rs, err := e.Handle(ctx, chat, Event{Kind: Message, Text: text})
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return rs
}

func allText(rs []Reply) string {
	text, _, _, _ := flatten(rs)
	return text
}

func TestChatsAreIsolated(t *testing.T) {
	e := newEngine(newMemStore())
	say(t, e, 1, "社保能缓交吗")
	if got := allText(say(t, e, 2, "找谁办")); phoneRe.MatchString(got) {
		t.Errorf("chat 2 answered with chat 1's topic:\n%s", got)
	}
}

func TestForgedButtons(t *testing.T) {
	e := newEngine(newMemStore())
	tag := testIndex.Guide().Hash[:4]
	for _, data := range []string{
		"", "garbage", "1|", "1|||", "2|" + tag + "|m|2", "1|" + tag + "|m|abc", "1|" + tag + "|m|-1", "1|" + tag + "|m|99999",
		"1|" + tag + "|zz|1", "1|" + tag + "|u|12345", "1|" + tag + "|b|x.y", "1|" + tag + "|b|99", "1|" + tag + "|k|nosuch",
		strings.Repeat("x", 65), "1|" + tag + "|q|\xff\xfe", "1|ffff|m|2",
	} {
		rs, err := e.Handle(ctx, 3, Event{Kind: Press, Data: data})
		if err != nil || len(rs) == 0 {
			t.Errorf("%q: %v %v", data, rs, err)
			continue
		}
		if rs[0].Text == "" && rs[0].Notice == "" {
			t.Errorf("%q: empty reply", data)
		}
	}
	rs, _ := e.Handle(ctx, 3, Event{Kind: Press, Data: "1|ffff|m|2"})
	if !strings.Contains(rs[0].Text, "过期") {
		t.Errorf("stale button: %q", rs[0].Text)
	}
	// Browse data for a section or subsection the guide does not have.
	for _, arg := range []string{"99", "1.99", "0.1", "-1.2"} {
		rs, _ := e.Handle(ctx, 3, Event{Kind: Press, Data: "1|" + tag + "|b|" + arg})
		if arg == "-1.2" {
			continue // parses as no section: the table of contents
		}
		if rs[0].Text != "没有这一节。" {
			t.Errorf("browse %q: %q", arg, rs[0].Text)
		}
	}
}

// TestButtonsFitTelegram: every button the engine makes carries at most 64
// bytes of valid data that parses back.
func TestButtonsFitTelegram(t *testing.T) {
	e := newEngine(newMemStore())
	tag := testIndex.Guide().Hash[:4]
	var replies []Reply
	for _, q := range []string{"社保能缓交吗", "房租能减免吗", "人社局电话", "公司注销", "有哪些保险方面的政策"} {
		replies = append(replies, say(t, e, 4, q)...)
	}
	for _, c := range []string{"start", "list", "contact", "about", "help"} {
		rs, _ := e.Handle(ctx, 4, Event{Kind: Command, Command: c})
		replies = append(replies, rs...)
	}
	for _, arg := range []string{"1", "1.2", "0", "5", "5.2"} {
		rs, _ := e.Handle(ctx, 4, Event{Kind: Press, Data: "1|" + tag + "|b|" + arg})
		replies = append(replies, rs...)
	}
	n := 0
	for _, r := range replies {
		for _, row := range r.Buttons {
			for _, b := range row {
				n++
				if len(b.Data) > MaxDataBytes {
					t.Errorf("%q: %d bytes", b.Data, len(b.Data))
				}
				if _, ok := parseCallback(b.Data, tag); !ok {
					t.Errorf("%q does not parse back", b.Data)
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d buttons seen", n)
	}
}

// TestNoInventedPhones: whatever measure is shown, every phone in the reply
// is one the guide lists for that very measure, or, beside a phone in
// doubt, the phone the guide lists for the same person in its other
// measures (seeds.Guide.PhoneElsewhere).
func TestNoInventedPhones(t *testing.T) {
	e := newEngine(newMemStore())
	tag := testIndex.Guide().Hash[:4]
	phone := regexp.MustCompile(`0\d{2}-\d{8}|1[3-9]\d{9}`)
	for _, m := range testIndex.Guide().Measures {
		allowed := m.Phones()
		for _, c := range m.Contacts {
			for _, ph := range c.Phones {
				usual, _ := testIndex.Guide().PhoneElsewhere(c, ph)
				allowed = append(allowed, usual...)
			}
		}
		for _, act := range []string{"m", "c", "d"} {
			rs, err := e.Handle(ctx, 5, Event{Kind: Press, Data: "1|" + tag + "|" + act + "|" + itoa(m.Number)})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range phone.FindAllString(allText(rs), -1) {
				if !slices.Contains(allowed, p) {
					t.Errorf("measure %d (%s): phone %s is not the measure's", m.Number, act, p)
				}
			}
			if !m.HasContact() && phone.MatchString(allText(rs)) {
				t.Errorf("measure %d has no contact but the reply shows a phone", m.Number)
			}
		}
	}
}

func TestRepliesFitAPhone(t *testing.T) {
	e := newEngine(newMemStore())
	tag := testIndex.Guide().Hash[:4]
	for _, m := range testIndex.Guide().Measures {
		rs, _ := e.Handle(ctx, 6, Event{Kind: Press, Data: "1|" + tag + "|m|" + itoa(m.Number)})
		if n := len([]rune(rs[0].Text)); n > maxMessage {
			t.Errorf("measure %d answer is %d characters", m.Number, n)
		}
	}
}

func TestDeadlineStatus(t *testing.T) {
	past := newEngine(newMemStore())
	if got := allText(say(t, past, 1, "公积金能缓缴吗")); !strings.Contains(got, "已于2022年12月31日结束") {
		t.Errorf("2026: %s", got)
	}
	during := New(testIndex, newMemStore(), WithClock(func() time.Time { return time.Date(2022, 7, 1, 0, 0, 0, 0, time.Local) }))
	if got := allText(say(t, during, 1, "公积金能缓缴吗")); !strings.Contains(got, "仍在期限内") {
		t.Errorf("2022: %s", got)
	}
}

// TestDeadlineTimeZone: the last day of a period is a day in the guide's
// time zone. At 09:00 in Beijing on 2022-06-30 (01:00 UTC), the day 留抵退税
// must be done by, the period has not ended, whatever zone the server
// runs in; the next morning it has. With another zone set, its days count.
func TestDeadlineTimeZone(t *testing.T) {
	shanghai := DefaultLocation()
	for _, c := range []struct {
		now  time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2022, 6, 30, 9, 0, 0, 0, shanghai), nil, "仍在期限内"},
		{time.Date(2022, 6, 30, 23, 59, 0, 0, shanghai).In(time.UTC), nil, "仍在期限内"},
		{time.Date(2022, 7, 1, 0, 1, 0, 0, shanghai).In(time.UTC), nil, "已于2022年6月30日结束"},
		// 2022-07-01 01:00 in Beijing is still 2022-06-30 in Los Angeles.
		{time.Date(2022, 7, 1, 1, 0, 0, 0, shanghai), time.FixedZone("PDT", -7*60*60), "仍在期限内"},
	} {
		e := New(testIndex, newMemStore(), WithClock(func() time.Time { return c.now }), WithLocation(c.loc))
		if got := allText(say(t, e, 1, "留抵退税什么时候截止")); !strings.Contains(got, c.want) {
			t.Errorf("%s (zone %v): want %q in\n%s", c.now.UTC(), c.loc, c.want, got)
		}
	}
}

// TestGuideAge: a guide more than a year old says its measures were set
// for their time and whom to call, an epidemic measure says it was one; a
// current guide says neither.
func TestGuideAge(t *testing.T) {
	shanghai := DefaultLocation()
	for _, c := range []struct {
		now       time.Time
		question  string
		want, not []string
	}{
		{today, "餐饮企业做核酸检测的费用有补贴吗", []string{"本条是疫情期间的措施", "指南发布已4年多", "现行政策请致电确认：12345企业服务热线"}, nil},
		{today, "城市更新有什么政策", []string{"指南发布已4年多", "现行政策请致电确认：区住建委 13693508642"}, []string{"疫情期间"}},
		{time.Date(2022, 7, 1, 10, 0, 0, 0, shanghai), "城市更新有什么政策", []string{"指南未写明期限（指南发布于2022年6月18日）"}, []string{"指南发布已", "疫情期间"}},
		{time.Date(2023, 6, 17, 10, 0, 0, 0, shanghai), "城市更新有什么政策", nil, []string{"指南发布已"}},
		{time.Date(2023, 6, 18, 10, 0, 0, 0, shanghai), "城市更新有什么政策", []string{"指南发布已1年多"}, nil},
	} {
		e := New(testIndex, newMemStore(), WithClock(func() time.Time { return c.now }))
		got := allText(say(t, e, 1, c.question))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s on %s: want %q in\n%s", c.question, c.now.Format("2006-01-02"), w, got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s on %s: %q in\n%s", c.question, c.now.Format("2006-01-02"), w, got)
			}
		}
	}
}

func TestFindPeriod(t *testing.T) {
	pub := time.Date(2022, 6, 18, 0, 0, 0, 0, DefaultLocation())
	for text, want := range map[string]string{
		"确保2022年6月30日前符合条件的企业存量留抵税额应退尽退。": "2022-06-30",
		"缓缴期限为2022年4月至12月。":               "2022-12-31",
		"养老、失业、工伤保险费缓缴期限至2022年底。":         "2022-12-31",
		"对购置日期在2022年6月1日至12月31日期间内的乘用车。":  "2022-12-31",
		"今明两年本区国有企业招用高校毕业生。":              "2023-12-31",
		"申报时限：2022年7月1日-9月30日":            "2022-09-30",
		"2022年7月1日—9月30日受理":               "2022-09-30",
		"2022年5月-8月，联系电话010-68863512":     "2022-08-31",
		"加快推进新业态保险试点产品落地。":                "",
	} {
		p := findPeriod([]string{text}, pub)
		got := ""
		if !p.end.IsZero() {
			got = p.end.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("%s → %s, want %s", text, got, want)
		}
	}
}

func TestInline(t *testing.T) {
	e := newEngine(newMemStore())
	ctx := context.Background()
	rs := e.Inline(ctx, 1, "社保", 5)
	if len(rs) == 0 || rs[0].ID != "m2" || !strings.Contains(rs[0].Text, "010-69050322") {
		t.Errorf("%+v", rs)
	}
	if rs := e.Inline(ctx, 1, "明天下雨吗", 5); len(rs) != 0 {
		t.Errorf("out of scope inline: %+v", rs)
	}
	if rs := e.Inline(ctx, 1, "", 5); len(rs) != 0 {
		t.Errorf("empty inline: %+v", rs)
	}
}

func TestFeedbackAndLog(t *testing.T) {
	s := newMemStore()
	e := newEngine(s)
	say(t, e, 8, "社保能缓交吗")
	tag := testIndex.Guide().Hash[:4]
	rs, _ := e.Handle(ctx, 8, Event{Kind: Press, Data: "1|" + tag + "|-|2"})
	if rs[0].Text != "" || rs[0].Notice == "" {
		t.Errorf("vote reply %+v", rs[0])
	}
	if len(s.feedback) != 1 || s.feedback[0].Up || s.feedback[0].Question != "社保能缓交吗" || s.feedback[0].Measure != 2 {
		t.Errorf("feedback %+v", s.feedback)
	}
	if len(s.asked) != 1 || s.asked[0].Kind != seeds.KindMeasure {
		t.Errorf("log %+v", s.asked)
	}
	e.Handle(ctx, 8, Event{Kind: Command, Command: "forget"})
	if len(s.feedback) != 0 || len(s.asked) != 0 || len(s.states) != 0 {
		t.Errorf("/forget left %d %d %d", len(s.feedback), len(s.asked), len(s.states))
	}
}

func TestConcurrentChats(t *testing.T) {
	e := newEngine(newMemStore())
	var wg sync.WaitGroup
	for c := int64(0); c < 16; c++ {
		wg.Add(1)
		go func(c int64) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				say(t, e, c, "社保能缓交吗")
				if got := allText(say(t, e, c, "找谁办")); !strings.Contains(got, "010-69050322") {
					t.Errorf("chat %d: %s", c, got)
				}
			}
		}(c)
	}
	wg.Wait()
}

// BenchmarkTurn times one turn (a question, then a follow-up) with an
// in-memory store, i.e. everything but the disk.
func BenchmarkTurn(b *testing.B) {
	e := newEngine(newMemStore())
	qs := benchQuestions()
	lat := make([]time.Duration, 0, b.N)
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		e.Handle(ctx, 1, Event{Kind: Message, Text: qs[i%len(qs)]})
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// benchQuestions is a conversation exercising every kind of turn: new
// questions, aspects, earlier topics, choices, small talk, out of scope.
func benchQuestions() []string {
	return []string{"社保能缓交吗", "找谁办", "缓缴多久", "能网上办吗", "房租能减免吗", "我们租的是国企的房子", "个体户也行吗",
		"人社局电话", "公积金呢", "上一个", "谢谢啦，再见", "公司注销流程", "我是货车司机，贷款还不上能延期吗", "会影响征信吗"}
}
