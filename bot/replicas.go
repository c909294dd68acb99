package bot

import (
	"context"
	"encoding/json"
	"errors"
	"hash/fnv"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// Webhook replicas. Several `serve --webhook` processes behind one load
// balancer share a journal (the etcd store). Any replica may receive any
// update; it journals it (so it is never lost) and answers 200, but a
// chat's turns run only on the replica that holds the chat's claim (a key
// on that replica's lease), in update order:
//
//   - An update whose chat is unclaimed: the receiving replica claims the
//     chat, first takes any unfinished updates of that chat the journal
//     holds (received elsewhere, or left by a replica that died), then the
//     new one.
//   - An update whose chat another replica holds: only journaled. The
//     holder finds it when its queue for the chat runs empty: it gives the
//     claim up only when the journal holds nothing unfinished for the chat
//     (one transaction), and otherwise takes what is there.
//   - A replica that dies leaves its claims to expire with its lease; every
//     replica looks for unfinished updates of unclaimed chats every
//     orphanEvery and takes them over.
//   - A replica cut off from etcd for longer than its lease cannot commit:
//     every turn's Commit compares the claim (dialog.ErrNotOwner), so it
//     drops the turn instead of answering; the chat's new holder answers.
//
// The window left is the one of a single process (inbox.go): a replica
// that dies after Telegram took a message and before the journal recorded
// it makes the next holder send that message again.

// Claims hands chats out to replicas sharing one journal; *store.Etcd
// with store.WithClaims implements it.
type Claims interface {
	// Claim takes key for this replica; false when another holds it.
	Claim(ctx context.Context, key string) (bool, error)
	// Release gives key up unless unfinished updates of it remain; it
	// returns their ids then (and keeps the claim).
	Release(ctx context.Context, key string) ([]int64, error)
	// PendingOf returns key's unfinished updates in id order.
	PendingOf(ctx context.Context, key string) ([]dialog.Pending, error)
	// Orphans returns the keys with unfinished updates and no claim.
	Orphans(ctx context.Context) ([]string, error)
}

// WithClaims makes the bot one of several webhook replicas sharing c's
// journal (which must also be the WithJournal journal).
func WithClaims(c Claims) Option { return func(cfg *config) { cfg.claims = c } }

// orphanEvery is how often a replica looks for chats nobody handles.
const orphanEvery = 500 * time.Millisecond

// replicas is a bot's side of the claims.
type replicas struct {
	c     Claims
	locks [64]sync.Mutex // per key (striped): one sync of a key at a time

	mu       sync.Mutex
	owned    map[string]bool  // keys this replica holds
	inflight map[int64]string // updates queued here and not finished, by id → key
}

func newReplicas(c Claims) *replicas {
	if c == nil {
		return nil
	}
	return &replicas{c: c, owned: map[string]bool{}, inflight: map[int64]string{}}
}

func (r *replicas) lock(key string) func() {
	h := fnv.New32a()
	h.Write([]byte(key))
	m := &r.locks[h.Sum32()%uint32(len(r.locks))]
	m.Lock()
	return m.Unlock
}

// keyString is the ordering key of a queue, as the journal keeps it (and
// as store.ChatKey makes it for a chat).
func keyString(k chatKey) string {
	if k.inline {
		return "i" + strconv.FormatInt(k.id, 10)
	}
	return strconv.FormatInt(k.id, 10)
}

// orderKey is the ordering key of a raw update ("" when it needs no turn).
func (b *Bot) orderKey(raw []byte) string {
	var u models.Update
	if json.Unmarshal(raw, &u) != nil {
		return ""
	}
	me := b.me.Load()
	if me == nil {
		me = &identity{}
	}
	key, _, ignore := classify(&u, *me, b.cfg.now())
	if ignore != "" {
		return ""
	}
	return keyString(key)
}

// take runs a fresh update with this replica's claims: it claims the key
// (unless held), queues the key's unfinished updates from the journal
// that precede ev, then ev. It reports whether ev's turn starts at once
// (as accept does); queued false means another replica holds the key and
// ev is only to be journaled.
func (b *Bot) take(ctx context.Context, ev dialog.Inbound) (t *turn, started, queued bool) {
	r := b.replicas
	unlock := r.lock(ev.Key)
	defer unlock()
	if !r.hold(ctx, b, ev.Key) {
		return nil, false, false
	}
	if n := b.pull(ctx, ev.Key, ev.ID); n > 0 {
		b.log.Info("took over a chat's unfinished updates", "key", ev.Key, "updates", n)
	}
	r.track(ev.ID, ev.Key) // before the turn can finish (and untrack it)
	t, started, err := b.accept(ctx, &dialog.Pending{Inbound: ev})
	if err != nil {
		r.untrack(ev.ID)
	}
	return t, started, true
}

// hold reports whether this replica holds key, claiming it if free.
func (r *replicas) hold(ctx context.Context, b *Bot, key string) bool {
	r.mu.Lock()
	owned := r.owned[key]
	r.mu.Unlock()
	if owned {
		return true
	}
	ok, err := r.c.Claim(ctx, key)
	if err != nil {
		b.claimLog.log(b.log, slog.LevelWarn, b.cfg.now(), "could not claim a chat; leaving its updates to the journal", "key", key, "error", err)
		return false
	}
	if ok {
		r.mu.Lock()
		r.owned[key] = true
		r.mu.Unlock()
	}
	return ok
}

func (r *replicas) track(id int64, key string) {
	r.mu.Lock()
	r.inflight[id] = key
	r.mu.Unlock()
}

// untrack ends id's bookkeeping (finished, or dropped for a lost claim)
// and returns its key when no other update of the key is in flight here.
func (r *replicas) untrack(id int64) (lastOf string) {
	if r == nil {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key, ok := r.inflight[id]
	delete(r.inflight, id)
	if !ok || r.busyLocked(key) {
		return ""
	}
	return key
}

// busyLocked reports whether key has updates in flight here (r.mu held).
func (r *replicas) busyLocked(key string) bool {
	for _, k := range r.inflight {
		if k == key {
			return true
		}
	}
	return false
}

// finished is called once update id's end is durable: when it was the
// last of its key in flight here, the key may be given up now.
func (b *Bot) finished(id int64) {
	if key := b.replicas.untrack(id); key != "" {
		go b.idleKey(key)
	}
}

// disown forgets a key whose claim this replica lost.
func (r *replicas) disown(key string) {
	r.mu.Lock()
	delete(r.owned, key)
	r.mu.Unlock()
}

// pull queues key's unfinished journal updates below id (0: all) that
// are not queued here yet, in id order, and returns how many. The caller
// holds key's lock and its claim.
func (b *Bot) pull(ctx context.Context, key string, below int64) int {
	r := b.replicas
	// What is queued here is read before the journal: an update that
	// finishes in between is no longer pending in what is read after.
	r.mu.Lock()
	queued := map[int64]bool{}
	for id, k := range r.inflight {
		if k == key {
			queued[id] = true
		}
	}
	r.mu.Unlock()
	pending, err := r.c.PendingOf(ctx, key)
	if err != nil {
		b.claimLog.log(b.log, slog.LevelWarn, b.cfg.now(), "could not read a chat's unfinished updates", "key", key, "error", err)
		return 0
	}
	n := 0
	for i := range pending {
		p := &pending[i]
		if below > 0 && p.ID >= below {
			break
		}
		if queued[p.ID] {
			continue
		}
		r.track(p.ID, key)
		if _, _, err := b.accept(ctx, p); err != nil {
			r.untrack(p.ID)
			continue
		}
		n++
	}
	return n
}

// idle is called when this replica's queue of key runs empty: the claim is
// given up unless the journal holds unfinished updates of the key, which
// are then queued here (records of turns just finished may still be on
// their way: then it waits a moment and tries again).
func (b *Bot) idle(k chatKey) {
	if b.replicas != nil {
		b.idleKey(keyString(k))
	}
}

// idleKey is idle by the key's string.
func (b *Bot) idleKey(key string) {
	r := b.replicas
	unlock := r.lock(key)
	defer unlock()
	r.mu.Lock()
	owned, busy := r.owned[key], r.busyLocked(key)
	r.mu.Unlock()
	if !owned || busy || b.stopping.Err() != nil {
		return // busy: finished calls again when the last one's end is durable
	}
	if ck, ok := parseKey(key); ok && b.queue.busy(ck) {
		return
	}
	for try := 0; try < 50; try++ {
		left, err := r.c.Release(b.stopping, key)
		if err != nil {
			return // the orphan sweep tries again
		}
		if len(left) == 0 {
			r.disown(key)
			return
		}
		if b.pull(b.stopping, key, 0) > 0 {
			return // queued: idle comes again when they are done
		}
		if sleep(b.stopping, 20*time.Millisecond) != nil {
			return
		}
	}
}

// sweepOrphans takes over, every orphanEvery until ctx is done, the chats
// that have unfinished updates and no replica, and gives up held keys whose
// queue here is empty (a release that failed before).
func (b *Bot) sweepOrphans(ctx context.Context) {
	r := b.replicas
	t := time.NewTicker(orphanEvery)
	defer t.Stop()
	for {
		keys, err := r.c.Orphans(ctx)
		if err != nil && ctx.Err() == nil {
			b.claimLog.log(b.log, slog.LevelWarn, b.cfg.now(), "could not look for unhandled chats", "error", err)
		}
		for _, key := range keys {
			if ctx.Err() != nil {
				return
			}
			unlock := r.lock(key)
			if r.hold(ctx, b, key) {
				if n := b.pull(ctx, key, 0); n > 0 {
					b.log.Info("took over a chat's unfinished updates", "key", key, "updates", n)
				}
			}
			unlock()
		}
		b.releaseIdle()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// releaseIdle runs idle for the held keys whose queue here is empty.
func (b *Bot) releaseIdle() {
	r := b.replicas
	r.mu.Lock()
	var keys []string
	for k := range r.owned {
		keys = append(keys, k)
	}
	r.mu.Unlock()
	for _, k := range keys {
		b.idleKey(k)
	}
}

// parseKey is keyString's inverse.
func parseKey(k string) (chatKey, bool) {
	if rest, ok := strings.CutPrefix(k, "i"); ok {
		id, err := strconv.ParseInt(rest, 10, 64)
		return chatKey{id: id, inline: true}, err == nil
	}
	id, err := strconv.ParseInt(k, 10, 64)
	return chatKey{id: id}, err == nil
}

// disowned reports whether err says the replica lost the chat.
func disowned(err error) bool { return errors.Is(err, dialog.ErrNotOwner) }
