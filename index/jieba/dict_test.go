package jieba

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A tiny but complete dictionary set: loads in microseconds, so the
// WithDictDir tests do not pay for another 130 MB instance.
var tinyDict = map[string]string{
	dictFile: "社保 100 n\n缓交 50 v\n能 80 v\n吗 60 y\n",
	hmmFile: "#prob_start\n-0.26 -3.14e+100 -3.14e+100 -1.46\n" +
		"#prob_trans\n-3.14e+100 -0.51 -0.91 -3.14e+100\n-0.58 -3.14e+100 -3.14e+100 -0.80\n" +
		"-3.14e+100 -0.33 -1.26 -3.14e+100\n-0.72 -3.14e+100 -3.14e+100 -0.66\n" +
		"#B\n社:-5.0,缓:-6.0\n#E\n保:-5.0,交:-6.0\n#M\n中:-7.0\n#S\n能:-8.0,吗:-8.0\n",
	idfFile:       "社保 10.5\n",
	stopWordsFile: "的\n了\n",
}

// writeDictDir writes tinyDict, with overrides (nil value = omit file).
func writeDictDir(t *testing.T, override map[string]*string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range tinyDict {
		if c, ok := override[name]; ok {
			if c == nil {
				continue
			}
			content = *c
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func ptr(s string) *string { return &s }

func TestEmbeddedManifest(t *testing.T) {
	m, err := embeddedManifest()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range m.files {
		names = append(names, f.name)
		r, err := openEmbedded(f.name)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		n, err := io.Copy(h, r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !bytes.Equal(h.Sum(nil), f.sum[:]) {
			t.Errorf("%s: embedded content does not match dict/SHA256SUMS", f.name)
		}
		t.Logf("%-16s %9d bytes", f.name, n)
	}
	for _, want := range append(slices.Clone(requiredFiles), noticeFile) {
		if !slices.Contains(names, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	if len(m.id) != 12 {
		t.Errorf("manifest id %q, want 12 hex digits", m.id)
	}
}

func TestUnpackReuseAndRepair(t *testing.T) {
	data := t.TempDir()
	dir, err := unpackEmbedded(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateDictDir(dir); err != nil {
		t.Fatalf("embedded set does not validate: %v", err)
	}
	stat := func() map[string]os.FileInfo {
		out := map[string]os.FileInfo{}
		for _, name := range append(slices.Clone(requiredFiles), noticeFile) {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			out[name] = fi
		}
		return out
	}
	before := stat()

	// Second unpack: hashes match, nothing is rewritten.
	dir2, err := unpackEmbedded(data)
	if err != nil || dir2 != dir {
		t.Fatalf("second unpack = %q, %v; want %q", dir2, err, dir)
	}
	for name, fi := range stat() {
		if !os.SameFile(fi, before[name]) {
			t.Errorf("%s was rewritten although intact", name)
		}
	}

	// Damage one file (same size, different bytes) and delete another.
	path := filepath.Join(dir, dictFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Clone(good)
	copy(bad[len(bad)/2:], "garbage")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, hmmFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := unpackEmbedded(data); err != nil {
		t.Fatal(err)
	}
	after := stat()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, good) {
		t.Errorf("%s was not repaired", dictFile)
	}
	if !os.SameFile(after[stopWordsFile], before[stopWordsFile]) {
		t.Errorf("intact %s was rewritten during repair", stopWordsFile)
	}
	assertNoTempFiles(t, dir)
}

func TestUnpackConcurrent(t *testing.T) {
	// Goroutines stand in for processes: each writes its own temp file and
	// renames it, so every reader sees either no file or a complete one.
	data := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = unpackEmbedded(data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	dir, err := unpackEmbedded(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateDictDir(dir); err != nil {
		t.Fatal(err)
	}
	assertNoTempFiles(t, dir)
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("leftover temp file %s", e.Name())
		}
	}
}

func TestSplitLimonp(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a 1 n", []string{"a", "1", "n"}},
		{"a 1 n ", []string{"a", "1", "n"}},
		{"a  1", []string{"a", "", "1"}},
		{" a", []string{"", "a"}},
		{"a 1 n  ", []string{"a", "1", "n", ""}},
	} {
		if got := splitLimonp(tc.in, " ", nil); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitLimonp(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestOpenBadDictionaries: every malformed input that would make cppjieba
// abort() or gojieba panic must come back as an error. If validation
// missed one, this test would kill the whole test binary.
func TestOpenBadDictionaries(t *testing.T) {
	cases := []struct {
		name     string
		files    map[string]*string
		userDict *string // written to a file and passed as WithUserDict
		userPath string  // passed as WithUserDict verbatim
		wantIs   error
		wantMsg  string
	}{
		{name: "missing dict dir file", files: map[string]*string{hmmFile: nil}, wantIs: fs.ErrNotExist, wantMsg: hmmFile},
		{name: "empty main dict", files: map[string]*string{dictFile: ptr("")}, wantIs: ErrInvalidDictionary, wantMsg: "empty"},
		{name: "main dict two fields", files: map[string]*string{dictFile: ptr("社保 100 n\n缓交 50\n")}, wantIs: ErrInvalidDictionary, wantMsg: "line 2"},
		{name: "main dict four fields", files: map[string]*string{dictFile: ptr("社保 100 n x\n")}, wantIs: ErrInvalidDictionary, wantMsg: "line 1"},
		{name: "main dict freq not a number", files: map[string]*string{dictFile: ptr("社保 abc n\n")}, wantIs: ErrInvalidDictionary, wantMsg: "frequency"},
		{name: "main dict freq zero", files: map[string]*string{dictFile: ptr("社保 0 n\n")}, wantIs: ErrInvalidDictionary, wantMsg: "frequency"},
		{name: "main dict empty line", files: map[string]*string{dictFile: ptr("社保 100 n\n\n缓交 50 v\n")}, wantIs: ErrInvalidDictionary, wantMsg: "line 2"},
		{name: "main dict double space", files: map[string]*string{dictFile: ptr("社保  100 n\n")}, wantIs: ErrInvalidDictionary, wantMsg: "line 1"},
		{name: "main dict CRLF", files: map[string]*string{dictFile: ptr("社保 100 n\r\n")}, wantIs: ErrInvalidDictionary, wantMsg: "CRLF"},
		{name: "main dict bad UTF-8", files: map[string]*string{dictFile: ptr("社保 100 n\n\xff\xfe 5 n\n")}, wantIs: ErrInvalidDictionary, wantMsg: "UTF-8"},
		{name: "main dict binary", files: map[string]*string{dictFile: ptr("\x7fELF\x02\x01\x00\x00\r\n")}, wantIs: ErrInvalidDictionary, wantMsg: "not UTF-8 text"},
		{name: "hmm truncated", files: map[string]*string{hmmFile: ptr(tinyDict[hmmFile][:strings.Index(tinyDict[hmmFile], "#E")])}, wantIs: ErrInvalidDictionary, wantMsg: "ends after 6 of 9"},
		{name: "hmm short row", files: map[string]*string{hmmFile: ptr(strings.Replace(tinyDict[hmmFile], "-0.26 -3.14e+100 -3.14e+100 -1.46", "-0.26 -1.46", 1))}, wantIs: ErrInvalidDictionary, wantMsg: "line 2"},
		{name: "hmm bad emission", files: map[string]*string{hmmFile: ptr(strings.Replace(tinyDict[hmmFile], "社:-5.0", "社保:-5.0", 1))}, wantIs: ErrInvalidDictionary, wantMsg: "exactly one UTF-8 character"},
		{name: "hmm garbage", files: map[string]*string{hmmFile: ptr("this is not a model\n")}, wantIs: ErrInvalidDictionary, wantMsg: "line 1"},
		{name: "empty idf", files: map[string]*string{idfFile: ptr("")}, wantIs: ErrInvalidDictionary, wantMsg: idfFile},
		{name: "missing stop words", files: map[string]*string{stopWordsFile: nil}, wantIs: fs.ErrNotExist, wantMsg: stopWordsFile},
		{name: "user dict word freq", userDict: ptr("留抵退税 100\n"), wantIs: ErrInvalidDictionary, wantMsg: `"word freq tag"`},
		{name: "user dict four fields", userDict: ptr("留抵退税\n欠费 不 停 供\n"), wantIs: ErrInvalidDictionary, wantMsg: "line 2"},
		{name: "user dict freq not integer", userDict: ptr("留抵退税 1.5 n\n"), wantIs: ErrInvalidDictionary, wantMsg: "positive integer"},
		{name: "user dict empty", userDict: ptr(""), wantIs: ErrInvalidDictionary, wantMsg: "empty"},
		{name: "user dict missing", userPath: "/nonexistent/user.dict.utf8", wantIs: fs.ErrNotExist, wantMsg: "user.dict.utf8"},
		{name: "user dict path with separator", userPath: "/tmp/a;b.utf8", wantIs: ErrInvalidDictionary, wantMsg: "'|' or ';'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeDictDir(t, tc.files)
			user := tc.userPath
			if tc.userDict != nil {
				user = filepath.Join(t.TempDir(), "user.dict.utf8")
				if err := os.WriteFile(user, []byte(*tc.userDict), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(WithDictDir(dir), WithUserDict(user))
			if err == nil {
				t.Fatalf("Open succeeded (%p), want error", s)
			}
			if !errors.Is(err, tc.wantIs) || !strings.Contains(err.Error(), tc.wantMsg) || !strings.HasPrefix(err.Error(), "jieba: ") {
				t.Fatalf("Open error = %v; want errors.Is %v and containing %q", err, tc.wantIs, tc.wantMsg)
			}
			t.Log(err)
		})
	}
}

func TestOpenDictDir(t *testing.T) {
	dir := writeDictDir(t, nil)
	s, err := Open(WithDictDir(dir), WithDataDir("/ignored"))
	if err != nil {
		t.Fatal(err)
	}
	if s.DictDir() != dir || s.UserDict() != "" {
		t.Errorf("DictDir, UserDict = %q, %q; want %q, \"\"", s.DictDir(), s.UserDict(), dir)
	}
	if got, want := s.Cut("社保能缓交吗"), []string{"社保", "能", "缓交", "吗"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Cut = %q, want %q", got, want)
	}
	want := map[string]interface{}{"type": TokenizerName, "dict_dir": dir}
	if got := s.TokenizerConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("TokenizerConfig = %v, want %v", got, want)
	}
	// A relative spelling of the same directory is the same dictionary set.
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, dir); err == nil {
		if s2, err := Open(WithDictDir(rel)); err != nil || s2 != s {
			t.Errorf("Open(relative dir) = %p, %v; want cached %p", s2, err, s)
		}
	}
}

// TestFailedOpenNotCached: fixing a broken dictionary takes effect on the
// next Open instead of replaying the old error.
func TestFailedOpenNotCached(t *testing.T) {
	dir := writeDictDir(t, map[string]*string{dictFile: ptr("社保 100\n")})
	if _, err := Open(WithDictDir(dir)); err == nil {
		t.Fatal("Open succeeded on broken dictionary")
	}
	if err := os.WriteFile(filepath.Join(dir, dictFile), []byte(tinyDict[dictFile]), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(WithDictDir(dir)); err != nil {
		t.Fatalf("Open after fix: %v", err)
	}
}
