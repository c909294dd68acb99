// Package pinyin corrects the homophone and one-character typos that
// pinyin input methods produce in owners' questions (社宝 → 社保, 补帖 →
// 补贴, 曾值税 → 增值税), against a vocabulary the caller supplies: the
// loaded guide's words and the domain lexicon's, each with a weight.
//
// A Corrector is built once per vocabulary (New) and is then immutable and
// safe for concurrent use. Correct scans each run of Han characters of a
// message, left to right, longest span first, for spans that are not words
// themselves but read like a vocabulary word of the same length:
//
//   - one character different, and it reads the same in toneless pinyin
//     (any reading of the typed character: 曾 is ceng and zeng), or alike
//     under the input-method confusions enabled by WithFuzzy (zh/z, ch/c,
//     sh/s, n/l, an/ang, en/eng, in/ing). For a two-character word only
//     the meant character's most common reading counts;
//   - in a word of three or more characters, one character different with
//     no pinyin relation (公积全 → 公积金), under stricter conditions;
//   - in a word of four or more characters, two up to half of the
//     characters different, all reading the same (流底退税 → 留抵退税).
//
// It is conservative: a wrong fix misleads the search and the owner, a
// missed one costs little. A span is never corrected when
//
//   - it is a word as written: a vocabulary word or part of one, a word of
//     the general dictionary (WithDictionary, jieba's by default) or a
//     function word (WithFunctionWords);
//   - a vocabulary word found as written covers it (words are skipped
//     whole);
//   - a known word reaching outside the span holds a character the fix
//     would change, or cuts the span after one character (会计师 never
//     yields 技师, 各镇街地区 never 接地);
//   - the changed character is a grammatical one (的 了 吗 就 会 …), except
//     inside a long word read exactly alike;
//   - two vocabulary words fit equally well (停公: 停工 or 停供?) and
//     neither is used twice as often as the other.
//
// Every Fix names the span as typed and the word read, so the bot can say
// 按“社保”理解.
package pinyin
