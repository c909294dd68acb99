package index

import "testing"

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
		if got := testIndex.withoutDebtors(c.in); got != c.want {
			t.Errorf("withoutDebtors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
