package index

import "testing"

// TestFillerIsNoAsk: a clause of filler beside a real question ("问问吧",
// "啊？") is no ask of its own: the message has one ask, answered with
// its measure (trial 47: "① 您问：问问吧", "① 您问：啊").
func TestFillerIsNoAsk(t *testing.T) {
	for _, c := range []struct {
		msg   string
		first int
	}{
		{"那我打这个王楠的电话问问吧。另外我俩员工的社保这几个月也交不起，能缓吗", 2},
		{"啊？那我这种单独一家的个体便利店就不能减房租了？", 4},
	} {
		rd, err := testIndex.Read(c.msg, Context{Topic: 4, Question: "国企的房子房租能减吗"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%q: %d asks, want 1", c.msg, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		n := 0
		switch {
		case a.OnTopic:
			n = 4
		case len(a.Measures) > 0:
			n = a.Measures[0].Number
		}
		if n != c.first {
			t.Errorf("%q: about 第%d条, want 第%d条", c.msg, n, c.first)
		}
	}
}

// TestAskerWordPicksNoChoice: while the related measures of utilities are
// offered (the utilities measure among the choices), "个体户能贷吗" names
// only the asker's kind besides the loan: 个体户 does not pick the
// utilities measure, which writes 个体工商户; the loan measure answers.
func TestAskerWordPicksNoChoice(t *testing.T) {
	c := Context{Choices: []int{7, 22, 43, 18}, Listed: []int{22, 43, 18}, Recent: []int{4, 2, 76, 7}, Question: "那水电费呢"}
	rd, err := testIndex.Read("我想贷点款周转下，个体户能贷吗，有没有贴息", c)
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) == 0 {
		t.Fatal("no asks")
	}
	a := rd.Asks[0]
	if a.Pick != 0 || len(a.Measures) == 0 || a.Measures[0].Number != 10 {
		t.Errorf("ask %q: pick %d, measures %v: want 第10条, no pick", a.Text, a.Pick, a.Measures)
	}
}

// TestNumberedAsksStandAlone: the owner's numbered questions are each a
// question of its own: the second is not folded into the first's answer
// as a follow-up on it (车 of the loan measure's 货车司机).
func TestNumberedAsksStandAlone(t *testing.T) {
	rd, err := testIndex.Read("您好，我在密云经开区那边做二手车生意，有个小公司6个人。今年疫情车卖不动，库存压了二十多台车，资金链快断了。1.银行贷款能不能延期 2.有没有卖车的补贴", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 2 {
		t.Fatalf("%d asks, want 2", len(rd.Asks))
	}
	if a := rd.Asks[1]; a.OnTopic {
		t.Errorf("ask %q read as a follow-up on the first", a.Text)
	}
}

// TestCorrectionSetsAside: a correction that takes the talk back to the
// measure before says which one it set aside: the measure last shown.
func TestCorrectionSetsAside(t *testing.T) {
	rd, err := testIndex.Read("我说的是卖猪的事 不是电费", Context{Topic: 7, Recent: []int{10, 7}, Interrupted: true, Question: "猪场电费一个月好几千 疫情那阵欠了 供电所会给我断电吗"})
	if err != nil {
		t.Fatal(err)
	}
	if !rd.Previous || rd.PreviousTopic != 10 || rd.SetAside != 7 {
		t.Errorf("previous %v %d, set aside %d: want back to 第10条, 第7条 set aside", rd.Previous, rd.PreviousTopic, rd.SetAside)
	}
}
