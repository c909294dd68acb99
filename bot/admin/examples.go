package admin

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index"
	"policybot/seeds"
)

// ExamplesFile is the operator's example bank of one guide, kept in the
// guide's own directory of the data directory (index.GuideDir:
// <data-dir>/guides/<key>/examples.txt), in the format of the built-in
// index/data/guides/<key>/examples.txt: a line "[N]" (第N条) or "[none]"
// (out of scope for this guide) starts a group, each following non-empty
// line not starting with "#" is one question of it; groups may repeat. No
// other guide reads it, and only its guide's index rebuilds when it changes.
const ExamplesFile = "examples.txt"

// MaxQuestionRunes is the longest question that can become an example.
const MaxQuestionRunes = 200

// groupNone is the group of out-of-scope questions.
const groupNone = "none"

// NormalizeQuestion is the form questions are compared in: the index's
// one normaliser (index.Normalize), as the bot read them.
func NormalizeQuestion(q string) string {
	return index.Normalize(q)
}

// examplesPath is the operator's examples.txt of guide g.
func (h *Handler) examplesPath(g *seeds.Guide) string {
	return filepath.Join(index.GuideDir(h.dataDir, g), ExamplesFile)
}

// guideOf is the guide an example is for: the one of id (WithGuides), or
// the current guide when id is "". ok is false for an id no guide has.
func (h *Handler) guideOf(id string) (g *seeds.Guide, ok bool) {
	if id == "" || h.guides == nil {
		return h.guide(), id == ""
	}
	g = h.guides(id)
	return g, g != nil
}

// readExamples parses an examples file into normalized question → group.
// A missing file is an empty bank.
func readExamples(path string) (map[string]string, []byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := map[string]string{}
	// Read as the index reads it, so both agree on what is in the bank.
	err = seeds.EachLine(string(data), func(_ int, group, line string) error {
		if group = strings.TrimSpace(group); group != "" {
			out[NormalizeQuestion(line)] = group
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, data, nil
}

// known returns the group a question already has in the built-in bank or
// the operator's file, if any.
func (h *Handler) known(q string, operator map[string]string) (string, bool) {
	return h.knownIn(q, operator, true)
}

// knownIn is known, with the built-in bank only if builtin.
func (h *Handler) knownIn(q string, operator map[string]string, builtin bool) (string, bool) {
	if g, ok := operator[q]; ok {
		return g, true
	}
	if builtin && h.bank != nil {
		if g, ok := h.bank()[q]; ok {
			return g, true
		}
	}
	return "", false
}

// inBank is the skip function of the review lists: questions that are
// examples already need no review.
func (h *Handler) inBank() (func(string) bool, error) {
	operator, _, err := readExamples(h.examplesPath(h.guide()))
	if err != nil {
		return nil, err
	}
	var builtin map[string]string
	if h.bank != nil {
		builtin = h.bank()
	}
	return func(q string) bool {
		q = NormalizeQuestion(q)
		_, a := operator[q]
		_, b := builtin[q]
		return a || b
	}, nil
}

// checkQuestion returns the question in the form it is stored, or why it
// cannot be an example.
func checkQuestion(q string) (string, error) {
	q = NormalizeQuestion(q)
	switch {
	case q == "":
		return "", errors.New("the question is empty")
	case utf8.RuneCountInString(q) > MaxQuestionRunes:
		return "", fmt.Errorf("the question has %d characters; at most %d", utf8.RuneCountInString(q), MaxQuestionRunes)
	case strings.Contains(q, "#"):
		return "", errors.New("a question cannot contain #, which examples.txt reads as the start of a comment")
	case strings.HasPrefix(q, "[") && strings.HasSuffix(q, "]"):
		return "", errors.New("a question cannot be a [group] header")
	case strings.IndexFunc(q, func(r rune) bool { return unicode.IsControl(r) }) >= 0:
		return "", errors.New("the question contains control characters")
	}
	return q, nil
}

// appendExample writes question under group to the file whose current
// content is old (nil if missing), atomically: the new content goes to a
// temporary file that replaces the old one, so a crash leaves either.
func appendExample(path string, old []byte, group, question string) error {
	var b bytes.Buffer
	b.Write(old)
	if len(old) == 0 {
		b.WriteString("# Examples added on the review page of the admin listener (and by hand).\n" +
			"# \"[N]\" starts questions answered by 第N条, \"[none]\" questions the guide does not answer.\n")
	} else if old[len(old)-1] != '\n' {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "[%s]\n%s\n", group, question)
	return writeAtomic(path, b.Bytes())
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// groupName is the header of a measure number: "12", or "none" for 0.
func groupName(measure int) string {
	if measure == 0 {
		return groupNone
	}
	return strconv.Itoa(measure)
}
