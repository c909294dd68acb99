package seeds

// Kind says what an answer is: the search's decision on a question
// (measure, unit, choice, suggest, none) and, for the conversation's
// replies, also what else a reply can be (small talk, a command's answer,
// an error). It is one type for every package that records or counts
// answers: the index decides, the dialog replies, the store logs and the
// operators' review lists group by it. Its values are stored (question
// log, journal), so they never change.
type Kind string

// Kinds.
const (
	KindMeasure   Kind = "measure"   // one measure answers it
	KindUnit      Kind = "unit"      // about a unit (its phones, what it leads)
	KindChoice    Kind = "choice"    // several measures fit about equally: the user picks
	KindSuggest   Kind = "suggest"   // not directly covered: the closest measures are offered
	KindNone      Kind = "none"      // the guide does not cover it: the decline and the hotline
	KindSmallTalk Kind = "smalltalk" // a greeting, thanks, goodbye
	KindCommand   Kind = "command"   // the answer to a command or navigation
	KindError     Kind = "error"     // the search or the turn failed: try again later
	// KindPlace asks which district the enterprise is in, where a bot
	// serving several districts' guides has answers that differ by guide.
	KindPlace Kind = "place"
)
