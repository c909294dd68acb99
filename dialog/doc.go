// Package dialog is the conversation: a state machine from (chat state,
// event) to (new state, replies), with no Telegram types. Telegram (package
// bot), the terminal (policybot chat) and the tests all drive Engine.Handle.
//
// States (State.Mode) and transitions:
//
//	state      event                                  → state     reply
//	any        greeting / thanks / bye                → same      small talk
//	any        new question, search finds a measure   → answered  measure: verdict, text, deadline, units, contacts
//	any        new question naming a unit             → answered  unit: contacts, measures it leads
//	any        new question, several fit              → choosing  choice: candidates as buttons
//	any        new question outside the guide         → fallback  none: examples, 12345 hotline, no phone
//	answered   找谁 / 电话多少 / 怎么联系              → answered  contact cards of the current measure or unit
//	answered   具体 / 原文 / 详细                      → answered  full text and follow-up sentences
//	answered   什么时候 / 截止 / 期限                  → answered  the period and whether it has passed
//	answered   配合单位                               → answered  lead and supporting units
//	answered   还有吗 / 其他                          → choosing  the rest of the ranking
//	answered   "公积金呢" (ellipsis)                  → answered  the last question asked about the new subject
//	answered   a question whose candidates include the current measure → answered (the current one)
//	choosing   press a candidate / ask again          → answered
//	any        /list, browse buttons                  → browsing  sections → subsections → measures (edits in place)
//	any        /forget                                → idle      everything stored for the chat deleted
//	any        forged or stale button                 → same      a polite message
//
// Follow-up phrases, small talk and filler are data (data/phrases.txt); so
// are the search lexicon's synonyms and unit aliases (package index). The
// state is saved after every event through a Store; entries expire after 30
// days idle.
package dialog
