package dialog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestBoundary: the index reads a message and decides; the dialog renders
// the decision and keeps the state. So the dialog's code imports no
// segmenter or search engine, embeds no word list, holds no numeric
// threshold, and reads no score, coverage or probability off a result: a
// rule that needs one of them belongs in the index.
func TestBoundary(t *testing.T) {
	for _, p := range boundaryViolations(t, ".") {
		t.Error(p)
	}
	if _, err := os.Stat("data"); err == nil {
		t.Error("dialog/data exists: word lists belong in index/data/cues.txt")
	}
}

// TestBoundaryCatches: the check fails on each thing it forbids.
func TestBoundaryCatches(t *testing.T) {
	cases := map[string]string{
		"segmenter":  "import \"policybot/index/jieba\"\nvar _ = jieba.GeneralIDF",
		"search":     "import \"github.com/blevesearch/bleve/v2\"\nvar _ = bleve.NewIndexMapping",
		"embed":      "import _ \"embed\"\n//go:embed x.txt\nvar words string",
		"threshold":  "const minCover = 0.5",
		"coverage":   "import \"policybot/index\"\nfunc f(h index.Hit) bool { return h.Coverage > 0 }",
		"model":      "import \"policybot/index\"\nfunc f(r index.Result) bool { return r.Probability > 0 }",
		"features":   "import \"policybot/index\"\nfunc f(r index.Result) bool { return r.Inputs != nil }",
		"score":      "import \"policybot/index\"\nfunc f(h index.Hit) bool { return h.Score > 0 }",
		"known":      "import \"policybot/index\"\nfunc f(h index.Hit) bool { return h.KnownCoverage > 0 }",
		"clean code": "import \"strings\"\nfunc f(s string) string { return strings.TrimSpace(s) }",
	}
	for name, src := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(dir+"/x.go", []byte("package dialog\n"+src+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		found := len(boundaryViolations(t, dir)) > 0
		if found != (name != "clean code") {
			t.Errorf("%s: violation found %v", name, found)
		}
	}
}

// boundaryViolations lists what the non-test Go files of dir do that only
// the index may.
func boundaryViolations(t *testing.T, dir string) []string {
	t.Helper()
	forbidden := []string{"policybot/index/jieba", "github.com/yanyiwu/gojieba", "github.com/blevesearch/bleve", "embed"}
	// Fields of the index's results that carry its evidence, not its decision.
	evidence := map[string]bool{"Coverage": true, "KnownCoverage": true, "Score": true, "Probability": true, "Inputs": true, "Features": true}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, dir+"/"+name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if path == bad || strings.HasPrefix(path, bad+"/") {
					out = append(out, name+": imports "+path)
				}
			}
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "//go:embed") {
					out = append(out, fset.Position(c.Pos()).String()+": embeds a data file")
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.FLOAT {
					out = append(out, fset.Position(n.Pos()).String()+": numeric threshold "+n.Value)
				}
			case *ast.SelectorExpr:
				if evidence[n.Sel.Name] {
					out = append(out, fset.Position(n.Pos()).String()+": reads ."+n.Sel.Name+" of a result")
				}
			}
			return true
		})
	}
	return out
}
