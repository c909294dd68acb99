package index

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// owedToUs is how a debt owed to the asker is read: the lexicon's word for
// money owed to one (a synonym of the arrears words), after the asker.
const owedToUs = "被拖欠"

// wageArrears is how a wage owed to the asker is read (outofscope.txt's
// word): an employee's claim, not a firm's 账款.
const wageArrears = "欠薪"

// debtVerbs are the verb characters a cueDebtOwed phrase opens with; the
// asker follows them (拖欠我们 → 我们).
const debtVerbs = "拖欠了着"

// clauseEnds end a clause of a prepared message (commas are half-width there).
const clauseEnds = ",.;:!?、，。；：！？ \n"

// withoutDebtors reads each clause that tells of a debt owed to the asker
// (cueDebtOwed: "隔壁工厂欠我们饭钱好几个月了") as the asker's 被拖欠,
// without the words naming its debtor ("我们被拖欠饭钱好几个月了"). Who
// owes is a party of the story, not the owner's kind and not the matter:
// left in, "工地" ranked the construction measure before the one on
// arrears owed to small firms, and "工厂" was weighed as the asker's kind
// against a measure for 服务业; and 欠 alone, one character, was no word
// of the ask, so a measure discussed that shares only the story's kinds
// kept the message. A debtor said with the asker's own word (我们的客户)
// is left as told. A wage owed (cueDebtWage: "老板欠我们三个月工资") is
// 欠薪, its debtor (the employer) kept.
//
// It also returns, in order, the debtor each 被拖欠 stands without (the
// nouns ending its words: 工厂 of 隔壁工厂, 货车司机 of 好多货车司机;
// "" where none is a noun): the party a measure on arrears may not name
// (Ask.Debtor).
func (ix *Index) withoutDebtors(s string) (string, []string) {
	phrases := ix.cues.list(cueDebtOwed)
	if len(phrases) == 0 {
		return s, nil
	}
	var debtors []string
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
		end := len(s)
		if i := strings.IndexAny(s[at+n:], clauseEnds); i >= 0 {
			end = at + n + i
		}
		switch {
		case ix.cues.has(s[at+n:end], cueDebtWage):
			b.WriteString(s[:at])
			b.WriteString(wageArrears)
		case ix.cues.has(s[start:at], cueTradeOwn):
			b.WriteString(s[:at+n])
		default:
			b.WriteString(s[:start])
			b.WriteString(strings.TrimLeft(s[at:at+n], debtVerbs))
			b.WriteString(owedToUs)
			debtors = append(debtors, ix.trailingNouns(s[start:at]))
		}
		s = s[at+n:]
	}
	b.WriteString(s)
	return b.String(), debtors
}

// trailingNouns is the run of nouns that ends s as the tagger reads it,
// stop words left out ("好多货车司机" → 货车司机, "隔壁工厂" → 工厂), ""
// when its last word is no noun or a stop word (人家, 他们).
func (ix *Index) trailingNouns(s string) string {
	tags := ix.seg.Tag(s)
	i := len(tags)
	for i > 0 && strings.HasPrefix(tags[i-1].POS, "n") && !strings.HasPrefix(tags[i-1].POS, "nr") && !slices.Contains(ix.lex.Stopwords, tags[i-1].Word) {
		i--
	}
	var b strings.Builder
	for _, t := range tags[i:] {
		b.WriteString(t.Word)
	}
	return b.String()
}

// withBillArrears reads 拖 as 欠 in each clause naming a utility bill
// (cueDebtBill: "欠的燃气费能不能也先拖着别停" → "…先欠着别停"): the
// asker's own arrears on the bill, which 欠着 is read as (欠费) beside
// the bill's word. The lexicon reads 拖 and 拖着 as 拖欠 of money owed to
// the asker ("工程款一直拖着不给"): left so, a bill the asker cannot pay
// ranked the measure on arrears owed to small firms (账款清欠) before the
// one keeping utilities on (欠费不停供). 欠 is one word with the asker's
// words as written, so a reply that quotes the ask ("您问：…先欠着别停")
// says what was meant; 拖欠 stays as told.
func (ix *Index) withBillArrears(s string) string {
	bills := ix.cues.list(cueDebtBill)
	if len(bills) == 0 || !strings.Contains(s, "拖") {
		return s
	}
	return mapClauses(s, func(clause string) string {
		if slices.ContainsFunc(bills, func(w string) bool { return strings.Contains(clause, w) }) {
			clause = strings.ReplaceAll(strings.ReplaceAll(clause, "拖欠", "\x00"), "拖", "欠")
			clause = strings.ReplaceAll(clause, "\x00", "拖欠")
		}
		return clause
	})
}

// mapClauses returns s with each of its clauses (up to and including the
// mark that ends it, clauseEnds) replaced by f of it.
func mapClauses(s string, f func(clause string) string) string {
	var b strings.Builder
	for s != "" {
		end := strings.IndexAny(s, clauseEnds)
		if end < 0 {
			end = len(s)
		} else {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		b.WriteString(f(s[:end]))
		s = s[end:]
	}
	return b.String()
}

// withoutDelays leaves out 拖 and 拖着 in each clause where an act withheld
// follows them (cueDebtDelay: "物业说要等上面通知，一直拖着没给减" → "…一直
// 没给减"): the delay of a relief or a matter, not money owed to the asker.
// The lexicon reads 拖 as 拖欠 (账款清欠, "工程款一直拖着不给"): left so, a
// landlord withholding rent relief ranked the measure on arrears owed to
// small firms first. 拖欠 stays as told.
func (ix *Index) withoutDelays(s string) string {
	if !strings.Contains(s, "拖") {
		return s
	}
	acts := ix.cues.list(cueDebtDelay)
	return mapClauses(s, func(clause string) string {
		if i := strings.Index(clause, "拖"); i >= 0 && !strings.HasPrefix(clause[i:], "拖欠") &&
			slices.ContainsFunc(acts, func(w string) bool { return strings.Contains(clause[i:], w) }) {
			n := len("拖")
			if strings.HasPrefix(clause[i+n:], "着") {
				n += len("着")
			}
			clause = clause[:i] + clause[i+n:]
		}
		return clause
	})
}

// leaseDeposit is how a bare 押金 in a message telling of a lease is read
// (outofscope.txt's word): the landlord's deposit.
const leaseDeposit = "房租押金"

// withLeaseDeposit reads a bare 押金 (a token of its own, not 质保押金 or
// 投标押金) as 房租押金 in a message naming a lease (cueLeaseDeposit:
// "之前跟国企签的房租合同还有两年…押金怎么算"): the deposit the landlord
// holds, which no relief guide covers. The lexicon reads 押金 as 保证金, a
// bidding deposit; left so, "押金怎么算" after a lease story was answered
// with the electronic-bidding measure.
func (ix *Index) withLeaseDeposit(s string) string {
	if !strings.Contains(s, "押金") || !ix.cues.has(s, cueLeaseDeposit) {
		return s
	}
	var b strings.Builder
	for _, t := range ix.seg.Tag(s) {
		if t.Word == "押金" {
			b.WriteString(leaseDeposit)
			continue
		}
		b.WriteString(t.Word)
	}
	return b.String()
}
