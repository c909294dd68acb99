// Package generate writes example questions for any guide, from its
// measures alone, so that a guide loaded without written examples still
// has some at index build.
//
// For each measure with text, KeyPhrases picks the phrases distinctive of
// that measure: jieba's words of the measure, scored by TF-IDF over the
// guide's measures (a word every measure uses scores nothing) and by
// jieba's general-language IDF (a common word scores less). The domain
// lexicon, inverted, gives each phrase the everyday words owners use for
// it (社会保险费 → 社保). Questions then fills the question shapes owners
// use (能不能 / 怎么办 / 找谁 / 到什么时候 / 我这种算不算 / 有没有…补贴 /
// keywords only / 我是开饭店的，…能…吗) with those phrases and with the
// relief action the measure offers (缓缴 → 缓交, 减免, 延期 …).
//
// Everything is data the caller passes in (the guide, the lexicon as plain
// data, a jieba Tagger) or a small table in this package (DefaultShapes,
// DefaultActions, DefaultOwners), so the output is deterministic: the same
// guide, lexicon and options give the same questions. Nothing of one
// guide is ever written into another's questions.
package generate
