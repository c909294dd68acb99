package index

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var dumpDir = flag.String("dump", "", "write the training rows and the question sets' features of the embedded and the test guides as JSON lines into this directory")

// TestDump writes features for offline analysis (go test ./index -run
// TestDump -dump DIR); without -dump it does nothing.
func TestDump(t *testing.T) {
	if *dumpDir == "" {
		t.Skip("no -dump")
	}
	type rowOut struct {
		Guide   string    `json:"guide"`
		Text    string    `json:"text"`
		Measure int       `json:"measure"`
		Gen     bool      `json:"gen"`
		X       []float64 `json:"x"`
		Answer  bool      `json:"answer"`
		Weight  float64   `json:"w"`
	}
	type askOut struct {
		Guide string          `json:"guide"`
		Q     json.RawMessage `json:"q"`
		Ask   int             `json:"ask"`
		Text  string          `json:"text"`
		Kind  string          `json:"kind"`
		Hits  []int           `json:"hits"`
		X     []float64       `json:"x"`
		P     float64         `json:"p"`
		Terms []string        `json:"terms"`
		Ctx   string          `json:"ctx"`
	}
	guides := map[string]*Index{"embedded": testIndex}
	for _, id := range trainingGuides {
		guides[id] = openGuide(t, id)
		if os.Getenv("DUMP_CLEAN") != "" {
			guides[id+"-clean"] = openGuideFile(t, id, "guide.txt")
		}
	}
	rowsF, _ := os.Create(filepath.Join(*dumpDir, "rows.jsonl"))
	defer rowsF.Close()
	rw := bufio.NewWriter(rowsF)
	defer rw.Flush()
	enc := json.NewEncoder(rw)
	for name, ix := range guides {
		rows, err := ix.cachedRows()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			e := ix.examples[r.example]
			enc.Encode(rowOut{Guide: name, Text: e.Text, Measure: e.Measure, Gen: e.Generated, X: r.x, Answer: r.answer, Weight: r.weight})
		}
	}
	asksF, _ := os.Create(filepath.Join(*dumpDir, "asks.jsonl"))
	defer asksF.Close()
	aw := bufio.NewWriter(asksF)
	defer aw.Flush()
	aenc := json.NewEncoder(aw)
	files := map[string][]string{"embedded": {"dev", "heldout", "heldout2", "heldout3", "heldout4_story", "heldout4_faq", "heldout4_typos", "heldout4_names", "heldout4_oos"}}
	for _, id := range trainingGuides {
		files[id] = []string{filepath.Join("guides", id)}
		if guides[id+"-clean"] != nil {
			files[id+"-clean"] = files[id]
		}
	}
	for name, fs := range files {
		ix := guides[name]
		for _, f := range fs {
			data, err := os.ReadFile(filepath.Join("testdata", f+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range splitLines(string(data)) {
				var q struct {
					Q string `json:"q"`
				}
				if json.Unmarshal([]byte(line), &q) != nil {
					continue
				}
				rd, err := ix.Read(q.Q, Context{})
				if err != nil {
					t.Fatal(err)
				}
				for i, a := range rd.Asks {
					out := askOut{Guide: name, Q: json.RawMessage(line), Ask: i, Text: a.Text, Kind: string(a.Kind), P: a.Probability, Terms: a.Terms, Ctx: a.Situation}
					for _, h := range a.Measures {
						out.Hits = append(out.Hits, h.Number)
					}
					if a.Inputs != nil {
						out.X = a.Inputs.vector()
					}
					aenc.Encode(out)
				}
			}
		}
	}
	names, _ := json.Marshal(slices.Clone(featureNames))
	os.WriteFile(filepath.Join(*dumpDir, "names.json"), names, 0o644)
}

func splitLines(s string) []string {
	var out []string
	for _, l := range filepathSplit(s) {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func filepathSplit(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
