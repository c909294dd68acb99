// Package dialog is the conversation: a state machine from (chat state,
// event) to (new state, replies), with no Telegram types. Telegram (package
// bot), the terminal (policybot chat) and the tests all drive Engine.Handle.
//
// States (State.Mode) and transitions:
//
//	state      event                                  → state     reply
//	any        greeting / thanks / bye (any mix, particles) → same    small talk
//	any        你是谁 / 你能做什么                     → same      what the bot does, from the parsed guide
//	any        转人工 / 人工客服                        → same      the hotline the guide names (12345)
//	any        new question, search finds a measure   → answered  measure: verdict, text, deadline, units, contacts
//	any        new question naming a unit             → answered  unit: contacts, measures it leads
//	any        new question, several fit              → choosing  choice: candidates as buttons (with phones for 找谁)
//	any        one word several measures cover (贷款)  → choosing  choice
//	any        new question outside the guide         → fallback  none: examples, 12345 hotline, no phone
//	answered   a message read against the measure (topic.go): no words of its own, or words
//	           the measure covers at least as well as any other → answered, about that measure:
//	             找谁 / 电话多少                       contact cards of the measure
//	             什么时候截止 / 多久                   the deadline line (and the period a named thing has)
//	             配合单位                             lead and supporting units
//	             原文                                 full text and follow-up sentences
//	             能网上办吗 / 怎么申请 / 条件 / 谁能 /  the sentences that answer it under 【第N条】, a verdict
//	             多少 / 征信 / 价格有限制吗             only for the asker's kind; or "第N条没有提到…" + its contact
//	answered   上一个 / 刚才那个                       → answered  the previous topic (State.Topics), or the aspect asked of it
//	answered   还有吗 / 其他                          → choosing  the rest of the ranking
//	answered   "公积金呢" (ellipsis, a new subject)   → answered  the last question asked about the new subject
//	choosing   找谁                                   → choosing  each candidate with its lead unit and phone
//	choosing   words that one candidate covers best   → answered  that candidate
//	choosing   press a candidate / ask again          → answered
//	any        /list, browse buttons                  → browsing  sections → subsections → measures (edits in place)
//	any        /forget                                → idle      everything stored for the chat deleted
//	any        forged or stale button                 → same      a polite message
//
// Commands are one table (commands.go) driving the menu, /help and
// dispatch. Everything the bot says about the guide (title, issuer, date,
// counts, years of its periods) comes from the parsed guide.
//
// The boundary: package index reads every message (index.Index.Read) with
// what the conversation knows (index.Context: topic, offered measures,
// recent topics, last question) and decides: small talk, 还有吗, 上一个, and
// for each ask its kind, whether it stays on the topic or picks an offered
// measure, its aspects, and the sentences and verdict that answer it
// (Index.Quote, Index.Verdict). The dialog keeps the state and topic memory
// and renders; it holds no word list, weight or threshold (boundary_test.go
// fails if it does). The state is saved after every event through a Store;
// entries expire after 30 days idle.
package dialog
