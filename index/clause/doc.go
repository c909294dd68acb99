// Package clause reads an owner's message as a person at the service
// window would: it separates the situation (who is asking, what happened)
// from the ask or asks, in the order asked.
//
// Split cuts a message into clauses at sentence and clause punctuation
// (。！？；，and their half-width forms, colons, newlines, emoji; not at 、,
// which lists things one clause asks about), after a 吗 that no
// punctuation follows, at runs of two or more spaces, at a single space
// after a question, a lead-in (请问 想问问) or a greeting (你好), at a
// single space between Chinese clauses of a story typed with spaces for
// commas (three clauses or more: "我开了个小饭馆 房子是国企的 房租能减吗"),
// and before a connective
// (另外 还有 顺便 再问一下 以及 同时 还想问 …) that follows a question.
// List numbers (1. 2、 （3） ②) are dropped. It then sorts the clauses:
//
//   - a clause with a question cue (吗, 呢 at the end, 能不能 and every
//     X不X, 怎么 多少 几 是不是 啥 什么 哪 谁 是否 如何 …, a question mark)
//     or opened by a lead-in (请问 想问一下 咨询) is an ask;
//   - a clause that only asks for a contact (找谁办, 电话多少) is not an
//     ask of its own: it joins the clause before it, which becomes an ask
//     if it was a statement ("李斌，电话多少");
//   - an ask without a subject of its own ("能减几个月", "要什么材料")
//     right after another ask joins it; after statements it becomes an ask
//     whose Context holds the nearest statements ("店面是国企的房子，能减吗");
//   - greetings and thanks (你好, 在吗, 谢谢) are dropped;
//   - every other clause is situation.
//
// A message with no question at all ("社保缓缴", or a story that ends
// without one) is one ask: its last clause, with the statements before it
// as context when it has no subject of its own.
//
// Split is pure and deterministic, needs no dictionary, and is linear in
// the message's length; its output is bounded (MaxAsks, MaxSituation,
// MaxContext) whatever the input.
package clause
