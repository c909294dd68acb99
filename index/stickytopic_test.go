package index

import "testing"

// TestTrial47FollowUps: a follow-up on a new subject leaves the measure
// just discussed, and a hypothetical of the owner's case stays on it.
func TestTrial47FollowUps(t *testing.T) {
	for _, c := range []struct {
		msg     string
		c       Context
		onTopic bool
		first   int // the first measure of the ask's answer; 0: any
	}{
		// 费率 is written by the guarantee-fee measure, not the topic,
		// which writes 担保费用 too.
		{"担保公司收的担保费太贵了，我们做二手车的能按低费率吗", Context{Topic: 9, Question: "首贷在网上办可以吗"}, false, 11},
		// 贷 is no word of utilities; the loan measure is sure.
		{"个体户能贷吗", Context{Topic: 7, Question: "水电费欠了会停吗"}, false, 10},
		// A story of things utilities never write.
		{"出栏的猪卖不出去压在栏里，政府能不能帮着收一批 或者联系超市", Context{Topic: 7, Question: "水电费欠了会停吗"}, false, 0},
		// The search only suggests rent (注册); 缓 is the topic's.
		{"那要是我把店里注册成单位给我俩交呢？以后能缓不", Context{Topic: 2, Question: "我们交的是灵活就业社保 能缓交吗"}, true, 0},
		// 招她 points back at the graduate the story told.
		{"好的谢谢 最后问下 员工是今年毕业的大学生，招她有补贴吗", Context{Topic: 76, Question: "是让员工去社区干活？"}, false, 72},
		// 小店 of 我们这种小店 is the owner's kind; 房租 is what the
		// utilities measure never writes (trial 49).
		{"好 那我们这种小店房租能减吗？房子是街道的", Context{Topic: 7, Question: "想问下水电燃气费欠了会不会给停了"}, false, 4},
		// The owner's kind put to the topic alone stays on it.
		{"那我们这种小店也能缓吗", Context{Topic: 7, Question: "想问下水电燃气费欠了会不会给停了"}, true, 0},
	} {
		rd, err := testIndex.Read(c.msg, c.c)
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%q: %d asks", c.msg, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		if a.OnTopic != c.onTopic {
			t.Errorf("%q after 第%d条: on topic %v, want %v", c.msg, c.c.Topic, a.OnTopic, c.onTopic)
		}
		if c.first != 0 && (len(a.Measures) == 0 || a.Measures[0].Number != c.first) {
			t.Errorf("%q: answered with %v, want 第%d条 first", c.msg, a.Measures, c.first)
		}
	}
}

// TestPhoneToldWhose: a phone the guide lists, told in the story of an
// ask of whose it is, is answered with its contact lines.
func TestPhoneToldWhose(t *testing.T) {
	rd, err := testIndex.Read("有个010-69041298打给我，说是金融办的，是真的吗？是谁", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 1 || rd.Asks[0].Unit == nil || len(rd.Asks[0].Unit.Contacts) == 0 {
		t.Fatalf("asks %+v: want the contact of 010-69041298", rd.Asks)
	}
	for _, c := range rd.Asks[0].Unit.Contacts {
		if c.Unit != "区金融办" {
			t.Errorf("contact %+v: want 区金融办's", c)
		}
	}
}
