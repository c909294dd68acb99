package index

import (
	"slices"
	"testing"
)

// TestWithoutDebtors: a debt owed to the asker is the asker's 被拖欠,
// without its debtor; a wage owed is 欠薪; a debtor said with the asker's
// own word, and a debt the asker owes, stay as told.
func TestWithoutDebtors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"隔壁工厂欠我们饭钱好几个月了,政府管不管", "我们被拖欠饭钱好几个月了,政府管不管"},
		{"还有个事,有个工地欠我们钢材款好几个月了,政府管不管", "还有个事,我们被拖欠钢材款好几个月了,政府管不管"},
		{"有家造纸厂拖欠我废纸款,拖了大半年不给", "我被拖欠废纸款,拖了大半年不给"},
		{"老板跑路了,欠我们十几个工人三个月工资", "老板跑路了,欠薪十几个工人三个月工资"},
		{"我们的客户欠我们货款", "我们的客户欠我们货款"},
		{"我们欠了房东两个月房租", "我们欠了房东两个月房租"},
	} {
		if got, _ := testIndex.withoutDebtors(c.in); got != c.want {
			t.Errorf("withoutDebtors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDebtorsKept: each debt read as the asker's 被拖欠 keeps its debtor,
// the nouns ending its words, stop words left out.
func TestDebtorsKept(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"我们这做汽修的 好多货车司机欠我修车钱", []string{"货车司机"}},
		{"隔壁工厂欠我们饭钱好几个月了", []string{"工厂"}},
		{"人家欠我们钱", []string{""}},
		{"我们的客户欠我们货款", nil},
	} {
		if _, got := testIndex.withoutDebtors(c.in); !slices.Equal(got, c.want) {
			t.Errorf("withoutDebtors(%q) debtors %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWithBillArrears: in a clause naming a utility bill, 拖 is the
// asker's arrears on it (欠); elsewhere, and as 拖欠, it stays as told, and
// 欠 is never changed (a reply quotes the ask).
func TestWithBillArrears(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"另外欠的燃气费能不能也先拖着别停", "另外欠的燃气费能不能也先欠着别停"},
		{"水费拖了三个月,能停水吗", "水费欠了三个月,能停水吗"},
		{"水电费拖欠了三个月", "水电费拖欠了三个月"},
		{"开了个小饭馆,水电和社保都欠着,有啥办法", "开了个小饭馆,水电和社保都欠着,有啥办法"},
		{"电费欠了两个月,一直拖着,会不会停电", "电费欠了两个月,一直拖着,会不会停电"},
		{"工程款一直拖着不给怎么办", "工程款一直拖着不给怎么办"},
	} {
		if got := testIndex.withBillArrears(c.in); got != c.want {
			t.Errorf("withBillArrears(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBillArrearsRanking: a bill the asker owes and puts off asks for the
// measure keeping utilities on (7: 欠费不停供), not the one on arrears owed
// to small firms (22: 账款清欠).
func TestBillArrearsRanking(t *testing.T) {
	for _, q := range []string{
		"另外欠的燃气费能不能也先拖着别停",
		"燃气费拖着没交，会不会停气",
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 || len(rd.Asks[0].Result.Measures) == 0 || rd.Asks[0].Result.Measures[0].Number != 7 {
			t.Errorf("Read(%q): %s, want measure 7 first", q, answerOf(rd))
		}
	}
}
