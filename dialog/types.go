package dialog

import (
	"policybot/seeds"
	"time"
)

// EventKind says what a user did.
type EventKind int

// Event kinds.
const (
	Message EventKind = iota // a text message (Event.Text)
	Press                    // a press of an inline button (Event.Data)
	Command                  // a /command (Event.Command, arguments in Event.Text)
)

// Event is one thing a user did in a chat.
type Event struct {
	// ID is the adapter's id of the event (Telegram's update_id), or 0.
	// With a journaling Store the turn's Commit marks it answered.
	ID      int64
	Kind    EventKind
	Text    string // the message, or the command's arguments
	Data    string // callback data of the pressed button
	Command string // command name without the slash: "start", "help", "list", "contact", "about", "forget", "match"
}

// Reply is one message to send back. Text is plain Simplified Chinese; an
// adapter escapes it for its medium. A reply may carry inline buttons and
// contact cards, which an adapter sends after the text. A reply to a button
// press may have an empty Text and only a Notice (a vote acknowledged):
// the adapter then sends no message, only the acknowledgement.
type Reply struct {
	Kind     seeds.Kind
	Text     string
	Buttons  [][]Button // rows of inline buttons
	Contacts []Contact  // contact cards to send after the text
	Measures []int      // the measures the reply is about, best first
	Unit     string     // the unit the reply is about (seeds.KindUnit, or a measure reply giving a unit asked for), else ""
	// Edit asks the adapter to replace the message whose button was
	// pressed rather than send a new one (browsing the guide).
	Edit bool
	// Notice is a short acknowledgement for the button press itself (a
	// toast on Telegram); "" for none.
	Notice string
	// Guide is the id of the guide the reply answers from (index.GuideID)
	// when the engine serves several guides, else "". The text names it.
	Guide string
}

// Button is an inline button. Data is at most MaxDataBytes bytes.
type Button struct {
	Text string
	Data string
}

// MaxDataBytes is the most callback data a button may carry (Telegram's limit).
const MaxDataBytes = 64

// Contact is a contact card: a person (or a unit when the guide names no
// one) and the phones the guide lists for them.
type Contact struct {
	Name       string   // person, e.g. "林桂香"; the unit when no person is named
	Org        string   // unit, e.g. "区人保局"
	Department string   // e.g. "社保中心登记征缴科"; may be ""
	Phones     []string // as written in the guide: "010-" and 8 digits, or a mobile
}

// Feedback is a vote on an answer. Only the chat id identifies the user.
type Feedback struct {
	ChatID   int64
	Question string
	Measure  int  // the measure the answer was about; 0 for none
	Up       bool // 👍 or 👎
	Time     time.Time
	Guide    string // the id of the measure's guide when several are served, else ""
}
