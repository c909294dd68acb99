package dialog

import (
	"context"
	"fmt"
	"path"
	"strings"
	"testing"
	"time"

	"policybot/dialog/dialogtest"
	"policybot/index"
	"policybot/seeds"
)

var phoneRe = dialogtest.Phone

func runTranscripts(t *testing.T, file string) {
	runTranscriptsScored(t, file, 1)
}

// runTranscriptsScored runs every transcript of file and fails if fewer
// than minShare of the turns are right. Every wrong turn is logged; with
// minShare 1 each is an error. Whatever the share, every reply must pass
// checkPhones.
func runTranscriptsScored(t *testing.T, file string, minShare float64) {
	var turns, wrong int
	defer func() {
		if turns == 0 {
			return
		}
		share := float64(turns-wrong) / float64(turns)
		t.Logf("%s: %d of %d turns right (%.1f%%)", file, turns-wrong, turns, 100*share)
		if share < minShare {
			t.Errorf("%s: %.1f%% of turns right, want ≥ %.0f%%", file, 100*share, 100*minShare)
		}
	}()
	trs, err := dialogtest.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	for chat, tr := range trs {
		chat := int64(chat + 1)
		t.Run(tr.ID, func(t *testing.T) {
			ix := transcriptGuide(t, tr.Guide)
			e := New(ix, newMemStore(), WithClock(func() time.Time { return today }))
			var last []Reply
			for i, turn := range tr.Turns {
				ev := Event{Kind: Message, Text: turn.User}
				label := turn.User
				switch {
				case turn.Press != "":
					ev = Event{Kind: Press, Data: findButton(last, turn.Press)}
					label = "press " + turn.Press
					if ev.Data == "" {
						t.Fatalf("turn %d: no button %q in %+v", i+1, turn.Press, last)
					}
				case turn.Command != "":
					name, args, _ := strings.Cut(strings.TrimPrefix(turn.Command, "/"), " ")
					ev = Event{Kind: Command, Command: name, Text: args}
					label = turn.Command
				}
				turns++
				bad := false
				replies, err := e.Handle(context.Background(), chat, ev)
				if err != nil {
					t.Errorf("turn %d (%s): %v", i+1, label, err)
				}
				if len(replies) == 0 {
					t.Fatalf("turn %d (%s): no reply", i+1, label)
				}
				last = replies
				text, kind, measures, contacts := flatten(replies)
				fail := func(format string, args ...any) {
					if !bad {
						wrong++
					}
					bad = true
					msg := fmt.Sprintf("turn %d (%s): %s\nkind %s measures %v\n%s", i+1, label, fmt.Sprintf(format, args...), kind, measures, text)
					if minShare >= 1 {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
				for _, r := range replies {
					if err := checkPhones(ix, r); err != nil {
						t.Errorf("turn %d (%s): %v\n%s", i+1, label, err, text)
					}
				}
				for _, why := range turn.Check(dialogtest.Shown{Text: text, Kind: string(kind), Measures: measures, Contacts: contacts}) {
					fail("%s", why)
				}
			}
		})
	}
}

// transcriptGuide is the index of the guide a transcript names, the
// default guide's when it names none.
func transcriptGuide(t *testing.T, id string) *index.Index {
	if id == "" {
		return testIndex
	}
	for _, ix := range testGuides(t) {
		if ix.ID() == id {
			return ix
		}
	}
	t.Fatalf("no test guide %q", id)
	return nil
}

// flatten gives what a user sees of a turn: all text, with contact cards.
func flatten(rs []Reply) (text string, kind seeds.Kind, measures []int, contacts int) {
	var b strings.Builder
	for i, r := range rs {
		if i == 0 {
			kind = r.Kind
		}
		b.WriteString(r.Text + "\n")
		for _, row := range r.Buttons {
			for _, btn := range row {
				b.WriteString("[" + btn.Text + "]")
			}
		}
		for _, c := range r.Contacts {
			b.WriteString("\n" + c.Name + " " + c.Org + " " + strings.Join(c.Phones, " "))
			contacts++
		}
		measures = append(measures, r.Measures...)
	}
	return b.String(), kind, measures, contacts
}

// findButton returns the data of the first button whose data ends with
// suffix ("m|4", "b|1").
func findButton(rs []Reply, suffix string) string {
	for _, r := range rs {
		for _, row := range r.Buttons {
			for _, b := range row {
				if strings.HasSuffix(b.Data, "|"+suffix) {
					return b.Data
				}
			}
		}
	}
	return ""
}

func TestSharedDialogs(t *testing.T) { runTranscripts(t, "testdata/dialogs.jsonl") }
func TestOwnDialogs(t *testing.T)    { runTranscripts(t, "testdata/transcripts.jsonl") }

// TestScoredTranscripts runs the transcript files held to a share of right
// turns (each floor sits at what was last measured, so a regression
// fails); each row says what the file holds and why its floor is where it
// is.
func TestScoredTranscripts(t *testing.T) {
	files := []struct {
		file     string
		minShare float64
	}{
		// Conversations in the shapes the third new-user
		// trial failed on (closings, pinyin, a new subject in a follow-up, verdicts
		// the text does not grant, caveats on words nobody asked about), written
		// from the guide's text in new words. One turn ("养猫要办什么证", to be
		// declined) sits on the open-suggest floor: a retrain moves it either way
		// (0.097 on the branch, 0.106 after the merge), so the floor is 46 of 47.
		{"testdata/trial3_dialogs.jsonl", 0.97},
		// Conversations in the shapes the fourth new-user
		// trial failed on (verdicts that ignore the owner's case or the measure's
		// condition, an object outside the one the measure names, amounts read
		// against the wrong clause, hedges on words the text writes another way),
		// written from the guide's text in new words.
		{"testdata/trial4_dialogs.jsonl", 1},
		// The persona conversations (restaurant owner,
		// truck driver, accountant, machine shop, hiring, tendering…), written
		// from the guide's text: at least 97% of their turns must be right (157
		// of 161 when last measured).
		{"testdata/conversations.jsonl", 0.97},
		// Conversations written from the guide alone
		// by someone who never saw the dialog code or its phrases
		// (testdata/heldout_dialogs.jsonl), measured once when the conversation
		// work was done (132 of 160 turns right; 142 after the work on issues 21
		// and 23). The floor sits a little under that; never tune on this set.
		{"testdata/heldout_dialogs.jsonl", 0.88},
		// The issue-21 conversations (eligibility, aspects,
		// verdict scope, topic survival, numbers, thanks), written from the guide
		// alone before the change (testdata/heldout21_dialogs.jsonl; 160 of 239
		// turns right before it, 231 after it, 233 after the follow-up work, 236
		// since a ranking that covers none of the ask's known words is no longer
		// sure enough to suggest, 237 since one-character words the topic never
		// uses ask a question of their own ("养狗怎么办狗证"): the floor is 237).
		{"testdata/heldout21_dialogs.jsonl", 0.991},
		// Conversations in the shapes the fourth new-user
		// trial failed on (a new subject after an answer, a follow-up about the
		// topic's period or the guide's age, long stories, two asks in one
		// message), written from the guide's text in new words. Two turns still
		// fail (two long stories; "五金店能申请哪些政策" is answered since a broad ask
		// by kind of business gets an overview): the floor is 16 of 18, so any
		// regression fails.
		{"testdata/topic4_dialogs.jsonl", 0.88},
		// Conversations in the shapes the seventh new-user trial lost the
		// topic in (issue 21), written from the guide's text in new words:
		// official phrasings of a contact follow-up (经办科室, 上述事项), an
		// aspect word that names another measure's thing (不会上网), a
		// correction back to the topic before, a new subject the search is
		// sure of, the owner's kind as a word of another measure (小卖部),
		// and closings with content ("那算了 我自己打电话去问 谢谢").
		{"testdata/topic7_dialogs.jsonl", 1},
		// runs openings that say the kind of business and ask broadly
		// what there is for it ("开理发店的 有啥扶持"), on the embedded guide and on
		// other districts' guides, written from each guide's text: the reply lists
		// the measures whose object sentences name that kind, not a refusal or one
		// measure picked by keywords; a broad ask naming no kind, or one naming a
		// measure's topic, keeps its usual answer.
		{"testdata/broad4_dialogs.jsonl", 1},
		// Conversations in the shapes the fifth new-user
		// trial failed on (a correction "不是X，我说Y", a negative follow-up on a
		// measure's scope "房东是个人的 不是国家的" and "那我这种就没办法了", a new
		// explicit subject after another topic "那水电气能缓交吗", longer thanks
		// and closings "好的 谢谢 我跟老板说"), written from the guide's text.
		{"testdata/correct4_dialogs.jsonl", 1},
		// Conversations in the shapes of issue 21's clause
		// misses in the fifth new-user trial, written from the guides' text (the
		// default guide and huairou-2022): conditions set kind by kind (the
		// asker's kind's clause, or each kind's), a licence the measure does not
		// name (which it names instead), and an amount asked of a measure that
		// states none (its sibling that does), a bare "许可证" of a measure with a
		// rule per licence (each, no verdict). Two first turns still fail: the
		// ranking offers a one-item choice instead of answering ("我们是大企业 两千
		// 多人 社保缓缴有什么条件", "我们是小公司 招毕业生补贴有什么条件"), so the
		// floor is 33 of 35.
		{"testdata/clause4_dialogs.jsonl", 0.94},
		// Verdict probes in the shapes of the sixth new-user trial's false
		// verdicts and hedges (issue 21), written from the guide before the
		// change: an asker of a kind the measure's object includes (broader, or
		// by the kind section's synonyms) gets no "not mentioned" hedge, one it
		// excludes gets "不在本条范围内" with the deciding words, one the text
		// does not settle gets no verdict; a follow-up naming the asker's kind
		// stays on the topic; an ended period never gets a bare "可以" and binds
		// only its own sentence; filler is never the thing "not mentioned".
		// 43 of 55 turns right before the change, 55 after: the floor is all.
		{"testdata/verdict5_dialogs.jsonl", 1},
		// Scope negatives and grants in the shapes of the seventh new-user
		// trial's unfounded verdicts (issue 21), in new words: a question
		// phrase (是不是), a pointer's statement (那些都不是…), a word the asker
		// also affirms, a case the text itself negates (不能正常偿还) and
		// a question cut off by 有没有 rule nothing out; a grant quotes the
		// condition its clause takes (无自有住房), and a follow-up asking
		// another kind's period of a kind told before gets no "可以".
		// 6 of 12 turns right on main before the change, 12 after.
		{"testdata/neg7_dialogs.jsonl", 1},
		// Issue 21 continued (session 31), written from the guide's text: a
		// sentence that only organises work (组建专班, 宣传) grounds no verdict
		// and does not answer a yes/no grant question first; a landlord whose
		// ownership the text does not settle (开发商, 部队) hears what the
		// measure is for and that the text does not settle it, never 可以 or
		// 不在本条范围内; 户口 as a condition is answered from the measure's
		// words; the asker's 非特殊食品 is the text's own case; a list is in
		// the guide's order. 9 of 24 turns right before the change.
		{"testdata/verdict7_dialogs.jsonl", 1},
		// Issue 21, the eighth new-user trial's ungranted verdicts, in new
		// words: an ask naming no thing of its own ("…能往后推吗") is about
		// the thing its message named (a loan), which a measure about
		// licences neither answers first nor grants; a kind of asker the
		// measure does not name (合作社, 外企) gets no 不会/可以; a case
		// the owner told about a measure (a private landlord) holds when a
		// later yes/no question comes back to it.
		{"testdata/verdict8_dialogs.jsonl", 1},
		// Topic tracking, typo correction and closings in the shapes the eighth
		// new-user trial failed on (issue 21), written from the guide's text in
		// new words: a formal 本公司系 no typo fixer may read as 司机, an everyday
		// word the lexicon knows (领失业金) never corrected into a guide word, a
		// contact or pronoun follow-up (该项补贴的经办部门, 找哪个部门对接) on the
		// topic just answered, a new subject (孵化器) over the carried topic, a
		// job seeker of one kind not offered measures for another, a landlord
		// who refuses (the measure that oversees relief) and 得嘞-style closings.
		{"testdata/topic8_dialogs.jsonl", 1},
		// The ninth new-user trial's misses in new words: closings with
		// 你们/大家/没了 are small talk ("没了吗" is not), a follow-up naming
		// a number the measure writes is answered with that sentence, and
		// a guess put as a question ("…不算服务业吧？") rules nothing out.
		{"testdata/trial9_dialogs.jsonl", 1},
		// The tenth trial's false exclusions in new words: a negation the
		// text writes too (无自有住房) and one of a word the text does not
		// write (不是临时…) rule nothing out; a contrast still does.
		{"testdata/trial10_dialogs.jsonl", 1},
		// Issues 21/18, the tenth trial's topic misses in new words: a
		// follow-up after a reply of several answers is about the answer
		// its words fit (滞纳金, 缓多久, 资费), the last one when they fit
		// none alone; a measure number before the ask (第5条，找哪个部门)
		// settles the measure, also in a correction that says what was
		// meant first (我说的是第7条那个，不是宽带); a trade the owner says
		// they are not gives no kind label.
		{"testdata/topic9_dialogs.jsonl", 1},
		// Issue 21, the tenth trial's ungranted verdicts in new words: a
		// date the asker states outside the window the text sets for it
		// (购置日期在…, 缓缴期限为…) is ruled out with the window quoted; an
		// amount the text caps (不超过…, 最高…) is a maximum, not a grant;
		// an ended period's yes for the askers a measure lists carries that
		// condition; requests and talk (帮帮忙, 请核实, 并非…事宜) are no
		// part of the case; "能问…吗" asks of a channel, so no yes on the
		// subject's measure.
		{"testdata/verdict9_dialogs.jsonl", 1},
		// The eleventh trial's false exclusions in new words: negating one
		// member of a list (货车司机贷款及…消费贷款) or one of two grants side
		// by side (对A给予…，对B给予…) rules nothing out when the ask names
		// the other; an amount the asker quotes from the text is no
		// out-of-bounds amount; negating the only object still excludes.
		{"testdata/trial11_dialogs.jsonl", 1},
		// Issues 21/18, the eleventh trial's wrong measures in new words: a
		// correction whose words the topic before never says is read on
		// its own (担保费按0.5%), not taken back to that topic; a paper the
		// measure's list does not contain (卫生许可证, 营业执照) is said to
		// be one it does not name, with no invitation to match.
		{"testdata/trial11b_dialogs.jsonl", 1},
		// The eleventh trial's aspect follow-ups in new words: a credit
		// ask after a measure with no word on credit is searched anew (征信
		// alone too); what to hand in (需提交哪些证明) asks how to apply;
		// online or apply asks with other words (跑银行) still quote the
		// measure's own 网上办理/申请手续 sentence; closings with an address
		// (老乡, 同志) or 记下了 are small talk unless a question follows.
		{"testdata/trial11a_dialogs.jsonl", 1},
		// Issue 21, what trial 11 still got wrong, in new words: where the
		// owner is (a town, a street, an estate) is no condition a measure
		// lacks; a trade word naming what happened (物流断了) gives no kind
		// label; after a reply that a measure does not name the owner's
		// paper, an online ask quotes the text with no yes for that paper.
		{"testdata/trial11c_dialogs.jsonl", 1},
		// The twelfth trial's ranking misses in new words: a voice story
		// whose pauses are typed as fillers between spaces (嗯, 那个) is cut
		// off its ask; a pause after 能不能 splits no ask; a first loan
		// said short (第一次贷); quarantined staff and freight that cannot
		// go out are the practical troubles of a resumed business.
		{"testdata/trial12a_dialogs.jsonl", 1},
		// The twelfth trial's follow-ups in new words: a unit guessed for a
		// subject pointed at (白名单那条 问交通局可以吗) is about that
		// subject, and a measure listing no contact gives the unit's own
		// lines, never another unit's phone; a size a compound takes in
		// (中型 under 所有中小微企业) is named; thanks beside words the
		// search only guesses at close the talk.
		{"testdata/trial12b_dialogs.jsonl", 1},
		// Issue 21, the thirteenth trial's ungranted verdicts in new words:
		// a request word before the object (想问问贷款担保费) is no other
		// kind of the guide's thing; negating one member of a class the
		// text names (不是银行 to 金融机构) rules nothing out, while
		// negating the text's own word still does; an asker who states
		// having what a condition says the beneficiary has none of (无自有
		// 住房 to 我有房贷那套房) is ruled out, the condition quoted.
		{"testdata/verdict10_dialogs.jsonl", 1},
		// The thirteenth trial's topic slips in new words: an ask that
		// writes another measure's term word for word (特困行业) leaves the
		// topic that never writes it; a sure answer writing the ask's thing
		// (国有房屋) takes it away even when part of it reads as a kind; a
		// subject pointed at (贷款那条里说的…) names the measure discussed
		// before that writes it.
		{"testdata/trial13b_dialogs.jsonl", 1},
		// Issue 21, the fourteenth trial's ungranted exclusions in new
		// words: a spoken negation ends at its particle (没收入呗 嗯 …),
		// 非 inside a name (民办非企业单位, 民非) negates nothing, and a
		// clause that only encourages (鼓励…旅行社) rules no one out; the
		// text's own restrictions (国有, 非国有, 2.0升及以下, 高校毕业生)
		// still do. 15 of 18 turns right on main before the change.
		{"testdata/verdict11_dialogs.jsonl", 1},
		// Trial 49's asks outside the guide and lost follow-ups in new
		// words: whether a licence must be had at all is not what a
		// measure extending named licences says; a span of time (停业期间)
		// is no kind beside the text's (缓缴期间); "我是问除了这个号…" asks
		// the topic's contact again; "N条的电话是哪个" asks its phone.
		{"testdata/trial49o_dialogs.jsonl", 1},
		// The thirteenth trial's remaining misses in new words: a follow-up
		// on a subject (征信) that the topic names only where it encourages,
		// with words of its own another measure states it in (延期还贷…不纳入
		// 征信记录), moves there; a figure quoted from one measure's text
		// (0.5%担保费) picks it among the choices; 小型企业 is a 小微企业 and
		// 活儿 is work.
		{"testdata/trial13c_dialogs.jsonl", 1},
		// Issue 21, trial 14's measure numbers in new words: "N条" without
		// 第 right after a word pointing at one thing (我说的是69条 乡村旅游
		// 那个, 那个81条) names that measure even with other words beside
		// it, where "N条" before a noun still counts things (3条生产线).
		{"testdata/trial14b_dialogs.jsonl", 1},
		// Issue 21, trial 14c: a coach is a 文体娱乐/教育培训 worker (第76条),
		// in a story, beside another ask and after another topic.
		{"testdata/trial14c_dialogs.jsonl", 1},
		// Issue 21, trial 15's remaining shapes in new words: 该条/本条 point
		// at the topic; a driver 被卡/劝返 is 保通保畅 (第33条); a small
		// 机构 bidding is a 小微企业 (第25条); 不受…月缴存额限制 answers 上限;
		// "不是因为疫情" and "没有营业执照" are held against 受疫情影响 and a
		// measure for 个体工商户; a job seeker is no owner of the trade named;
		// 交的公积金 is no typo of 提公积金.
		{"testdata/trial15a_dialogs.jsonl", 1},
		// Issue 21, trial 16's misses in new words: a correction opening
		// with a bare 是 or with 我是说 moves off a topic that never says
		// its words (是个体户 不是公司 still tells a case); formal receipts
		// (均已知悉, 收悉) are thanks; a name only one measure writes word
		// for word (水库之路, 即采即走) answers with it; a rule for firms
		// 纳入…范围 grants only under that condition; "找谁办" after two
		// asks stays on the last answered (办 points at no measure); "有没有
		// 别的办法" gets no yes/no on the measure that excluded the asker.
		{"testdata/trial16a_dialogs.jsonl", 1},
		// Issue 21, trial 19's misses in new words: a list position closing
		// a message after words naming the list's subject (那贷款那个第二个
		// 吧) picks from the list; a case the owner takes back (说错了)
		// judges no later ask; an asker's compound opening with a word of
		// the text's shared-suffix list (智能化 of 智能化绿色化数字化) is no
		// kind the text leaves out; a taxi driver's 车贷 put off (推迟还,
		// 延还) is a loan's deferral; money a government body has not paid
		// (欠的款不还) is arrears; 职工社保 is 城镇职工保险.
		{"testdata/trial19_dialogs.jsonl", 1},
		// Issue 21, trial 20's misses: a measure written for 职工 (缴存职工,
		// 企业职工, 灵活用工) or 社会服务机构 takes in the asker's 司机, 老师,
		// 员工 and 民办非企业单位 by class, and 延期还贷 names 贷款: no "没有
		// 提到" hedge on them; a licence asked about before "疫情期间能顺延
		// 吗" is weighed against the licences the text names; "贷款这块还有
		// 别的政策吗" lists the subject's other measures; an ask the search
		// is sure of after a refusal leaves the kept topic; the thing asked
		// for (疫情险) outranks a trade discussed lately; a 银行贷款 is no
		// 公积金贷款; 失业金 is declined, not suggested; a job seeker's old
		// trade keeps no employer's measure in the list.
		{"testdata/trial20_dialogs.jsonl", 1},
		// Issue 21, trial 21's misses: a pointer ask ("车贷延期那个 电话")
		// goes to the measure discussed that mentions most of the words
		// before the pointer, not the latest that shares one (延期); one
		// naming a thing neither the topic nor a measure discussed says
		// (油补那个) gets no topic's phone; a yes/no asking for a thing in
		// one character (抵点税) the measure never writes gets no 可以; the
		// asker's 危房 is the 农村危房 the measure names when they said
		// 农村, and 有人管 is the question, no thing left unnamed; 我是说
		// reopening a correction is no case of the asker; 能列几条 is a
		// verb with its count, no typo of 能力; a thing the topic never
		// writes (营业执照 while discussing rent) leaves it, and a measure
		// discussed lately wins no tie where no measure says the ask; a
		// suggestion quotes the sentence answering the side asked (网上
		// 办理), not one that only shares the ask's words; "能享受点啥"
		// with a trade named is a broad ask by kind, whatever the topic;
		// going out to play (玩玩, 出去玩) is what rural tourism's routes
		// are for.
		{"testdata/trial21_dialogs.jsonl", 1},
		// Issue 21, trial 22's misses: Cantonese function words (邊個, 幾多,
		// 唔該晒) read as their Mandarin counterparts, so a contact ask and
		// thanks in Cantonese are understood; a correction naming the
		// measure number it rejects (我不是问62条) leaves that measure; "还有
		// 别的吗 比如贷款方面" lists the subject named after the phrase, and
		// so does "直播公司还能享受别的吗 比如房租", whose example outranks
		// the asker named before; a rejected number stays rejected after
		// a list was shown.
		{"testdata/trial22_dialogs.jsonl", 1},
		// Trial 23's two wrong phones (lead, after the trial): "这条个体户能用
		// 吗" points at the measure discussed, whatever the story's words
		// (没注册公司) match elsewhere; "进这个线路" names 线路 after the
		// pointer, not the verb 进 before it (which 第62条's 促进 holds).
		{"testdata/trial23_dialogs.jsonl", 1},
		// Trial 24: an owner whose landlord is a state firm, among choices
		// whose rent measure is for 非国有房屋, asks a new question (第4条),
		// not the choice it rules out; "医疗保险也能缓吗" after 社保缓缴
		// stays on the deferral measure, whose list leaves 医疗 out.
		{"testdata/trial24_dialogs.jsonl", 1},
		// Stop 43: "要一次性补交吗" asks how a deferred payment is made up
		// (index.AspectRepay): quoted where the measure says it, else
		// said to be unstated with the measure's contact; two subjects
		// in a story before "咋整" are two asks.
		{"testdata/lead43_dialogs.jsonl", 1},
		// Stop 44 (trial 26's verdicts): "不是特困行业" to a measure also
		// for 所有中小微企业 rules nothing out and quotes that clause;
		// "零售不是特困行业吗" affirms; 创业担保 is for people starting out;
		// "…。先看看2吧" picks from the list after a statement.
		{"testdata/lead44_dialogs.jsonl", 1},
		// Stop 45 (trial 28's verdicts): "不是国企的房子" negates 国企 inside
		// the longer word it is part of; a kind told anew ("其实是国企的
		// 房子") replaces the case told before.
		{"testdata/lead45_dialogs.jsonl", 1},
		// Stop 46 (issue 18): a lead-in naming nothing but another matter
		// (还有个闹心事) before a story that ends in a bare question reads
		// the story as the question's context, as it is read without the
		// lead-in; one ask made of the whole story was declined.
		{"testdata/leadin46_dialogs.jsonl", 1},
		// Trial 30 (lead, after the trial): a 面包车 may or may not be a
		// 乘用车 (contrast.unknown); a unit guessed for the measure in talk
		// is told apart from the one the guide names (or that it names
		// none); 医保, a short form, is a sibling 第2条's list leaves out.
		{"testdata/trial30_dialogs.jsonl", 1},
		// Stop 46 (trials 28 and 29): "还有别的吗" after a measure was
		// discussed lists the measures for the asker's kind not yet
		// discussed, not the rest of an old question's ranking; "适合我们
		// 回收站的", "我们农户能用上的" name the asker, whatever message
		// last said what they are.
		{"testdata/lead46_dialogs.jsonl", 1},
		// Trial 32 (stop 47, on 97df026): "房租那个电话" after the housing-fund
		// measure, whose follow-up says 房租 in passing, gave its phone as the
		// rent measure's (a wrong phone).
		{"testdata/trial32_dialogs.jsonl", 1},
		// Trial 33 (stop 47, on the merged tree): a message opening by asking
		// whether the bot is official read that clause as a question (第28条).
		// Stop 48: "不是专精特新" rules nothing out of a measure whose other
		// grant does not ask for it; an opener's counted staff (8个师傅) is
		// no topic, and 汽修厂 and 打印复印店 are trades; 新业太 is 新业态.
		{"testdata/trial33_dialogs.jsonl", 1},
		// Trial 32's misses from how a message is read (stop 47): what the
		// asking clause names (保险) ranks before the story's words (被封,
		// 封控); a plan with a count (要换几台教练车), a bare opener (那车
		// 呢) and a condition put to the next ask (批发算服务业吗 … 能减房租
		// 不) are no asks of their own; a clause asking who answers is said
		// first, then the question is answered.
		{"testdata/trial47_dialogs.jsonl", 1},
		// Trial 47 (stop 55, fixM): a clause of filler ("问问吧", "啊？")
		// was an ask of its own; 卖车 was read as 买车 though the message
		// said selling; the owner's second numbered question was folded
		// into the first's answer; the asker's kind (个体户) picked the
		// utilities measure among the related ones offered; a refusal
		// after "不是电费" called the measure before it 刚才的.
		{"testdata/trial47m_dialogs.jsonl", 1},
		// Trial 34 (stop 48, on 18d64b5): a unit named in a second ask about
		// the measure in talk ("白名单找谁办 交通局电话有吗") was dropped with
		// that ask; "应急局管不管" was searched for 管不管 (a suggestion); a
		// verdict for the employer rested on what 职工 may do (员工要求交);
		// "那我打哪个电话最省事" was refused (the topic's phone,
		// or the guide's hotline when nothing is in talk, answers it).
		{"testdata/trial34_dialogs.jsonl", 1},
		// Trial 36 (stop 49, on dd771d2): two asks without a question mark
		// between them ("…社保缓交 公积金能缓交吗 两个都问", "想申请首贷 另
		// 外…") lost one; an example after the ask (留抵退税什么的) was read
		// as story; staff counted (有5个工人) moved the answer to community
		// work; a heavy truck got a yes on the passenger-car measure; a
		// near miss said the guide has no subsidies at all; "还有别的吗" with
		// a story the search is sure of listed the loan's neighbours only.
		// Stop 50: a heavy truck told before kept ruling out the SUV asked
		// about next (the other side of the contrast is judged on its own).
		{"testdata/trial36_dialogs.jsonl", 1},
		// Trial 37 (stop 49, on the merged tree): 第42条's contact block gives
		// 李斌 the phone the guide lists for 区商务局 陈晓爽 everywhere else,
		// while 李斌 has his own in three other measures; the reply shows
		// the line as written and says so. Stop 50: 快递车 was corrected to
		// 快递员; 员工看病 made the 普惠 insurance ask out of scope; 保供 and
		// 物流 asks got the trade's list instead of their measure; "最后问一
		// 下，12345打了说不清楚，还有别的渠道吗" was split in two asks.
		{"testdata/trial37_dialogs.jsonl", 1},
		// Trial 38 (stop 50, on 53e0998): the typo note read 说有 (after
		// 社区) as 所有 and 3家店 as 3家电.
		{"testdata/trial38_dialogs.jsonl", 1},
		// Trial 39 (stop 50, on the merged tree): praise for the bot
		// (你们这个真方便) closes a talk as thanks do; a pressed ☎ makes its
		// measure the one in talk.
		{"testdata/trial39_dialogs.jsonl", 1},
		// Trials 38 and 39 and the lead's ten-turn chat (stop 51, on
		// 1c40b1e): "这些是不是都过期了" asks the guide's age; "找科委还是
		// 经信局" guesses between the topic's offices; a state-owned
		// landlord does not pick the candidate for 非国有房屋; an amount quoted
		// (0.5%) or a kind of asker (个人房贷) only another measure writes;
		// 罚过款 told before "这个会影响"; a plan to hire a few
		// (打算招几个) is told; a bakery is catering.
		{"testdata/trial51_dialogs.jsonl", 1},
		// Trials 34 and 35 (stop 49, on dd771d2): what staff say (员工说…
		// 必须交) is no condition the owner asks about, nor the words
		// their case is quoted by.
		{"testdata/trial35_dialogs.jsonl", 1},
		// Trial 25: a seller who 发快递 uses couriers and is no 货车司机; a
		// hotel owner's broad ask gets the measures for the kind, not the
		// community work for staff of idled trades; "比如贷款有没有优惠"
		// lists loans, not discounts; a wedding-photography studio is a
		// trade; "有没有专门的" takes the story's 农村劳动力; outside the
		// risk-area sub-case (其中…) a tenant is not ruled out; 现金流紧张
		// is what financing relief is for.
		{"testdata/trial25_dialogs.jsonl", 1},
		// Trials 26 and 27: "这个找谁" after an ask and the statement
		// explaining it asks whom to call about what was asked.
		{"testdata/trial27_dialogs.jsonl", 1},
		// Stop 47: a story naming a new matter before a question that
		// names nothing, told while a measure is discussed, is a new
		// question when the measure shares only the story's kinds (隔壁饭店
		// against 餐饮企业); a debt owed to the owner is read without its
		// debtor (工地 is no 施工区, 工厂 no contrast to 服务业), a wage owed
		// is no firm's arrears; "还有别的适合我这种小店的" names the asker
		// in the message itself. Follow-ups putting the owner's case
		// stay.
		{"testdata/topic47_dialogs.jsonl", 1},
		// Trial 40 (stop 51, on d37435c): a campsite that also grills was
		// read as a restaurant; "贾老师" was refused though the measure just
		// shown lists one 贾 (the guide has two); picking fruit oneself, lending
		// idle workers, school uniforms and export credit insurance were not
		// read; a provider the measure names among its units (移动 of
		// 区移动公司) got a "没有提到" hedge; a busy line (占线) was refused.
		{"testdata/trial52_dialogs.jsonl", 1},
		// Trials 40 and 41 (stop 52): "第一条" or "第一个跟我有关系吗" right
		// after a numbered list picks its first item, not the guide's
		// 第1条, nor a refusal.
		{"testdata/trial41_dialogs.jsonl", 1},
		// Trial 42 (stop 52, on base52): a unit's own phone asked while a
		// measure is discussed ("卫健委的电话有吗") got the measure's phone; a
		// department named by the end of its name (文旅局审批科) was searched
		// as words; "就说找谁" after "字太多了看不清" was refused; "我问的社保
		// 不是公积金" showed 公积金 again; a need told before a question
		// ("…停了两个月还不上月供，银行能让延期还吗") was answered as an ask of
		// its own with another measure's loan.
		{"testdata/trial42f_dialogs.jsonl", 1},
		// Trial 40 (stop 52): "还有别的吗" after a choice and a question
		// between listed the choice's measures again (the chat keeps what
		// was offered since the last answer now); "贷款延期 还有 购置税减半"
		// names two reliefs, two asks; "…有补贴吗 找谁申请" folded into the
		// ask before it still asks whom to call (the contact card); a bare
		// "不是这个" after one answer rejects that measure (it was read as
		// asking which aspect) and goes back to the topic before, so
		// "医疗保险也能缓吗" is no longer answered with the rejected one.
		{"testdata/trial40_dialogs.jsonl", 1},
		// Trials 42 and 43 (stop 53): a clipped name of a thing of its
		// own ("车补", "房补", "饭补") after a subsidy was answered asks
		// afresh, not the topic again, while short follow-ups (找谁办, 我这
		// 种算不算, 到什么时候, 要什么材料, 一人补多少) stay on it. Who gets
		// the money: a training school asking is told the measure pays the
		// staff it hires, a graduate that the measure pays the employer;
		// "我问的是给机构的" asks again for the school, in one reply.
		{"testdata/trial53_dialogs.jsonl", 1},
		// Trial 44 (stop 53, on base53): an assent opening a question
		// ("好 …区里支持这个不") was taken for thanks; "在哪个网站" and
		// "补几年" after a measure were searched as subjects (网站 of 首都之
		// 窗, 补 of 补短板); "运货 车进不去" named no measure; a driver's
		// permit was not another kind of paper than the measure's
		// licences; a numbered item's story went to the item before it.
		{"testdata/trial44f_dialogs.jsonl", 1},
		// Trials 44 and 45 (stop 54): a new ask in full words after a
		// measure was discussed. An ask of what there is (有啥优惠) naming
		// its own subject another measure says far better leaves the topic
		// however "我这种" opens it; a story naming things the topic never
		// says (graduates hired) takes a short ask (能领补贴不) to the
		// measure about them; a person of another measure's contacts asks
		// about the people; a verb before a pointer (参加这个) and a pointer
		// opening its clause (…上了征信，这个能撤销吗) name no measure
		// discussed before; a fixed phrase (污水排放) is a thing of the
		// ask's own; "不是X，是Y" rejects the measure discussed that says X.
		{"testdata/stale54_dialogs.jsonl", 1},
		// Trial 47 (stop 55): a follow-up on a new subject stuck to the
		// measure just discussed: 担保费 at a low 费率 after the first-loan
		// subsidy (which writes 担保费用 too), a loan (贷) after
		// utilities, unsold hogs after utilities; a graduate hired
		// ("员工是…大学生，招她…") went to the community-work measure. A
		// hypothetical of the owner's case ("注册成单位…能缓不") left the
		// social-insurance deferral for rent (注册). A phone told in the
		// story and asked about ("…是谁") is looked up.
		{"testdata/sticky55_dialogs.jsonl", 1},
		// Trials 52 and 53 (stop 58, fixAD): an ask naming a subject the
		// topic writes too (担保费 after the first-loan subsidy) goes to the
		// measure the search, reading it alone, is sure of; "算了 我问问别的"
		// turns to a new question; a year or a quality (便宜) names no
		// subject, so such asks stay.
		{"testdata/fixad58_dialogs.jsonl", 1},
		// Trial 48 (stop 55): a correction naming the other party ("是我
		// 欠电费 不是别人欠我钱", "不是那个意思 我是说…") moves off the
		// measure rejected; a need naming nothing of its own ("欠了俩月了")
		// is the story of the ask before it; "算了…再问一句" asks only
		// what follows; "我直接打就行" asks for the person shown; a
		// measure for 餐饮企业 or 服务业 is said to leave a pharmacy or a
		// factory out; a new choice
		// is not the one offered picked.
		{"testdata/trial48_dialogs.jsonl", 1},
		// Trial 50 (stop 56): 第68条's 全市研学 is no other kind of 研学
		// than a summer student tour; what the owner sells (卖水果的) to a
		// measure naming no trade, family (儿子) and lender (农商行) are
		// nothing a measure leaves unnamed; "生意差员工" is no typo of 借
		// 员工; a sentence kept before its own contact block, whose content
		// leans elsewhere only weakly, is not marked misplaced; "再问个"
		// telling a new matter the topic never writes leaves the topic.
		{"testdata/trial50t_dialogs.jsonl", 1},
		// Trial 50 (stop 56), fixV: "会不会被罚" split off an ask of a
		// matter no measure covers (侵权) is declined with it, not given
		// 第17条's "不会" on penalties for something else.
		{"testdata/trial50v_dialogs.jsonl", 1},
		// Trials 48 and 49 (stop 56), follow-ups in new words: an old
		// estate's danger (老小区, 房子有点危, 这个有人管) is the 老旧小区
		// measure, not the one discussed; a 街道 landlord said after the
		// ask (房子是街道的) puts the state-rent measure first (a suggestion
		// while 小店 is no word of the lexicon);
		// "我想问下…" opens a question, no correction of whom the money is
		// for; 卖车 is no typo of 买车; a refusal's buttons follow the
		// ranking of what was declined, never the measure set aside.
		{"testdata/followup56_dialogs.jsonl", 1},
		// Trial 50 (stop 56): answerable asks in plain words were refused or
		// misread: a rent withdrawal from the housing fund by one who "没买
		// 房" (an out-of-scope word negated: the asker's lack), a loan "往后
		// 推推", a graduate "北京户口…外地读大学" (a standing describing the
		// person asked about), "说不归他们管 让我找国资委 到底
		// 归谁" after the arrears measure (sent on to one of its supporting
		// units), "银行不爱贷" (guarantees and first loans).
		{"testdata/trial50_plainwords_dialogs.jsonl", 1},
		// Trials 50 and 51 (stop 57), fixX: the measure last discussed
		// kept an ask that clearly moved on. A measure named by number in
		// the ask's statements ("第4条说的服务业小微企业") or a term a
		// recent measure writes word for word and the topic nowhere (服务
		// 业小微企业 after rent, then loans) is what the ask is about; a
		// message opening on another question ("另外问下") whose search
		// says its words better elsewhere is a new question; "现在2026年了
		// 还能办不" states first that the period is over, with the date.
		{"testdata/trial51x_dialogs.jsonl", 1},
		// Trial 56 (stop 60, fixAM): "不是小微 算中型企业" was ruled out of
		// 所有中小微企业, whose run of sizes takes in 中型, and a medium
		// firm's case quoted the clause for 社会组织; "俩号 打哪个" after
		// a person's two numbers, and a follow-up naming the person shown
		// with what else it asks (材料), were refused.
		{"testdata/trial56m_dialogs.jsonl", 1},
		// Trials 55 and 56 (stop 61, fixAP): "还有别的吗" late in a long
		// talk said "除了已经谈过的" and listed measures answered more than
		// five topics ago; a list asked for (有啥政策) of which one measure
		// is left, that the model and the ranking are sure of, was played
		// down as "可能是这一条"; "找镇里还是找文旅局" about the measure in
		// talk was refused, though the guide gives its units' roles; "除了
		// 社保还有啥", one ask of several, answered 社保 again; a yes/no
		// follow-up the quote does not settle ("担保费0.5%是一年吗") is told
		// plainly that the guide does not say it, naming what it lacks; a
		// refusal offered the same four buttons turn after turn, none for
		// the owner's kind of business.
		{"testdata/trial56p_dialogs.jsonl", 1},
		// Trial 57 (stop 61, fixAS): a correction in a clause of its own
		// inside a question ("不是首贷", "我不搞直播") rejects the measure
		// shown that says it; "我问的是给我们老板的" asks again for the
		// owner (老板 is the body's word); an assent before 是A还是B is a
		// question, not thanks; 大不通 is read as 打不通.
		{"testdata/trial57as_dialogs.jsonl", 1},
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(path.Base(f.file), ".jsonl"), func(t *testing.T) {
			runTranscriptsScored(t, f.file, f.minShare)
		})
	}
}

// checkPhones is the invariant of every reply: each phone it carries, in
// text or cards, belongs to a measure the reply is about (discussed,
// chosen or asked about), to the person of such a measure's phone in
// doubt (seeds.Guide.PhoneElsewhere), or to the unit it is about.
func checkPhones(ix *index.Index, r Reply) error {
	allowed := map[string]bool{}
	for _, n := range r.Measures {
		if m := ix.Guide().Measure(n); m != nil {
			for _, p := range m.Phones() {
				allowed[digits(p)] = true
			}
			// A phone in doubt is shown with the phone the guide lists
			// for the same person of the same unit in more measures.
			for _, c := range m.Contacts {
				for _, ph := range c.Phones {
					usual, _ := ix.Guide().PhoneElsewhere(c, ph)
					for _, p := range usual {
						allowed[digits(p)] = true
					}
				}
			}
		}
	}
	if r.Unit != "" {
		if u := ix.Unit(r.Unit); u != nil {
			for _, p := range seeds.Phones(u.Contacts) {
				allowed[digits(p)] = true
			}
		}
	}
	var phones []string
	phones = append(phones, phoneRe.FindAllString(r.Text, -1)...)
	for _, c := range r.Contacts {
		phones = append(phones, c.Phones...)
	}
	for _, p := range phones {
		if !allowed[digits(p)] {
			return fmt.Errorf("phone %s is not of the measures %v or unit %q the reply is about", p, r.Measures, r.Unit)
		}
	}
	return nil
}

func digits(p string) string { return strings.ReplaceAll(p, "-", "") }
