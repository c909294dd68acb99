package clause

import "testing"

// TestListItems: in a message that numbers its matters, a statement told
// in one item is the story of that item's ask alone, not the context of
// the ask before it, which names its own subject.
func TestListItems(t *testing.T) {
	m := Split("1.快递驿站能享受什么政策 2.驿站房子是街道提供的，房租能减吗")
	if len(m.Asks) != 2 || len(m.Situation) != 1 {
		t.Fatalf("got %+v, want two asks and one statement", m)
	}
	if len(m.Asks[0].Context) != 0 {
		t.Errorf("ask 1 took %+v as context from item 2", m.Asks[0].Context)
	}
	if got := []int{m.Asks[0].Clauses[0].Item, m.Situation[0].Item, m.Asks[1].Clauses[0].Item}; got[0] != 1 || got[1] != 2 || got[2] != 2 {
		t.Errorf("items %v, want [1 2 2]", got)
	}
	// Numbered statements before one question are all its story.
	m = Split("1. 我们是餐饮企业；2. 员工二十多人；3. 房子是国企的。房租能减吗？")
	for _, c := range m.Situation {
		if c.Item != 0 {
			t.Errorf("statement %q kept item %d though one item asks", c.Text, c.Item)
		}
	}
	// One list number is no list: no items.
	if m := Split("1.驿站房子是街道提供的，房租能减吗"); m.Situation[0].Item != 0 {
		t.Errorf("a single number set item %d", m.Situation[0].Item)
	}
}

// TestAsksYesNo: a clause asks yes or no by its shape (a verb and a final
// 不 or 没, X不X) without a question word; a statement ending in 也不 or a
// slip taken back (哦不) does not.
func TestAsksYesNo(t *testing.T) {
	for s, want := range map[string]bool{
		"区里支持这个不": true,
		"有补贴没":    true,
		"能不能减":    true,
		"我们也不":    false,
		"我去窗口办":   false,
		"我是A区的哦不": false,
		"俺闺女出主意":  false,
		"搞成旅游那种":  false,
	} {
		if got := AsksYesNo(s); got != want {
			t.Errorf("AsksYesNo(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAsksEitherOr: 是A还是B weighs two things and asks which; 还是 as
// "still" and 不管是A还是B (both, told) ask nothing.
func TestAsksEitherOr(t *testing.T) {
	for s, want := range map[string]bool{
		"房租减免那个是找街道那个公司直接减还是得先去国资委申请": true,
		"是给企业还是给我":     true,
		"现在还是关着":       false,
		"不管是企业还是个人都能办": false,
		"我去窗口办":        false,
	} {
		if got := AsksEitherOr(s); got != want {
			t.Errorf("AsksEitherOr(%q) = %v, want %v", s, got, want)
		}
	}
}
