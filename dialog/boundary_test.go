package dialog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
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
		"word list":  "var contactCues = []string{\"电话\", \"找谁\"}",
		"clean code": "import \"strings\"\nfunc f(s string) string { return strings.TrimSpace(s) }",
	}
	for name, src := range cases {
		for _, sub := range []string{".", "store"} { // the package and a subpackage
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, "x.go"), []byte("package dialog\n"+src+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			found := len(boundaryViolations(t, dir)) > 0
			if found != (name != "clean code") {
				t.Errorf("%s in %s: violation found %v", name, sub, found)
			}
		}
	}
}

// boundaryViolations lists what the non-test Go files of dir and its
// subpackages (dialog/store, dialog/dialogtest) do that only the index may.
func boundaryViolations(t *testing.T, dir string) []string {
	t.Helper()
	forbidden := []string{"policybot/index/jieba", "github.com/yanyiwu/gojieba", "github.com/blevesearch/bleve", "embed"}
	// Fields of the index's results that carry its evidence, not its decision.
	evidence := map[string]bool{"Coverage": true, "KnownCoverage": true, "Score": true, "Probability": true, "Inputs": true, "Features": true}
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "testdata":
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
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
			case *ast.CompositeLit:
				if isWordList(n) {
					out = append(out, fset.Position(n.Pos()).String()+": a list of Chinese words")
				}
			}
			return true
		})
	}
	return out
}

// isWordList reports whether lit is a []string of two or more Chinese
// words: a cue list typed into code rather than read from the lexicon.
func isWordList(lit *ast.CompositeLit) bool {
	at, ok := lit.Type.(*ast.ArrayType)
	if !ok {
		return false
	}
	if id, ok := at.Elt.(*ast.Ident); !ok || id.Name != "string" {
		return false
	}
	han := 0
	for _, e := range lit.Elts {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			if v, err := strconv.Unquote(b.Value); err == nil && strings.IndexFunc(v, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
				han++
			}
		}
	}
	return han >= 2
}
