package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index/indextest"
	"policybot/seeds"
)

// The end-to-end benchmarks: a question goes from the fake Bot API's
// getUpdates through the journal, the real dialog engine and index, the
// turn's commit to a bbolt file on disk (fsync'd, as in production), the
// sendMessage, and the journal's record of the delivery. Rate limits are
// off: they measure the bot, not Telegram's quotas.

// benchBot starts a bot with a durable store and the real dialog engine
// and returns its server and the store.
func benchBot(b *testing.B) (*telegramtest.Server, *store.DB) {
	b.Helper()
	return benchBotWith(b, func(db *store.DB) Dialog { return dialog.New(indextest.Shared(b), db) })
}

// benchBotWith starts a bot with a durable store and the dialog newDialog
// makes on it, stopped when the benchmark ends, and returns its server and
// the store.
func benchBotWith(b *testing.B, newDialog func(*store.DB) Dialog) (*telegramtest.Server, *store.DB) {
	b.Helper()
	srv := telegramtest.NewServer(b)
	db, err := store.Open(filepath.Join(b.TempDir(), "chat.db"), time.Second)
	if err != nil {
		b.Fatal(err)
	}
	bot, err := New(srv.Token(), newDialog(db), WithServerURL(srv.URL()),
		WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))), WithLimits(Limits{}), WithJournal(db),
		WithQueueLimits(1<<20, 1<<20))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- bot.Run(ctx) }()
	b.Cleanup(func() {
		cancel()
		<-done
		db.Close()
	})
	return srv, db
}

// BenchmarkTurnSingleChat: one user asking one question after another,
// each once the bot is done with the previous one (its delivery recorded);
// ns/op is the time from Telegram having the question to the answer being
// sent, the turn durably committed before.
func BenchmarkTurnSingleChat(b *testing.B) {
	srv, db := benchBot(b)
	u := telegramtest.User{ID: 424242, FirstName: "U"}
	chat := telegramtest.PrivateChat(u)
	ask := func(n int) {
		srv.PushMessage(srv.TextMessage(chat, &u, "社保能缓交吗"))
		if _, err := srv.WaitCalls("sendMessage", n, 10*time.Second); err != nil {
			b.Fatal(err)
		}
	}
	idle := func() {
		for {
			p, err := db.Unfinished(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if len(p) == 0 {
				return
			}
			time.Sleep(100 * time.Microsecond)
		}
	}
	ask(1) // warm up: connections, the segmenter
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		idle()
		b.StartTimer()
		ask(i + 2)
	}
}

// BenchmarkTurnSingleChatBackToBack: the next question is sent the moment
// the answer arrives, while the bot still records the delivery.
func BenchmarkTurnSingleChatBackToBack(b *testing.B) {
	srv, _ := benchBot(b)
	u := telegramtest.User{ID: 424242, FirstName: "U"}
	chat := telegramtest.PrivateChat(u)
	ask := func(n int) {
		srv.PushMessage(srv.TextMessage(chat, &u, "社保能缓交吗"))
		if _, err := srv.WaitCalls("sendMessage", n, 10*time.Second); err != nil {
			b.Fatal(err)
		}
	}
	ask(1) // warm up: connections, the segmenter
	b.ResetTimer()
	for i := range b.N {
		ask(i + 2)
	}
}

// BenchmarkTurns64Chats: 64 chats asking at once; turns/s is persisted,
// answered turns per second.
func BenchmarkTurns64Chats(b *testing.B) {
	srv, _ := benchBot(b)
	const chats = 64
	users := make([]telegramtest.User, chats)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(500000 + i), FirstName: "U" + strconv.Itoa(i)}
	}
	srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(users[0]), &users[0], "社保能缓交吗"))
	if _, err := srv.WaitCalls("sendMessage", 1, 10*time.Second); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		u := users[i%chats]
		srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(u), &u, "房租能减免吗"))
	}
	if _, err := srv.WaitCalls("sendMessage", b.N+1, time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}

// commitDialog answers at once and commits like the engine does (state,
// question log, the update's mark; a failed commit wraps
// dialog.ErrNotSaved), so BenchmarkTurns64ChatsNoSearch measures the
// adapter and the persistence without the search's CPU, and the fault
// tests need no index.
type commitDialog struct{ s dialog.Store }

func (d commitDialog) Handle(ctx context.Context, chatID int64, ev dialog.Event) ([]dialog.Reply, error) {
	st, _, err := d.s.Load(ctx, chatID)
	if err != nil {
		return nil, err
	}
	st.Mode, st.Question, st.Updated = dialog.Answered, ev.Text, time.Now()
	replies := []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}
	err = d.s.Commit(ctx, chatID, dialog.Commit{State: &st, EventID: ev.ID, Replies: replies,
		Asked: []dialog.Asked{{ChatID: chatID, Question: ev.Text, Kind: seeds.KindMeasure, Time: st.Updated}}})
	if err != nil {
		return replies, fmt.Errorf("%w: %w", dialog.ErrNotSaved, err)
	}
	return replies, nil
}

func (commitDialog) Inline(context.Context, int64, string, int) []dialog.InlineResult { return nil }

// BenchmarkTurns64ChatsNoSearch: as BenchmarkTurns64Chats with a dialog
// that does no search: persisted turns/s through polling, journal,
// commit, send and delivery record.
func BenchmarkTurns64ChatsNoSearch(b *testing.B) {
	srv, _ := benchBotWith(b, func(db *store.DB) Dialog { return commitDialog{db} })
	const chats = 64
	users := make([]telegramtest.User, chats)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(500000 + i), FirstName: "U" + strconv.Itoa(i)}
	}
	b.ResetTimer()
	for i := range b.N {
		u := users[i%chats]
		srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(u), &u, "房租能减免吗"))
	}
	if _, err := srv.WaitCalls("sendMessage", b.N, time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}
