package seeds

import "strings"

// listContact is one contact of a measure as a reader of a layout without
// duty blocks finds it: the unit (with its department), the person, the
// person's phones and the hotlines named beside them.
type listContact struct {
	unit, person     string
	phones, hotlines []string
}

// listDutyLines writes contacts as the duty block the policy-list reader reads:
// the units (cut from their departments by unitDept), the hotlines and the
// phones of contacts without a person (tagged with their unit when there are
// several units), then each person with the unit and department in brackets
// and the person's phones.
func listDutyLines(cs []listContact, unitDept func(string) (unit, dept string)) []string {
	var lead, lines []string
	for _, c := range cs {
		if c.unit != "" {
			u, _ := unitDept(c.unit)
			lead = AppendNew(lead, u)
		}
	}
	if len(lead) > 0 {
		lines = append(lines, "责任单位："+strings.Join(lead, "、"))
	}
	var hot []string
	for _, c := range cs {
		tag := ""
		if c.unit != "" && len(lead) > 1 {
			tag = "（" + c.unit + "）"
		}
		if c.person == "" {
			for _, p := range c.phones {
				hot = AppendNew(hot, p+tag)
			}
		}
		for _, p := range c.hotlines {
			hot = AppendNew(hot, p+tag)
		}
	}
	if len(hot) > 0 {
		lines = append(lines, "咨询电话："+strings.Join(hot, "、"))
	}
	for _, c := range cs {
		if c.person == "" {
			continue
		}
		p := c.person
		if c.unit != "" {
			// A department the duty block would not read as one
			// ("综合窗口") is left out: the unit alone tags the person.
			u, dept := unitDept(c.unit)
			if dept == "" || hasAnySuffix(dept, departmentSuffixes) {
				u = c.unit
			}
			p += "（" + u + "）"
		}
		lines = append(lines, "联系人："+p, "联系电话："+strings.Join(c.phones, "、"))
	}
	return lines
}
