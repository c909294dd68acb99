package main

import (
	"encoding/json"
	"strings"
	"testing"

	"policybot/index"
	"policybot/seeds"
)

// TestAskWhileIndexHeld: ask works while another process (here, another
// open of the same data directory, which holds bleve's file lock just as a
// running bot does) keeps the index, and says on stderr what it did.
func TestAskWhileIndexHeld(t *testing.T) {
	dir := t.TempDir()
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	held, err := index.Open(g, index.WithDataDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, out, errOut := runCmd(t, "", "ask", "--data-dir", dir, "--json", "社保能缓交吗")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "in use by another process") {
		t.Errorf("no note on stderr: %q", errOut)
	}
	var r struct {
		Kind        string  `json:"kind"`
		Probability float64 `json:"probability"`
		Features    []struct {
			Name         string  `json:"name"`
			Value        float64 `json:"value"`
			Contribution float64 `json:"contribution"`
		} `json:"features"`
		Measures []struct {
			Number int `json:"number"`
		} `json:"measures"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Kind != "measure" || r.Measures[0].Number != 2 || r.Probability <= 0.5 || len(r.Features) == 0 {
		t.Errorf("ask --json: %+v", r)
	}
}

// TestAskFlagsAfterQuestion: flags may follow the question; an unknown one
// is an error naming it, never part of the question; after "--" all is
// question.
func TestAskFlagsAfterQuestion(t *testing.T) {
	dir := dataDir(t)
	code, out, errOut := runCmd(t, "", "ask", "社保能缓交吗", "--data-dir", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Question string `json:"question"`
		Kind     string `json:"kind"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON (--json after the question ignored?): %v: %s", err, out)
	}
	if r.Question != "社保能缓交吗" || r.Kind != "measure" {
		t.Errorf("ask … --json: %+v", r)
	}
	code, _, errOut = runCmd(t, "", "ask", "社保能缓交吗", "--data-dri", dir)
	if code != 2 || !strings.Contains(errOut, "-data-dri") {
		t.Errorf("unknown flag after the question: exit %d, stderr %q", code, errOut)
	}
	code, out, errOut = runCmd(t, "", "ask", "--data-dir", dir, "--json", "--", "社保", "--缓交")
	if code != 0 || !strings.Contains(out, `"question": "社保 --缓交"`) {
		t.Errorf("after --: exit %d, %s %s", code, out, errOut)
	}
}
