package admin

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"policybot/dialog/store"
	"policybot/seeds"
)

// The charts are SVG drawn here, inlined into the page: no script, no
// chart library. Colours come from the page's CSS classes.

// dayChart draws questions per day as bars, with the scale on the left and
// a date under every seventh bar.
func dayChart(days []store.DayCount) template.HTML {
	const (
		w, h        = 640, 180
		left, right = 40, 6
		top, bottom = 12, 28
	)
	max := 0
	for _, d := range days {
		max = maxInt(max, d.Count)
	}
	scale := niceCeil(max)
	plotW, plotH := float64(w-left-right), float64(h-top-bottom)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="最近%d天每日提问数">`, w, h, len(days))
	for _, v := range []int{0, scale / 2, scale} {
		y := float64(top) + plotH - plotH*float64(v)/float64(scale)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, left, y, w-right, y)
		fmt.Fprintf(&b, `<text class="axis" x="%d" y="%.1f" text-anchor="end">%d</text>`, left-4, y+4, v)
	}
	if len(days) > 0 {
		slot := plotW / float64(len(days))
		for i, d := range days {
			bh := plotH * float64(d.Count) / float64(scale)
			x := float64(left) + float64(i)*slot + slot*0.15
			fmt.Fprintf(&b, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s：%d 个问题</title></rect>`,
				x, float64(top)+plotH-bh, slot*0.7, bh, html.EscapeString(d.Day), d.Count)
			if (len(days)-1-i)%7 == 0 {
				// The newest day's label ends at the right edge, so it
				// is never cut off; the others are centred on their bar.
				lx, anchor := x+slot*0.35, "middle"
				if i == len(days)-1 {
					lx, anchor = float64(w-right), "end"
				}
				fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%d" text-anchor="%s">%s</text>`,
					lx, h-6, anchor, html.EscapeString(shortDay(d.Day)))
			}
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// kindChart draws the share of each answer kind as one stacked bar.
func kindChart(kinds []store.KindCount) template.HTML {
	const w, h = 640, 28
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart kinds" viewBox="0 0 %d %d" preserveAspectRatio="none" role="img" aria-label="答复类型占比">`, w, h)
	if len(kinds) == 0 {
		fmt.Fprintf(&b, `<rect class="empty" x="0" y="0" width="%d" height="%d"/>`, w, h)
	}
	x := 0.0
	for _, k := range kinds {
		kw := float64(w) * k.Share
		fmt.Fprintf(&b, `<rect class="k-%s" x="%.1f" y="0" width="%.1f" height="%d"><title>%s：%d（%.0f%%）</title></rect>`,
			kindClass(k.Kind), x, kw, h, html.EscapeString(kindLabel(k.Kind)), k.Count, 100*k.Share)
		x += kw
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// swatch is a legend's colour square for a kind.
func swatch(kind seeds.Kind) template.HTML {
	return template.HTML(fmt.Sprintf(`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="k-%s" width="10" height="10" rx="2"/></svg>`, kindClass(kind)))
}

// meter is a small horizontal bar for value out of max.
func meter(value, max int) template.HTML {
	wd := 0.0
	if max > 0 {
		wd = 100 * float64(value) / float64(max)
	}
	return template.HTML(fmt.Sprintf(`<svg class="meter" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8" rx="2"/><rect class="bar" width="%.1f" height="8" rx="2"/></svg>`, wd))
}

// kindClass keeps CSS class names to known kinds.
func kindClass(k seeds.Kind) string {
	switch k {
	case seeds.KindMeasure, seeds.KindUnit, seeds.KindChoice, seeds.KindSuggest, seeds.KindNone, seeds.KindSmallTalk, seeds.KindCommand:
		return string(k)
	}
	return "other"
}

// kindLabel names an answer kind for operators.
func kindLabel(k seeds.Kind) string {
	switch k {
	case seeds.KindMeasure:
		return "答复了措施"
	case seeds.KindUnit:
		return "单位联系方式"
	case seeds.KindChoice:
		return "请用户选择"
	case seeds.KindSuggest:
		return "仅给出建议"
	case seeds.KindNone:
		return "未能回答"
	case seeds.KindSmallTalk:
		return "寒暄"
	case seeds.KindCommand:
		return "命令与浏览"
	case store.ReviewDown:
		return "被点踩"
	}
	return string(k)
}

// niceCeil rounds a chart's maximum up to a round even number (1, 2, 4,
// 5, 6 or 8 times a power of ten), so the middle grid line is whole.
func niceCeil(n int) int {
	if n <= 2 {
		return 2
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 4, 5, 6, 8} {
			if m*p >= n && (m*p)%2 == 0 {
				return m * p
			}
		}
	}
}

// shortDay is "11-30" for "2026-11-30".
func shortDay(d string) string {
	if len(d) == len("2006-01-02") {
		return d[5:]
	}
	return d
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
