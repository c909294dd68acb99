package main

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/dialog/store"
)

const statsUsage = `usage: policybot stats [--data-dir DIR] [--top N]

List the most asked questions, the questions the bot could not answer and
the answers voted down, so operators know which synonyms to add
(<data-dir>/synonyms.txt). Reads the chat store; works while the bot runs
only if the bot is stopped (bbolt allows one process) — run it on a backup
otherwise: policybot stats --data-dir ./restored

Example:
  policybot backup /tmp/snap.db && mkdir -p /tmp/r && cp /tmp/snap.db /tmp/r/policybot.db && policybot stats --data-dir /tmp/r --top 10`

func runStats(env *environment, args []string) error {
	fs := newFlagSet("stats", statsUsage, env.stderr)
	dataDir := fs.string("data-dir", "./data", "data directory holding policybot.db")
	top := fs.intMin("top", 20, 1, "entries per list")
	sf := addStoreFlags(fs)
	eps, err := sf.parse(fs, args)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, nil))
	var db interface {
		Stats(int) (store.Stats, error)
	}
	if eps != nil {
		e, closeAll, err := sf.openEtcdStore(env.ctx, eps, logger)
		if err != nil {
			return err
		}
		defer closeAll()
		db = e
	} else {
		b, err := store.Open(filepath.Join(*dataDir, storeFile), lockTimeout, store.WithLogger(logger))
		if err != nil {
			return err
		}
		defer b.Close()
		db = b
	}
	s, err := db.Stats(*top)
	if err != nil {
		return err
	}
	w := env.stdout
	fmt.Fprintf(w, "%d questions from %d chats; votes: %d 👍, %d 👎\n", s.Questions, s.Chats, s.UpVotes, s.DownVotes)
	if s.Unreadable > 0 {
		fmt.Fprintf(w, "%d logged questions could not be read (damaged, or written by another version)\n", s.Unreadable)
	}
	for _, l := range []struct {
		title string
		list  []store.Count
	}{{"most asked", s.MostAsked}, {"unanswered (kind none)", s.Unanswered}, {"voted down", s.DownVoted}} {
		fmt.Fprintf(w, "\n%s:\n", l.title)
		if len(l.list) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, c := range l.list {
			m := ""
			if c.Measure > 0 {
				m = fmt.Sprintf("  → measure %d", c.Measure)
			}
			if c.Guide != "" {
				// A bot serving several guides: each guide's questions apart.
				m = fmt.Sprintf("  [%s]%s", c.Guide, m)
			}
			fmt.Fprintf(w, "  %4d  %s%s\n", c.Count, printable(c.Question), m)
		}
	}
	return nil
}

// printable escapes what users typed that a terminal would act on rather
// than show: control characters (escape sequences), bidirectional overrides
// and isolates (which reorder the rest of the line), other invisible format
// characters, and invalid UTF-8. The zero-width joiner stays: emoji use it.
func printable(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r) && r != '\u200d':
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
