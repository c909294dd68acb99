package seeds

import (
	"strings"
	"testing"
)

func TestLaTeXText(t *testing.T) {
	const pre = "\\documentclass{ctexart}\n\\ctexset{section={name={,、},number=\\chinese{section}}}\n" +
		"\\newcommand{\\dianhua}[1]{电话：#1}\n\\newcommand{\\qu}{某区}\n% \\newcommand{\\x}{隐}\n\\begin{document}\n"
	tests := []struct {
		name, body, want string
	}{
		{"section numbered by ctexset", `\section{财税支持} \section*{附件}`, "一、财税支持\n附件\n"},
		{"comments", "a % 注释\nb\n% 整行\n\\% c\n\n% 行\n\nd", "a b % c\nd\n"},
		{"paragraphs and lines", "a\n\nb\\\\c\\\\[1ex]d\\par e", "a\nb\nc\nd\ne\n"},
		{"macros", `\qu{}指南 \qu 指南 \dianhua{12345}`, "某区指南某区指南电话：12345\n"},
		{"tilde and dashes", `最长~6~个月 卢~婷 10\%--20\% a~b x---y`, "最长6个月卢婷10%–20% a b x—y\n"},
		{"escapes and quotes", "R\\&D ``a'' “甲”", "R&D“a”“甲”\n"},
		{"href and bold", `\textbf{标题。}见\href{http://a.cn}{网站}`, "标题。见网站\n"},
		{"footnote after its paragraph", "甲\\footnote{截至6月30日。}乙。\n\n丙", "甲乙。\n注：截至6月30日。\n丙\n"},
		{"enumerate restarts, explicit labels", "\\begin{enumerate}[label=（\\chinese*）]\\item 甲\\item 乙\\end{enumerate}" +
			"中\\begin{enumerate}[label=（\\chinese*）]\\item[（十一）] 丙\\item 丁\\end{enumerate}",
			"（一）甲\n（二）乙\n中\n（十一）丙\n（一）丁\n"},
		{"arabic label, nested", "\\begin{enumerate}\\item a\\begin{enumerate}[label=(\\arabic*)]\\item b\\end{enumerate}\\item c\\end{enumerate}",
			"1. a\n(1) b\n2. c\n"},
		{"iffalse", `a\iffalse 隐藏\fi b`, "a b\n"},
		{"maketitle", "\\title{\\heiti 某区\\\\[1ex] 指南}\\author{某区办公室}\\date{2022年7月8日}\\maketitle",
			"某区指南\n发布日期：2022-07-08\n来源：某区办公室。\n"},
		{"table", "\\begin{tabular}{cc}\\toprule 序号 & 单位 & 电话 \\\\\\midrule 1 & \\multirow{2}{*}{\\makecell{国家税务总局\\\\某区税务局}} & \\makecell{123\\\\12366}\\\\\\cline{1-1}\n" +
			"% 9 & 删 & 0 \\\\\n2 & & 456 \\\\ \\multicolumn{3}{r}{续} \\\\\\bottomrule\\end{tabular}",
			"序号\t单位\t电话\n1\t国家税务总局某区税务局\t123、12366\n2\t国家税务总局某区税务局\t456\n续\n"},
		{"longtable head once", "\\begin{longtable}{ccc}序号 & a & b \\\\ \\endfirsthead \\multicolumn{3}{l}{（续表）}\\\\ 序号 & a & b \\\\ \\endhead " +
			"\\multicolumn{3}{r}{（续下页）}\\\\ \\endfoot \\bottomrule \\endlastfoot 1 & x & y \\\\ 2 & \\multirow{-2}{*}{z} & w \\\\\\end{longtable}",
			"序号\ta\tb\n1\tx\ty\n2\tz\tw\n"},
		{"two short names joined", `\begin{tabular}{c}\makecell{卢婷\\谢宏}\end{tabular}`, "卢婷、谢宏\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := latexText(pre + tt.body + "\n\\end{document}\n")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLaTeXBoldItems(t *testing.T) {
	src := "\\documentclass{ctexart}\n\\begin{document}\n\\begin{enumerate}[label=（\\chinese*）]\n" +
		"\\item \\textbf{缓缴所得税。}对符合条件的企业延缓缴纳所得税。\n\\item \\textbf{留抵退税。}对小微企业全额退还留抵税额。\n" +
		"\\item 没有粗体标题的条目，不算。\n\\end{enumerate}\n\\end{document}\n"
	if _, items := latexText(src); items != 2 {
		t.Errorf("%d bold items, want 2", items)
	}
}

func TestIsLaTeX(t *testing.T) {
	for src, want := range map[string]bool{
		"% x\n\\documentclass{ctexart}\n": true, "\\begin{document}\n": true,
		"一、见 \\documentclass": false, "1. 正文\n": false,
	} {
		if isLaTeX(src) != want {
			t.Errorf("isLaTeX(%q) = %v", src, !want)
		}
	}
	// Any other text is left as it is.
	if got, n := latexText("一、甲\n（一）乙。\n"); got != "一、甲\n（一）乙。\n" || n != 0 {
		t.Errorf("plain text changed: %q", got)
	}
}

func TestLaTeXTextMalformed(t *testing.T) {
	for _, body := range []string{
		`{`, `}}}}a`, `\`, `\begin{enumerate}\item`, `\begin{tabular}{c`, `\newcommand{\a}{\a}\a`,
		`\newcommand{\a}{\a\a}\newcommand{\b}{\a\a}\b`, `\def\x#1{#1#1}\x`, `\multirow{-9}{*}{a}`, `\item[`,
		`\begin{longtable}{c}\endhead\endfoot\endlastfoot\endfirsthead\end{longtable}`, `$a`, `\verb|a`,
		strings.Repeat("{", 5000), `\iffalse`, `\footnote{\footnote{a}}`, `\ctexset{section=}`, `\setcounter{section}`,
	} {
		_, _ = latexText("\\documentclass{article}\n\\begin{document}\n" + body) // must not panic
	}
}

func FuzzLaTeX(f *testing.F) {
	for _, s := range []string{
		"\\documentclass{ctexart}\n\\newcommand{\\d}[1]{电话：#1}\\begin{document}\\section{a}\\begin{enumerate}[label=（\\chinese*）]\\item[x] \\textbf{b。}c\\footnote{d}\\end{enumerate}",
		"\\begin{document}\\begin{longtable}{cc}a & \\multirow{2}{*}{\\makecell{b\\\\c}} \\\\ \\endhead d & \\\\ \\end{longtable}",
		"\\documentclass{x}\n\\def\\a#1{#1\\a{#1}}\\a{x}%c\n\\iffalse\\fi$x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = readLaTeX(src)
	})
}
