package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestDispatcher(t *testing.T) {
	var mu sync.Mutex
	got := map[int64][]int{}
	release := make(chan struct{})
	entered := make(chan struct{})
	var panics int
	d := newDispatcher(3, 100, 64, func(_ context.Context, tr *turn) {
		switch tr.replyTo {
		case -1:
			close(entered)
			<-release
		case -2:
			panic("boom")
		}
		mu.Lock()
		got[tr.chatID] = append(got[tr.chatID], tr.replyTo)
		mu.Unlock()
	}, func(any) { panics++ })
	ctx := context.Background()
	// Chat 1 is blocked by its first turn; chat 2 must still progress.
	if err := enqueueErr(d, ctx, chatKey{id: 1}, &turn{chatID: 1, replyTo: -1}); err != nil {
		t.Fatal(err)
	}
	<-entered
	for i := range 4 {
		err := enqueueErr(d, ctx, chatKey{id: 1}, &turn{chatID: 1, replyTo: i})
		if i < 3 && err != nil || i == 3 && !errors.Is(err, errChatFlooded) {
			t.Errorf("enqueue %d = %v", i, err)
		}
	}
	// A panicking turn does not stop its chat.
	enqueueErr(d, ctx, chatKey{id: 2}, &turn{chatID: 2, replyTo: -2})
	for i := range 2 {
		if err := enqueueErr(d, ctx, chatKey{id: 2}, &turn{chatID: 2, replyTo: i}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(wait)
	for {
		mu.Lock()
		n := len(got[2])
		mu.Unlock()
		if n == 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(5 * time.Millisecond) // let chat 2's goroutine see its empty queue
	if chats, turns := d.stats(); chats != 1 || turns != 4 {
		t.Errorf("stats = %d chats, %d turns; want chat 2 reaped and 4 turns of chat 1 left", chats, turns)
	}
	close(release)
	if err := d.close(wait, time.Second); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got[1]) != "[-1 0 1 2]" || fmt.Sprint(got[2]) != "[0 1]" || panics != 1 {
		t.Errorf("order = %v, panics = %d", got, panics)
	}
	if err := enqueueErr(d, ctx, chatKey{id: 3}, &turn{}); !errors.Is(err, errQueueClosed) {
		t.Errorf("enqueue after close = %v", err)
	}
	if chats, turns := d.stats(); chats != 0 || turns != 0 {
		t.Errorf("after close: %d chats, %d turns", chats, turns)
	}
}

func TestDispatcherGlobalBoundBlocks(t *testing.T) {
	release := make(chan struct{})
	d := newDispatcher(10, 2, 64, func(context.Context, *turn) { <-release }, nil)
	ctx := context.Background()
	enqueueErr(d, ctx, chatKey{id: 1}, &turn{})
	enqueueErr(d, ctx, chatKey{id: 2}, &turn{})
	short, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	if err := enqueueErr(d, short, chatKey{id: 3}, &turn{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("enqueue over the global bound = %v, want to block until the context ends", err)
	}
	close(release)
	if err := enqueueErr(d, ctx, chatKey{id: 3}, &turn{}); err != nil {
		t.Errorf("enqueue after space freed = %v", err)
	}
	if err := d.close(wait, time.Second); err != nil {
		t.Fatal(err)
	}
}

func enqueueErr(d *dispatcher, ctx context.Context, key chatKey, t *turn) error {
	_, err := d.enqueue(ctx, key, t)
	return err
}
