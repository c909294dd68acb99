package dialog

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Callback data is "1|<tag>|<action>|<arg>": a format version, a tag of
// the guide the button was made for, what to do and its argument. The tag
// lets a button made for another version of the guide be recognised as
// stale instead of showing a different measure under the same number.
const callbackVersion = "1"

// Button actions.
const (
	actMeasure  = "m" // show measure <n>
	actContact  = "c" // contact cards of measure <n>
	actDetails  = "d" // full text of measure <n>
	actMore     = "n" // more candidates
	actBrowse   = "b" // browse: "" root, "<s>" section, "<s>.<n>" subsection
	actUnit     = "u" // unit <index in the directory>
	actVoteUp   = "+" // 👍 on measure <n> (0: a fallback)
	actVoteDown = "-" // 👎
	actAsk      = "q" // ask the question <text>
	actCommand  = "k" // run command <name>
)

func (t *turn) data(action, arg string) string {
	d := callbackVersion + "|" + t.tag + "|" + action + "|" + arg
	if len(d) > MaxDataBytes {
		// Only a long question can overflow; cut it at a rune boundary.
		d = d[:MaxDataBytes]
		for !utf8.ValidString(d) {
			d = d[:len(d)-1]
		}
	}
	return d
}

func (t *turn) button(text, action, arg string) Button {
	return Button{Text: text, Data: t.data(action, arg)}
}

// callback is parsed button data.
type callback struct {
	action, arg string
	stale       bool // made for another version of the guide
}

// parseCallback reads button data; ok is false for anything this engine
// did not make (forged, truncated, from an older format).
func parseCallback(data, tag string) (callback, bool) {
	if len(data) > MaxDataBytes || !utf8.ValidString(data) {
		return callback{}, false
	}
	parts := strings.SplitN(data, "|", 4)
	if len(parts) != 4 || parts[0] != callbackVersion || parts[2] == "" {
		return callback{}, false
	}
	c := callback{action: parts[2], arg: parts[3], stale: parts[1] != tag}
	switch c.action {
	case actMeasure, actContact, actDetails, actUnit, actVoteUp, actVoteDown:
		if _, err := strconv.Atoi(c.arg); err != nil {
			return callback{}, false
		}
	case actMore, actBrowse, actAsk, actCommand, actMatch:
	default:
		return callback{}, false
	}
	return c, true
}

// buttonRows lays buttons out in rows of at most perRow.
func buttonRows(buttons []Button, perRow int) [][]Button {
	var rows [][]Button
	for len(buttons) > perRow {
		rows, buttons = append(rows, buttons[:perRow:perRow]), buttons[perRow:]
	}
	if len(buttons) > 0 {
		rows = append(rows, buttons)
	}
	return rows
}
