package index

import (
	"strings"
	"unicode/utf8"
)

// theOtherParty stands for a debtor a story names: what owes the asker.
const theOtherParty = "对方"

// clauseEnds end a clause of a prepared message (commas are half-width there).
const clauseEnds = ",.;:!?、，。；：！？ \n"

// withoutDebtors reads each clause that tells of a debt owed to the asker
// (cueDebtOwed: "隔壁工厂欠我们饭钱好几个月了") with 对方 for the words
// naming its debtor. Who owes is a party of the story, not the owner's kind
// and not the matter: left in, "工地" ranked the construction measure
// before the one on arrears owed to small firms, and "工厂" was weighed as
// the asker's kind against a measure for 服务业. The debt and all else of
// the clause stay as told.
func (ix *Index) withoutDebtors(s string) string {
	phrases := ix.cues.list(cueDebtOwed)
	if len(phrases) == 0 {
		return s
	}
	var b strings.Builder
	for s != "" {
		// The first debt told, the longest phrase at it (拖欠我们, not 欠我们).
		at, n := -1, 0
		for _, ph := range phrases {
			if i := strings.Index(s, ph); i >= 0 && (at < 0 || i < at || i == at && len(ph) > n) {
				at, n = i, len(ph)
			}
		}
		if at < 0 {
			break
		}
		start := strings.LastIndexAny(s[:at], clauseEnds) + 1
		if debtor := s[start:at]; utf8.RuneCountInString(debtor) > 0 && debtor != theOtherParty && !ix.cues.has(debtor, cueTradeOwn) {
			// A stretch naming the asker too (我们的客户) is left as told.
			b.WriteString(s[:start])
			b.WriteString(theOtherParty)
		} else {
			b.WriteString(s[:at])
		}
		b.WriteString(s[at : at+n])
		s = s[at+n:]
	}
	b.WriteString(s)
	return b.String()
}
