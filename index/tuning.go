package index

import "fmt"

// Tuning holds the numbers behind word weighting, ranking and the decision.
// DefaultTuning gives the values the tests and the README figures were
// measured with; WithTuning replaces them for one index. The learned model
// is trained with them, so they are part of the index's fingerprint.
type Tuning struct {
	// MaxHits is the number of ranked measures a result carries.
	MaxHits int

	// MinTopicWeight: a question naming a unit is about the unit unless the
	// rest of it weighs at least this much (about one specific word).
	MinTopicWeight float64
	// TieRatio: a runner-up scoring at least this share of the best, with as
	// much coverage, makes the question ambiguous (a choice).
	TieRatio float64
	// VagueTerms and VagueRatio: a question of at most VagueTerms words that
	// other measures cover as fully as the best, scoring at least VagueRatio
	// of it, is vague: the candidates are offered.
	VagueTerms int
	VagueRatio float64
	// ListCoverage: for a question asking for a list ("有哪些"), the measures
	// covering at least this share of it are offered.
	ListCoverage float64
	// CoverageLead: a measure covering this much more of the question than
	// another ranks above it whatever their BM25 scores (BM25 favours short
	// texts that repeat one word).
	CoverageLead float64
	// SituationWeight scales the words of a message's situation (the
	// statements around an ask) in the search and the coverage: they help
	// rank, the ask's own words decide.
	SituationWeight float64
	// SubjectWeight: an ask whose own words (besides cues) weigh less
	// names no subject of its own and is read with the statements before
	// it ("这部分钱能补吗").
	SubjectWeight float64
	// SuggestMax is the number of closest measures a suggestion offers.
	SuggestMax int
	// MinTopicCover is the share of a message's own words (by weight) the
	// sentences of the measure under discussion must mention for the
	// message to stay on it; likewise for picking one of the measures
	// offered.
	MinTopicCover float64
	// RelatedCoverage: the runners-up an answer keeps for 还有吗 cover at
	// least this share of what the best measure covers.
	RelatedCoverage float64

	// A word no measure uses weighs by jieba's general IDF, mapped from
	// [GeneralIDFFloor, GeneralIDFFloor+GeneralIDFScale*MaxWeight] onto
	// [MinWeight, MaxWeight].
	MaxWeight, MinWeight             float64
	GeneralIDFFloor, GeneralIDFScale float64
	// SingleCharFactor scales the weight of one-character words.
	SingleCharFactor float64
	// Every word's weight is scaled by (general IDF - CommonIDFFloor) /
	// CommonIDFScale, between MinCommonFactor and 1: everyday words say
	// little about a topic even where the guide uses them rarely.
	CommonIDFFloor, CommonIDFScale, MinCommonFactor float64
	// HeadingFactor is the share of a word's weight a measure covers when
	// the word is only in its subsection heading, which several measures
	// share (社会保险费和住房公积金: 社保 is not what 第3条 is about).
	HeadingFactor float64
	// MinExampleFit: a measure's example questions are used only if its own
	// text covers at least this share of their words on average.
	MinExampleFit float64
	// ExampleSupport: a word the guide's text never uses, found in fewer
	// than this many example questions, weighs proportionally less: one
	// owner's chatter (开了个, 这段) is not a topic.
	ExampleSupport int

	// AnswerProbability and SuggestProbability split the model's
	// probability into answer / suggest / none.
	AnswerProbability, SuggestProbability float64
	// OpenSuggestProbability replaces SuggestProbability for an ask with no
	// evidence that the guide does not cover it (no other place, no domain
	// out-of-scope word): declining needs evidence, so such an ask is
	// suggested down to this probability rather than refused (issue 18).
	// OpenSuggestCoverage is the share of the ask its best measure must
	// cover for OpenSuggestProbability to apply: a measure that shares one
	// word with it is no lead.
	OpenSuggestProbability, OpenSuggestCoverage float64
	// BareSuggestCoverage: a bare question (one ask, nothing told around
	// it) gets OpenSuggestProbability only when its best measure covers
	// this much of it.
	BareSuggestCoverage float64
	// ImpliedSuggestProbability replaces it for a message that asks
	// nothing ("…订单全退了，贷款下个月就到期，愁得睡不着觉"): with no
	// question there is no evidence of one the guide does not cover, so a
	// best measure covering OpenSuggestCoverage of the words the guide
	// knows is suggested down to this probability.
	ImpliedSuggestProbability float64
	// SureMargin and SureCoverage: below SuggestProbability, a ranking
	// whose best measure leads the runner-up by this BM25 margin, covering
	// this share of the ask, with no evidence of another place or an
	// out-of-scope topic, is still a suggestion (see sureRanking).
	SureMargin, SureCoverage float64
	// LeadAnswerProbability and LeadCoverageMargin: from this probability
	// up, an ask whose best measure leads by SureMargin and by this much
	// coverage, naming no noun the guide lacks and no other place or
	// out-of-scope topic, is answered rather than suggested (see
	// clearLead). Chosen across the leave-one-guide-out guides (issue 18).
	LeadAnswerProbability, LeadCoverageMargin float64
	// HeadlessProbability: an answer whose measure holds none of the
	// ask's head (see checkHead) stands only from this probability up;
	// below it, it is offered as a near miss.
	HeadlessProbability float64
	// Folds is the number of folds the example bank is split into: each
	// example's training features are computed without its fold.
	Folds int
	// Training of the logistic regression: full-batch gradient descent.
	Iterations   int
	LearningRate float64
	L2           float64
	// MinPositives: with fewer in-scope examples fitting the guide, its
	// written examples are not its own: they are not used, and the model is
	// not trained but the built-in default is used.
	MinPositives int
	// OwnModel trains the decision model on the guide's own bank when the
	// index is built (if it has one, see MinPositives) instead of deciding
	// with the shipped model, trained on several guides.
	OwnModel bool
	// DayOne builds the index as a guide has it on its first day: its
	// written examples stay out of the bank (generated ones take their
	// place) and are, instead, training rows of TrainModel, read through
	// that bank: owners' questions with the features a guide without
	// written examples gives them. For training a model for such guides;
	// never for serving.
	DayOne bool
	// DayOneShift is added to the decision model's log-odds on a guide
	// without written examples of its own (its first day). The shipped
	// model learns in part from guides whose written questions lift the
	// features of owners' questions (their words are in the bank), so on
	// a new guide it is too shy; the shift is fitted across the
	// leave-one-guide-out guides (index/eval TestDayOneShift), not to one.
	DayOneShift float64
	// DayOneRivalShare: on a guide without written examples, an answer
	// whose runner-up covers more of the ask and names nouns of it the
	// best measure lacks weighing this share of the ask is a choice
	// between them (Features.Rival). Chosen on the leave-one-guide-out
	// guides: 0.15 and 0.25 differ by one question ("贷款能延期还吗",
	// 0.248); at 0.01 one story's wrong answer moved to another wrong one.
	DayOneRivalShare float64
	// PlacedRuleCoverage: an ask naming another place that the best
	// measure names too is about that measure's rule, not another place,
	// when the measure covers this share of the ask's other words.
	PlacedRuleCoverage float64
	// NegatedCoverage: a word of an out-of-scope topic the ask negates
	// ("没买房 公积金能取出来交房租吗") is the asker's lack, no evidence,
	// when the best measure covers at least this share of the ask's other
	// words; otherwise the negated topic is still what it is about ("一直
	// 没注册商标 现在去注册还来得及吗").
	NegatedCoverage float64
	// MinExamples: a measure with fewer written examples gets up to
	// GeneratedExamples questions generated from its text (index/generate).
	MinExamples, GeneratedExamples int
	// NegativeWeight scales the loss of out-of-scope examples, which are
	// fewer than in-scope ones.
	NegativeWeight float64
	// ToldEvery: every ToldEvery-th example is also trained on told after
	// a story, its loss scaled by ToldWeight (0: none is).
	ToldEvery  int
	ToldWeight float64
}

// DefaultTuning returns the tuning Open uses unless WithTuning is given.
func DefaultTuning() Tuning {
	return Tuning{
		MaxHits:                   5,
		MinTopicWeight:            1.5,
		TieRatio:                  0.85,
		VagueTerms:                2,
		VagueRatio:                0.5,
		ListCoverage:              0.5,
		SuggestMax:                3,
		SituationWeight:           0.3,
		SubjectWeight:             1.0,
		MinTopicCover:             0.5,
		RelatedCoverage:           0.6,
		CoverageLead:              0.25,
		MaxWeight:                 2.0,
		MinWeight:                 0.2,
		GeneralIDFFloor:           5.0,
		GeneralIDFScale:           2.5,
		SingleCharFactor:          0.3,
		CommonIDFFloor:            4.5,
		CommonIDFScale:            3.0,
		MinCommonFactor:           0.3,
		HeadingFactor:             0.5,
		ExampleSupport:            2,
		MinExampleFit:             0.2,
		AnswerProbability:         0.55,
		SuggestProbability:        0.3,
		OpenSuggestProbability:    0.1,
		OpenSuggestCoverage:       0.35,
		BareSuggestCoverage:       0.65,
		ImpliedSuggestProbability: 0.03,
		SureMargin:                0.6,
		SureCoverage:              0.5,
		LeadAnswerProbability:     0.45,
		LeadCoverageMargin:        0.1,
		HeadlessProbability:       0.9,
		Folds:                     5,
		Iterations:                600,
		LearningRate:              0.5,
		L2:                        0.01,
		NegativeWeight:            3,
		ToldEvery:                 2,
		ToldWeight:                0.5,
		MinPositives:              100,
		MinExamples:               5,
		DayOneShift:               0.6,
		DayOneRivalShare:          0.15,
		PlacedRuleCoverage:        0.5,
		NegatedCoverage:           0.5,
		GeneratedExamples:         16,
	}
}

func (t Tuning) validate() error {
	switch {
	case t.MaxHits < 1 || t.SuggestMax < 1:
		return fmt.Errorf("tuning: MaxHits and SuggestMax must be positive")
	case t.Folds < 2 || t.Folds > 16:
		return fmt.Errorf("tuning: Folds must be between 2 and 16, not %d", t.Folds)
	case t.LeadAnswerProbability > t.AnswerProbability:
		return fmt.Errorf("tuning: LeadAnswerProbability above AnswerProbability")
	case t.SuggestProbability > t.AnswerProbability || t.OpenSuggestProbability > t.AnswerProbability || t.ImpliedSuggestProbability > t.AnswerProbability:
		return fmt.Errorf("tuning: SuggestProbability, OpenSuggestProbability or ImpliedSuggestProbability above AnswerProbability")
	case t.DayOneRivalShare < 0 || t.DayOneRivalShare > 1:
		return fmt.Errorf("tuning: DayOneRivalShare must be between 0 and 1, not %v", t.DayOneRivalShare)
	case t.Iterations < 1 || t.LearningRate <= 0:
		return fmt.Errorf("tuning: Iterations and LearningRate must be positive")
	}
	return nil
}

// String lists every value, for the fingerprint.
func (t Tuning) String() string {
	type plain Tuning // without this method
	return fmt.Sprintf("%+v", plain(t))
}
