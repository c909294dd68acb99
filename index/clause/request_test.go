package clause

import "testing"

// TestContactRequest: a clause asking for a contact to be given or written
// ("请…写出来", "发我一下") is what a message that asks nothing else wants,
// not the clause after it that only says how or why ("带区号", "我要存手机
// 里"); a call told ("银行天天打电话") requests nothing, and a question in
// the message is still its ask.
func TestContactRequest(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"区科委工业科李杰的电话请完整写一下，带区号，我要存手机里", "S:带区号 | S:我要存手机里 | C:区科委工业科李杰的电话请完整写一下"},
		{"请把区人保局所有的联系电话完整写出来，区号也带上，我一个个打", "S:区号也带上 | C:请把区人保局所有的联系电话完整写出来"},
		{"把财政局预算科的号码发我一下，我下午打过去", "S:我下午打过去 | C:把财政局预算科的号码发我一下"},
		{"银行天天打电话，催得我睡不着", "S:银行天天打电话 | A:催得我睡不着"},
		{"区人保局的电话写一下，社保能缓交吗", "S:区人保局的电话写一下 | A:社保能缓交吗"},
	} {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.msg, got, c.want)
		}
	}
}
