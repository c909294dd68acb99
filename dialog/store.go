package dialog

import (
	"context"
	"errors"
	"time"

	"policybot/index/tags"
	"policybot/seeds"
)

// Store keeps per-chat state and the feedback and question log operators
// read with `policybot stats`. Implementations must be safe for concurrent
// use. Load of an unknown, expired or unreadable chat returns ok=false and
// no error: a damaged entry must never stop a conversation.
//
// The write path is Commit alone (with Journal, for an adapter), so that
// another implementation (a replicated store) needs one transaction per
// turn and nothing else.
type Store interface {
	Load(ctx context.Context, chatID int64) (s State, ok bool, err error)
	// Commit writes everything one turn of chatID produced in a single
	// transaction: all of it is stored, or none of it.
	Commit(ctx context.Context, chatID int64, c Commit) error
}

// Commit is what one turn writes. The engine fills it; a Store writes it
// atomically, so a crash never leaves a question logged without its state,
// or an event marked handled without the state it led to.
type Commit struct {
	// Forget deletes everything stored for the chat (state, feedback,
	// question log) before the rest is written (/forget); the store leaves
	// none of its text readable in the file afterwards.
	Forget bool
	// State is the chat's new state; nil leaves the stored state alone
	// (or, with Forget, absent).
	State    *State
	Asked    []Asked    // questions to add to the question log
	Feedback []Feedback // votes; a later vote on a measure replaces the chat's earlier one
	// EventID is the Event.ID of the turn (0: none). A Store that keeps a
	// Journal records the turn's Replies with it, so that after a crash
	// the replies are delivered without running the turn twice.
	EventID int64
	Replies []Reply
}

// Inbound is an event as an adapter received it: its id (Telegram's
// update_id: positive, increasing) and its bytes, journaled before the
// adapter acknowledges it so a crash cannot lose it.
type Inbound struct {
	ID  int64
	Raw []byte
	// Key is the event's ordering key (its chat): a journal shared by
	// several replicas hands one key's events to one replica at a time,
	// in id order. "" means none (the event needs no turn).
	Key string
}

// ErrNotOwner is wrapped by the Commit error of a store shared by several
// replicas when this replica no longer holds the chat (its claim or its
// leadership expired, e.g. while it was cut off): another replica handles
// the event, so the adapter drops the turn without answering.
var ErrNotOwner = errors.New("this replica no longer holds the chat")

// Pending is a journaled event that is not finished: its turn has not run
// (Answered false), or it ran and Replies[Sent:] are still undelivered.
// Received is when it was first journaled (an adapter gives up on
// delivering an answer some time after it).
type Pending struct {
	Inbound
	Answered bool
	Replies  []Reply
	Sent     int
	Received time.Time
}

// Journal is the durable inbox of an adapter, kept by the Store so that
// marking an event answered is part of its turn's Commit. All methods are
// safe for concurrent use.
type Journal interface {
	// Stage notes events as received, in memory, and sorts them. fresh
	// are those it has not seen, in the order given; one it has seen (the
	// same id and bytes: a redelivery) is dropped. held are the ids of
	// events that reuse the id of an unfinished event with other bytes
	// (the update ids started over): they are neither handled nor to be
	// acknowledged until that event is finished. An id whose earlier event
	// is finished is fresh again with other bytes. A staged event becomes
	// durable with the Commit of its turn (no extra write), or by Flush,
	// or with Delivered; only then may the adapter acknowledge it.
	Stage(evs []Inbound) (fresh []Inbound, held []int64, err error)
	// Flush writes the staged events among ids that are not durable yet,
	// in one transaction, and returns once every one of ids is durable.
	Flush(ctx context.Context, ids []int64) error
	// Unfinished returns the pending events in id order.
	Unfinished(ctx context.Context) ([]Pending, error)
	// Delivered records that the first sent messages of event id were
	// delivered; done finishes the event (it will never be returned by
	// Unfinished or accepted by Receive again). It does not wait for the
	// disk: records are committed in call order with the store's next
	// write, and then (if not nil) is called with the outcome once the
	// record is durable or has failed. Only a crash in between loses it,
	// and a lost record means a message sent again, never one lost.
	Delivered(id int64, sent int, done bool, then func(error))
	// LastID returns the highest event id received (0 for none) since the
	// ids last started over (see Stage).
	LastID(ctx context.Context) (int64, error)
}

// Asked is one question as the question log records it.
type Asked struct {
	ChatID   int64
	Question string
	Kind     seeds.Kind
	Measure  int
	Time     time.Time
	// Guide is the id of the guide that answered (Measure is its
	// measure) when the engine serves several guides, else "".
	Guide string
}

// State is what the engine remembers about a chat between events.
type State struct {
	Mode Mode
	// Measure is the measure being discussed: the last one answered. It
	// survives a refusal and a suggestion (Mode fallback or choosing), so
	// "那找谁" after either is still about it; a new answer or a choice
	// about a new subject replaces it.
	Measure    int
	Unit       string // the unit being discussed (answered)
	Candidates []int  // measures offered (choosing), or the ranking behind an answer (for 还有吗)
	// Listed is the numbered list shown last ("2" or "第二个" picks from
	// it); nil once a new question is asked.
	Listed   []int
	Question string // the last question asked
	// Answers are the measures a message of several asks was answered
	// with, in order ("房租…，还有水电…"), so that "这两个分别找谁" asks
	// each; nil once a message asks something else.
	Answers []int
	// Case is what the owner told of their own case about measure CaseOf
	// that its words rule out ("房东是个人的，不是国家的"), so "那我这种就没
	// 办法了" is judged with it, and so is any yes/no question answered
	// with that measure later ("小微企业有照顾吗" after talk of another
	// measure): the owner's case does not change with the topic. A record
	// from before CaseOf (0) told it about Measure.
	Case   string
	CaseOf int
	// Asker is the last message that said what kind of business or person
	// the asker is ("我是开课外培训班的…"), so a bare "还有别的吗" with no
	// list to go on is answered with the other measures for that kind.
	Asker string
	// Topics are the measures discussed most recently, oldest first (at
	// most maxTopics), so "上一个" / "刚才那个" can go back to one.
	Topics []int
	// Discussed are all the measures answered in this chat, oldest first
	// (at most maxDiscussed): Topics keeps only the last few for "上一个",
	// but a long talk's "还有别的吗" says "除了已经谈过的" and must not list
	// a measure answered ten turns ago as new.
	Discussed []int
	// Refused are the measures the last refusal offered as buttons, so the
	// next refusal offers others, not the same ones turn after turn.
	Refused []int
	// Offered are the measures lists showed to pick from (a choice, what
	// else there is) since the last answer, oldest first (at most
	// maxOffered), so "还有别的吗" lists past them, not them again, though a
	// refusal or the guide's age came in between; nil once a measure or
	// unit is answered (what was offered before it may fit again).
	Offered []int
	// Profile is the enterprise's check-up answers (/match), kept so later
	// questions ("我能申请吗") can use them; Step is the question being asked.
	Profile tags.Profile
	Step    string
	Updated time.Time

	// For an engine serving several guides (else empty): Guide is the id of
	// the chat's district's guide, chosen by a place named, a district
	// pressed or named after the bot asked; "" while unknown. The measure
	// numbers above are that guide's. Pending are the messages waiting for
	// the district (the question that made the bot ask, and a follow-up),
	// answered in order once it is known. Questions are the last question
	// asked in each guide, so that going back to a district ("再回到门头沟，
	// 截止是哪天") picks its topic up again.
	Guide     string
	Pending   []string
	Questions map[string]string
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
