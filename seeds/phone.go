package seeds

import (
	"regexp"
	"strings"
)

var (
	// phoneAt matches a phone at the start of a string, in the shapes guides
	// write: a landline with area code (010-6905xxxx, 0871-63123456), a
	// 400 number, an 11-digit mobile, an 8-digit local number written without
	// area code, a 5-digit service hotline (12366, 95588); a county's
	// landline may have 7 digits after a 4-digit area code (0730-2xxxxxx). The next
	// measure's number is often glued to the last phone ("…69050322 30."
	// without the space), so every shape has an exact length and the
	// alternatives are tried longest first.
	phoneAt = regexp.MustCompile(`^(?:0\d{2,3}-\d{8}|0\d{3}-\d{7}|400-?\d{3}-?\d{4}|1[3-9]\d{9}|[2-9]\d{7}|12\d{3}|9\d{4})`)

	// PhoneShape matches a whole phone as the parser returns it.
	PhoneShape = regexp.MustCompile(`^(?:0\d{2,3}-\d{8}|0\d{3}-\d{7}|400-?\d{3}-?\d{4}|1[3-9]\d{9}|[2-9]\d{6,7}|12\d{3}|9\d{4})$`)

	// localAt matches a 7-digit local number written without its area code
	// (cities such as Yantai or Zhangzhou dial 7 digits). It is read only
	// where a phone is expected, after a phone label or another phone, and
	// only when no digit follows: in running text seven digits are as
	// likely an amount.
	localAt = regexp.MustCompile(`^[2-9]\d{6}`)

	// areaSeven is a landline with a 4-digit area code and 7 digits.
	areaSeven = regexp.MustCompile(`^0\d{3}-\d{7}$`)

	emailAt = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

	// hoursAt matches service hours in brackets after a phone:
	// "（工作日9:30—17:30）", "(周一至周五8:30-12:00,13:00-17:30)".
	hoursAt = regexp.MustCompile(`^[（(]([^（）()]{0,60}?(?:\d{1,2}[:：]\d{2}|工作日|周[一二三四五六日]|小时|全天|节假日|休息日)[^（）()]{0,60}?)[）)]`)

	// areaCodeRe finds a guide's statement of its area code ("区号：010",
	// "未标注区号的，区号均为0551").
	areaCodeRe = regexp.MustCompile(`区号(?:均|都|统一)?[：:为是]?(0\d{2,3})`)
)

// contactValues is what a phone or e-mail label's value holds.
type contactValues struct {
	phones []string
	emails []string
	hours  string
}

func (v contactValues) empty() bool { return len(v.phones) == 0 && len(v.emails) == 0 }

// readContactValues reads "phone[、phone]…[（hours）]" or e-mail addresses at
// the start of s and returns them with what follows. It reads nothing when s
// does not start with a phone or an e-mail address.
func readContactValues(s string) (contactValues, string) {
	var v contactValues
	seven := false // a number of the run has 7 digits after a 4-digit area code
	for {
		if ph := localAt.FindString(s); seven && ph != "" && len(phoneAt.FindString(s)) <= 8 {
			// The city dials 7 digits: an eighth is the next measure's
			// number glued on ("…6250179" + "2.").
			v.phones = AppendNew(v.phones, ph)
			s = s[len(ph):]
		} else if ph := phoneAt.FindString(s); ph != "" {
			seven = seven || areaSeven.MatchString(ph)
			v.phones = AppendNew(v.phones, ph)
			s = s[len(ph):]
		} else if ph := localAt.FindString(s); ph != "" && (len(s) == len(ph) || !isDigit(s[len(ph)])) {
			v.phones = AppendNew(v.phones, ph)
			s = s[len(ph):]
		} else if em := emailAt.FindString(s); em != "" {
			v.emails = AppendNew(v.emails, em)
			s = s[len(em):]
		} else {
			return v, s
		}
		if m := hoursAt.FindStringSubmatch(s); m != nil {
			v.hours = joinHours(v.hours, m[1])
			s = s[len(m[0]):]
		}
		t := strings.TrimLeft(s, "、，,;；/")
		if strings.HasPrefix(t, "或") {
			t = t[len("或"):]
		}
		if t == s || (phoneAt.FindString(t) == "" && localAt.FindString(t) == "" && emailAt.FindString(t) == "") {
			return v, s
		}
		s = t
	}
}

func joinHours(a, b string) string {
	if a == "" || a == b {
		return b
	}
	return a + "；" + b
}

// areaCodeFrom sets the guide's AreaCode from the text's statement of it
// ("区号：010", "区号为010"), if any.
func (g *Guide) areaCodeFrom(text string) {
	if m := areaCodeRe.FindStringSubmatch(text); m != nil {
		g.AreaCode = m[1]
	}
}

// Dial returns phone as it should be dialled from outside the district: a
// local number written without area code (8 digits, or 7 under a 4-digit
// area code) gets the guide's stated area code;
// every other phone, and every phone of a guide that states no area code,
// comes back as written.
func (g *Guide) Dial(phone string) string {
	// Cities with a 4-digit area code may dial 7 digits (0535-6218317);
	// under a 3-digit one a local number has 8.
	local := len(phone) == 8 || len(phone) == 7 && len(g.AreaCode) == 4
	if g.AreaCode == "" || !local || phone[0] < '2' || phone[0] > '9' || !PhoneShape.MatchString(phone) {
		return phone
	}
	return g.AreaCode + "-" + phone
}
