package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"policybot/index"
	"policybot/index/eval"
	"policybot/seeds"
)

// guideSeedNames are the seed files a guide directory of eval --guides may
// hold, in order of preference: a copy corrupted like the embedded seed,
// else the clean text.
var guideSeedNames = []string{"scrambled-1.txt", "guide.txt"}

// runGuides is eval --guides DIR --questions QDIR: leave-one-guide-out
// figures over the guides in DIR (each subdirectory <id> with a seed file,
// questions in QDIR/<id>.jsonl), the embedded guide always trained on (as
// it is and as on its first day, see index.Tuning.DayOne).
// Indexes are built in a temporary directory.
func runGuides(env *environment, f indexFlags, dir, qdir, exclude, seedName string, asJSON bool) error {
	if qdir == "" {
		return usageError("eval --guides DIR needs --questions QDIR (a directory of <guide>.jsonl files)")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("eval --guides: %w", err)
	}
	tmp, err := os.MkdirTemp("", "policybot-guides-")
	if err != nil {
		return fmt.Errorf("eval --guides: %w", err)
	}
	defer os.RemoveAll(tmp)
	open := func(g *seeds.Guide, name string) (*index.Index, error) {
		// A guide left out is as on its first day: no operator additions
		// (examples or aliases written for it, or words added after
		// reading its questions) from the data directory.
		return index.Open(g, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithIndexDir(filepath.Join(tmp, name)),
			index.WithLexiconDir(""))
	}
	emb, err := seeds.Embedded()
	if err != nil {
		return err
	}
	base, err := index.Open(emb, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithIndexDir(filepath.Join(tmp, "embedded")))
	if err != nil {
		return err
	}
	defer base.Close()
	// The embedded guide also as on its first day: its written questions
	// train the model as a guide without them reads them.
	tu := index.DefaultTuning()
	tu.DayOne = true
	day, err := index.Open(emb, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithIndexDir(filepath.Join(tmp, "embedded-day-one")),
		index.WithTuning(tu))
	if err != nil {
		return err
	}
	defer day.Close()
	sets, err := openGuideSets(env, dir, qdir, entries, strings.Split(exclude, ","), seedName, open)
	defer closeGuideSets(sets)
	if err != nil {
		return err
	}
	if len(sets) < 2 {
		return usageError("eval --guides: %s holds %d guides with questions; leave-one-guide-out needs two or more", dir, len(sets))
	}
	evs, err := eval.LeaveOneGuideOut([]*index.Index{base, day}, sets)
	if err != nil {
		return err
	}
	return writeGuideEvals(env, sets, evs, asJSON)
}

// openGuideSets opens, with open, the index of every guide directory among
// entries of dir that is not in skip and has both a seed file (seedName,
// or else guideSeedNames) and questions in qdir/<name>.jsonl; a directory
// lacking either is noted on stderr and skipped. On error it returns the
// sets opened so far with the error, for the caller to close.
func openGuideSets(env *environment, dir, qdir string, entries []os.DirEntry, skip []string, seedName string,
	open func(g *seeds.Guide, name string) (*index.Index, error)) ([]eval.GuideSet, error) {
	var sets []eval.GuideSet
	for _, e := range entries {
		name := e.Name()
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || !st.IsDir() || slices.Contains(skip, name) {
			continue
		}
		seed := guideSeed(filepath.Join(dir, name), seedName)
		qs, err := readQuestionFiles(filepath.Join(qdir, name+".jsonl"))
		if seed == "" || errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(env.stderr, "note: %s skipped (no seed file or no %s.jsonl)\n", name, name)
			continue
		}
		if err != nil {
			return sets, err
		}
		g, err := seeds.Load(seed)
		if err != nil {
			return sets, err
		}
		ix, err := open(g, name)
		if err != nil {
			return sets, err
		}
		sets = append(sets, eval.GuideSet{Name: name, Index: ix, Questions: qs})
	}
	return sets, nil
}

// guideSeed is the path of the seed file in guide directory gdir: seedName
// when given, else the first of guideSeedNames there; "" when there is none.
func guideSeed(gdir, seedName string) string {
	names := guideSeedNames
	if seedName != "" {
		names = []string{seedName}
	}
	for _, s := range names {
		if _, err := os.Stat(filepath.Join(gdir, s)); err == nil {
			return filepath.Join(gdir, s)
		}
	}
	return ""
}

// closeGuideSets closes the sets' indexes, the last opened first.
func closeGuideSets(sets []eval.GuideSet) {
	for i := len(sets) - 1; i >= 0; i-- {
		sets[i].Index.Close()
	}
}

// writeGuideEvals writes each guide's leave-one-guide-out evaluation evs[i]
// of sets[i]: as one JSON object by guide name, or as text with the
// figures by style and the questions answered wrong.
func writeGuideEvals(env *environment, sets []eval.GuideSet, evs []eval.Evaluation, asJSON bool) error {
	if asJSON {
		out := map[string]any{}
		for i, s := range sets {
			out[s.Name] = map[string]any{"summary": evs[i].Summary, "by_style": evs[i].ByStyle, "results": evs[i].Results}
		}
		return writeJSON(env, out)
	}
	for i, s := range sets {
		evs[i].Summary.WriteText(env.stdout, fmt.Sprintf("%s (model trained on the embedded guide and the %d others):", s.Name, len(sets)-1))
		evs[i].WriteStyles(env.stdout)
		writeWrong(env, evs[i], s.Questions)
	}
	return nil
}
