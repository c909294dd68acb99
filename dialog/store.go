package dialog

import (
	"context"
	"time"

	"policybot/index"
)

// Store keeps per-chat state and the feedback and question log operators
// read with `policybot stats`. Implementations must be safe for concurrent
// use. Load of an unknown, expired or unreadable chat returns ok=false and
// no error: a damaged entry must never stop a conversation.
type Store interface {
	Load(ctx context.Context, chatID int64) (s State, ok bool, err error)
	Save(ctx context.Context, chatID int64, s State) error
	// Delete removes everything stored for the chat: state, feedback, log.
	Delete(ctx context.Context, chatID int64) error
	AddFeedback(ctx context.Context, f Feedback) error
	LogQuestion(ctx context.Context, q Asked) error
}

// Asked is one question as the question log records it.
type Asked struct {
	ChatID   int64
	Question string
	Kind     Kind
	Measure  int
	Time     time.Time
}

// State is what the engine remembers about a chat between events.
type State struct {
	Mode       Mode
	Measure    int    // the measure being discussed (answered)
	Unit       string // the unit being discussed (answered)
	Candidates []int  // measures offered (choosing), or the ranking behind an answer (for 还有吗)
	Question   string // the last question asked
	// Topics are the measures discussed most recently, oldest first (at
	// most maxTopics), so "上一个" / "刚才那个" can go back to one.
	Topics []int
	// Profile is the enterprise's check-up answers (/match), kept so later
	// questions ("我能申请吗") can use them; Step is the question being asked.
	Profile index.Profile
	Step    string
	Updated time.Time
}

// Mode is the state of a conversation.
type Mode string

// Modes.
const (
	Idle     Mode = "idle"
	Answered Mode = "answered"
	Choosing Mode = "choosing"
	Browsing Mode = "browsing"
	Fallback Mode = "fallback"
	Matching Mode = "matching" // answering the check-up questions
)
