package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

const chatUsage = `usage: policybot chat [--jsonl] [--today YYYY-MM-DD] [--data-dir DIR]

Talk to the bot in the terminal: no token, no network. Buttons are shown as
numbered choices (type the number to press one), contact cards as a block.

With --jsonl (and whenever stdin is not a terminal) each input line is one
user message; a line "/press DATA" presses the button whose callback data is
DATA; for each input line exactly one JSON object is written:
  {"input":"…","kind":"measure|unit|choice|none|smalltalk|command","measures":[…],
   "text":"…","buttons":[[{"text":"…","data":"…"}]],
   "contacts":[{"name":"…","org":"…","department":"…","phones":["…"]}]}
"contacts" are the contact cards the bot sends after the text: only when the
message asks whom to call (找谁, 电话) or names a person or unit;
a measure's reply otherwise shows its ☎ lines in the text alone.

--today judges deadlines and the guide's age as of that day (in --time-zone),
for transcripts that must not change with the calendar.

Examples:
  policybot chat
  printf '社保能缓交吗\n找谁办\n' | policybot chat --jsonl
  printf '社保能缓交吗\n' | policybot chat --jsonl --today 2026-06-18`

func runChat(env *environment, args []string) error {
	fs := newFlagSet("chat", chatUsage, env.stderr)
	f := addAppFlags(fs)
	jsonl := fs.bool("jsonl", false, "read one message per line, write one JSON object per line")
	chatID := fs.int("chat-id", 1, "chat id the conversation is stored under")
	today := fs.string("today", "", "judge deadlines as of this day, YYYY-MM-DD (default: the real date)")
	fs.checks = append(fs.checks, func() error {
		if _, err := time.Parse("2006-01-02", *today); *today != "" && err != nil {
			return fmt.Errorf("%s: want YYYY-MM-DD, got %q", fs.source("today"), *today)
		}
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var opts []dialog.Option
	if *today != "" {
		day, _ := time.ParseInLocation("2006-01-02", *today, f.location())
		opts = append(opts, dialog.WithToday(day))
	}
	a, err := openApp(env, f, logger, nil, opts...)
	if err != nil {
		return err
	}
	defer a.Close()
	if *jsonl || !isTerminal(env.stdin) {
		return chatJSONL(env, a.engine, int64(*chatID))
	}
	return chatTerminal(env, a.engine, int64(*chatID))
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// event turns an input line into a dialog event.
func event(line string) dialog.Event {
	switch {
	case strings.HasPrefix(line, "/press "):
		return dialog.Event{Kind: dialog.Press, Data: strings.TrimPrefix(line, "/press ")}
	case strings.HasPrefix(line, "/") && len(line) > 1:
		name, args, _ := strings.Cut(line[1:], " ")
		return dialog.Event{Kind: dialog.Command, Command: name, Text: args}
	}
	return dialog.Event{Kind: dialog.Message, Text: line}
}

type jsonButton struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

type jsonContact struct {
	Name       string   `json:"name"`
	Org        string   `json:"org"`
	Department string   `json:"department"`
	Phones     []string `json:"phones"`
}

type jsonTurn struct {
	Input    string         `json:"input"`
	Kind     string         `json:"kind"`
	Measures []int          `json:"measures"`
	Text     string         `json:"text"`
	Buttons  [][]jsonButton `json:"buttons"`
	Contacts []jsonContact  `json:"contacts"`
}

// merge folds a turn's replies into the one object the transcript format
// has per input line.
func merge(input string, replies []dialog.Reply) jsonTurn {
	out := jsonTurn{Input: input, Kind: string(seeds.KindCommand), Measures: []int{}, Buttons: [][]jsonButton{}, Contacts: []jsonContact{}}
	var texts []string
	for i, r := range replies {
		if i == 0 {
			out.Kind = string(r.Kind)
		}
		if r.Text != "" {
			texts = append(texts, r.Text)
		} else if r.Notice != "" {
			texts = append(texts, r.Notice)
		}
		out.Measures = append(out.Measures, r.Measures...)
		for _, row := range r.Buttons {
			var jr []jsonButton
			for _, b := range row {
				jr = append(jr, jsonButton{b.Text, b.Data})
			}
			out.Buttons = append(out.Buttons, jr)
		}
		for _, c := range r.Contacts {
			out.Contacts = append(out.Contacts, jsonContact{c.Name, c.Org, c.Department, append([]string{}, c.Phones...)})
		}
	}
	out.Text = strings.Join(texts, "\n\n")
	return out
}

func chatJSONL(env *environment, e *dialog.Engine, chatID int64) error {
	lines, readErr := scanLines(env.stdin, 4*1024*1024)
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	for {
		var line string
		select {
		case <-env.ctx.Done():
			return nil // SIGTERM or ^C while waiting for input: stop, nothing is half done
		case l, ok := <-lines:
			if !ok {
				if err := readErr(); err != nil {
					return fmt.Errorf("read input: %w", err)
				}
				return nil
			}
			line = strings.TrimRight(l, "\r")
		}
		replies, err := e.Handle(env.ctx, chatID, event(line))
		if err != nil {
			fmt.Fprintf(env.stderr, "policybot chat: %v\n", err)
		}
		if err := enc.Encode(merge(line, replies)); err != nil {
			return fmt.Errorf("write transcript: %w", err)
		}
	}
}

func chatTerminal(env *environment, e *dialog.Engine, chatID int64) error {
	w := env.stdout
	fmt.Fprintln(w, banner(e.Index().Guide()))
	replies, _ := e.Handle(env.ctx, chatID, dialog.Event{Kind: dialog.Command, Command: "start"})
	last := printReplies(w, replies)
	lines, readErr := scanLines(env.stdin, 64*1024)
	for {
		fmt.Fprint(w, "\n> ")
		var line string
		select {
		case <-env.ctx.Done():
			fmt.Fprintln(w)
			return nil
		case l, ok := <-lines:
			if !ok {
				fmt.Fprintln(w)
				return readErr()
			}
			line = strings.TrimSpace(l)
		}
		ev := event(line)
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(last) {
			ev = dialog.Event{Kind: dialog.Press, Data: last[n-1].Data}
		}
		replies, err := e.Handle(env.ctx, chatID, ev)
		if err != nil {
			fmt.Fprintf(env.stderr, "(warning: %v)\n", err)
		}
		last = printReplies(w, replies)
	}
}

// scanLines reads r's lines (each at most maxLine bytes) on a goroutine of
// its own, so that the chat loops can stop on a signal while a read is
// blocked on a terminal or a pipe: a process waiting for input must still
// end on SIGTERM. The channel closes at the end of input; the error
// function then reports a read error, if any.
func scanLines(r io.Reader, maxLine int) (<-chan string, func() error) {
	out := make(chan string)
	var err error
	go func() {
		defer close(out)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), maxLine)
		for sc.Scan() {
			out <- sc.Text()
		}
		err = sc.Err()
	}()
	// err is written before out is closed and read only after.
	return out, func() error { return err }
}

// printReplies shows replies as text, numbered buttons and contact blocks,
// and returns the buttons in the order they were numbered.
func printReplies(w io.Writer, replies []dialog.Reply) []dialog.Button {
	var buttons []dialog.Button
	for _, r := range replies {
		if r.Text != "" {
			fmt.Fprintln(w, "\n"+r.Text)
		} else if r.Notice != "" {
			fmt.Fprintln(w, "\n("+r.Notice+")")
		}
		for _, c := range r.Contacts {
			if shownInText(r.Text, c) {
				continue // the text already lists this person and phone: once is enough
			}
			fmt.Fprintf(w, "┌ 名片：%s\n│ %s %s\n└ %s\n", c.Name, c.Org, c.Department, strings.Join(c.Phones, "、"))
		}
		for _, row := range r.Buttons {
			var parts []string
			for _, b := range row {
				buttons = append(buttons, b)
				parts = append(parts, fmt.Sprintf("[%d] %s", len(buttons), b.Text))
			}
			fmt.Fprintln(w, strings.Join(parts, "  "))
		}
	}
	return buttons
}

// banner is the terminal's first line, naming the guide it answers from.
func banner(g *seeds.Guide) string {
	name := g.Title
	if i, j := strings.Index(name, "《"), strings.LastIndex(name, "》"); i >= 0 && j > i {
		name = name[i+len("《") : j]
	}
	if name == "" {
		name = "助企政策"
	}
	return "《" + name + "》问答（终端版）。直接输入问题；输入数字按按钮；/help 查看帮助；Ctrl-D 退出。"
}

// shownInText reports whether a reply's text already names the card's
// person and every phone, so the terminal need not repeat it as a card.
func shownInText(text string, c dialog.Contact) bool {
	if !strings.Contains(text, c.Name) {
		return false
	}
	for _, p := range c.Phones {
		if !strings.Contains(text, p) {
			return false
		}
	}
	return true
}
