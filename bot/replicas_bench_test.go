package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/dialog/store/etcdtest"
	"policybot/index/indextest"
)

// BenchmarkReplicas: turns per second of webhook replicas on an etcd
// cluster (three members in this process, fsync'ing as a real one) against
// one bot on bbolt, with the real dialog and index. 64 chats each send one
// question after another (the next once the webhook took the last), to the
// replicas in turn as a load balancer would. Everything shares this
// machine's cores, so the figure shows the cost of the shared store, not
// the gain of more machines.
func BenchmarkReplicas(b *testing.B) {
	if testing.Short() {
		b.Skip("starts an etcd cluster")
	}
	b.Run("bbolt", func(b *testing.B) {
		db, err := store.Open(filepath.Join(b.TempDir(), "chat.db"), time.Second)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		benchReplicas(b, []store.Backend{db}, false)
	})
	cluster := etcdtest.New(b, 3, etcdtest.WithFsync())
	cli := cluster.Client(b)
	for n := 1; n <= 3; n++ {
		b.Run(fmt.Sprintf("etcd-%d", n), func(b *testing.B) {
			prefix := fmt.Sprintf("/bench-%d-%d/", n, time.Now().UnixNano())
			var stores []store.Backend
			for range n {
				s, err := store.OpenEtcd(context.Background(), cli, store.WithPrefix(prefix), store.WithClaims(),
					store.WithEtcdLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				stores = append(stores, s)
			}
			benchReplicas(b, stores, true)
		})
	}
}

func benchReplicas(b *testing.B, stores []store.Backend, claims bool) {
	srv := telegramtest.NewServer(b)
	const secret = "bench-secret"
	var hooks []string
	for _, s := range stores {
		opts := []Option{WithServerURL(srv.URL()), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
			WithLimits(Limits{}), WithJournal(s), WithQueueLimits(1<<20, 1<<20),
			WithWebhook("https://bot.example.invalid/hook", secret)}
		if claims {
			opts = append(opts, WithClaims(s.(Claims)))
		}
		bot, err := New(srv.Token(), dialog.New(indextest.Shared(b), s), opts...)
		if err != nil {
			b.Fatal(err)
		}
		hs := httptest.NewServer(bot.WebhookHandler())
		defer hs.Close()
		hooks = append(hooks, hs.URL)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- bot.Run(ctx) }()
		defer func() { cancel(); <-done }()
	}
	const chats = 64
	var next sync.Mutex
	rr := 0
	post := func(body []byte) {
		for {
			next.Lock()
			url := hooks[rr%len(hooks)]
			rr++
			next.Unlock()
			req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
			req.Header.Set(secretHeader, secret)
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return
				}
			}
			time.Sleep(10 * time.Millisecond) // not running yet, or a held update
		}
	}
	ask := func(chat, n int) {
		u := telegramtest.User{ID: int64(600000 + chat), FirstName: "U" + strconv.Itoa(chat)}
		for range n {
			_, body, err := srv.WebhookUpdate(telegramtest.Update{Message: srv.TextMessage(telegramtest.PrivateChat(u), &u, "房租能减免吗")})
			if err != nil {
				b.Error(err)
				return
			}
			post(body)
		}
	}
	ask(0, 1) // warm up: connections, the segmenter
	if _, err := srv.WaitCalls("sendMessage", 1, 30*time.Second); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var wg sync.WaitGroup
	for c := range chats {
		n := b.N / chats
		if c < b.N%chats {
			n++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ask(c, n)
		}()
	}
	wg.Wait()
	if _, err := srv.WaitCalls("sendMessage", b.N+1, 2*time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}
