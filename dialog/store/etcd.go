package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/client/v3/concurrency"

	"policybot/dialog"
)

// Etcd is the chat store kept in etcd, for several replicas of the bot on
// several machines: the same records as DB (record.go), under one key
// prefix, and every turn's writes (state, questions, votes, journal entry)
// in one etcd transaction. It is safe for concurrent use.
//
// Keys, below the prefix (ids and chat ids as 16 hex digits of their
// big-endian uint64, so keys sort as bbolt's do):
//
//	state/<chat>                  chat state
//	asked/<chat>/<time>/<uniq>    question log
//	feedback/<chat>/<measure>     votes
//	inbox/<update id>             the update journal (journal.go's records)
//	meta/last_update_id           the highest update id received
//	pend/<key>/<update id>        unfinished updates by ordering key (chat)
//	claim/<key>                   the replica handling that key (a lease)
//	leader/                       the polling leader's election
//	examples/<name>               operators' added examples, shared
//
// Claims (WithClaims, webhook replicas): a replica runs a chat's turns
// only while it holds the chat's claim, a key bound to its lease; each
// Commit compares the claim, so a replica that lost it (cut off for longer
// than the lease) can no longer write, and its turn fails with
// dialog.ErrNotOwner instead of answering twice. Leadership (Campaign,
// polling with a standby) is fenced the same way.
type Etcd struct {
	cli     *clientv3.Client
	prefix  string
	ttl     time.Duration
	now     func() time.Time
	logger  *slog.Logger
	timeout time.Duration // bounds every etcd request
	lease   int           // seconds of the replica's lease
	claims  bool

	id  string        // this replica, unique per process
	seq atomic.Uint64 // disambiguates log keys

	stage // updates received, not yet durable (journal.go)

	sessMu sync.Mutex
	sess   *concurrency.Session // the replica's lease, made on first use

	fence atomic.Pointer[clientv3.Cmp] // leadership, when campaigning

	records  chan deliveredReq // Delivered's writes, in call order
	recordMu sync.RWMutex      // held (read) while sending to records; Close closes it
	wg       sync.WaitGroup
	closed   atomic.Bool
}

// EtcdOption configures OpenEtcd.
type EtcdOption func(*Etcd)

// WithPrefix sets the key prefix (default "/policybot/"): several bots can
// share one etcd cluster under different prefixes.
func WithPrefix(p string) EtcdOption { return func(s *Etcd) { s.prefix = p } }

// WithEtcdLogger sets where the store logs.
func WithEtcdLogger(l *slog.Logger) EtcdOption { return func(s *Etcd) { s.logger = l } }

// WithEtcdClock sets the clock used for expiry and journal times.
func WithEtcdClock(now func() time.Time) EtcdOption { return func(s *Etcd) { s.now = now } }

// WithRequestTimeout bounds each etcd request (default 5 s): without
// quorum a write fails after it instead of hanging, and the bot retries.
func WithRequestTimeout(d time.Duration) EtcdOption { return func(s *Etcd) { s.timeout = d } }

// WithLease sets the lease of the replica's claims and leadership
// (default 5 s): how long a dead or cut-off replica's chats wait before
// another replica takes them.
func WithLease(d time.Duration) EtcdOption {
	return func(s *Etcd) { s.lease = max(int(d/time.Second), 1) }
}

// WithClaims makes the store hand chats out by claims (webhook replicas,
// see Claim); without it, one process (a polling leader) handles all.
func WithClaims() EtcdOption { return func(s *Etcd) { s.claims = true } }

// deliveredWorkers is how many Delivered records are written at once;
// one update's records always go to the same worker, in call order.
const deliveredWorkers = 8

type deliveredReq struct {
	id   int64
	sent int
	done bool
	then func(error)
}

// OpenEtcd returns the store on cli (which the caller closes after the
// store). It checks that the cluster answers.
func OpenEtcd(ctx context.Context, cli *clientv3.Client, opts ...EtcdOption) (*Etcd, error) {
	s := &Etcd{cli: cli, prefix: "/policybot/", ttl: 30 * 24 * time.Hour, now: time.Now, logger: slog.Default(),
		timeout: 5 * time.Second, lease: 5, stage: newStage()}
	for _, o := range opts {
		o(s)
	}
	if !strings.HasSuffix(s.prefix, "/") {
		s.prefix += "/"
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("open etcd store: %w", err)
	}
	s.id = hex.EncodeToString(b[:])
	cctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if _, err := cli.Get(cctx, s.prefix+"meta/", clientv3.WithPrefix(), clientv3.WithCountOnly()); err != nil {
		return nil, fmt.Errorf("open etcd store: %w", err)
	}
	s.records = make(chan deliveredReq, 1024)
	workers := make([]chan deliveredReq, deliveredWorkers)
	for i := range workers {
		workers[i] = make(chan deliveredReq, 256)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			for r := range workers[i] {
				err := s.delivered(r.id, r.sent, r.done)
				if r.then != nil {
					r.then(wrap("journal delivery", err))
				}
			}
		}()
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for r := range s.records {
			workers[uint64(r.id)%deliveredWorkers] <- r
		}
		for _, w := range workers {
			close(w)
		}
	}()
	return s, nil
}

// ID returns this replica's id, the value of its claims.
func (s *Etcd) ID() string { return s.id }

// Close waits for the delivery records in flight and gives up the
// replica's claims (its lease). The client stays open.
func (s *Etcd) Close() error {
	s.recordMu.Lock()
	if s.closed.Swap(true) {
		s.recordMu.Unlock()
		return nil
	}
	close(s.records)
	s.recordMu.Unlock()
	s.wg.Wait()
	s.sessMu.Lock()
	defer s.sessMu.Unlock()
	if s.sess != nil {
		return wrap("close etcd store", s.sess.Close())
	}
	return nil
}

// ctx bounds one request.
func (s *Etcd) ctx(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	return context.WithTimeout(context.WithoutCancel(parent), s.timeout)
}

func hex16(v uint64) string { return fmt.Sprintf("%016x", v) }

func (s *Etcd) stateKey(chat int64) string { return s.prefix + "state/" + hex16(uint64(chat)) }
func (s *Etcd) askedPrefix(chat int64) string {
	return s.prefix + "asked/" + hex16(uint64(chat)) + "/"
}
func (s *Etcd) votePrefix(chat int64) string {
	return s.prefix + "feedback/" + hex16(uint64(chat)) + "/"
}
func (s *Etcd) inboxKey(id int64) string { return s.prefix + "inbox/" + hex16(uint64(id)) }
func (s *Etcd) pendKey(key string, id int64) string {
	return s.prefix + "pend/" + key + "/" + hex16(uint64(id))
}
func (s *Etcd) claimKey(key string) string { return s.prefix + "claim/" + key }
func (s *Etcd) lastKey() string            { return s.prefix + "meta/last_update_id" }

// ChatKey is the ordering key of a chat's events (dialog.Inbound.Key).
func ChatKey(chat int64) string { return fmt.Sprint(chat) }

// Load implements dialog.Store, as DB.Load does.
func (s *Etcd) Load(ctx context.Context, chatID int64) (dialog.State, bool, error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Get(cctx, s.stateKey(chatID))
	if err != nil || len(resp.Kvs) == 0 {
		return dialog.State{}, false, wrap("load state", err)
	}
	st, err := unmarshalState(resp.Kvs[0].Value)
	if err != nil {
		s.logger.Warn("dropping unreadable chat state", "chat", chatID, "err", err)
		return dialog.State{}, false, s.deleteState(chatID, resp.Kvs[0].ModRevision)
	}
	if s.now().Sub(st.Updated) > s.ttl {
		return dialog.State{}, false, s.deleteState(chatID, resp.Kvs[0].ModRevision)
	}
	return st, true, nil
}

// deleteState deletes a chat's state unless it changed since rev.
func (s *Etcd) deleteState(chat int64, rev int64) error {
	cctx, cancel := s.ctx(nil)
	defer cancel()
	k := s.stateKey(chat)
	_, err := s.cli.Txn(cctx).If(clientv3.Compare(clientv3.ModRevision(k), "=", rev)).Then(clientv3.OpDelete(k)).Commit()
	return wrap("delete state", err)
}

// casTries bounds the optimistic retries of one write.
const casTries = 20

// Commit implements dialog.Store: the turn's writes in one transaction,
// conditional on the journal entry being unchanged since it was read and
// on this replica still holding the chat (or the leadership). With Forget,
// the chat's records are deleted and the turn's own questions and votes
// are not logged (etcd allows no write into a range deleted in the same
// transaction); bbolt logs them after the deletion.
func (s *Etcd) Commit(ctx context.Context, chatID int64, c dialog.Commit) error {
	var base []clientv3.Op
	if c.Forget {
		base = append(base, clientv3.OpDelete(s.stateKey(chatID)),
			clientv3.OpDelete(s.askedPrefix(chatID), clientv3.WithPrefix()),
			clientv3.OpDelete(s.votePrefix(chatID), clientv3.WithPrefix()))
	}
	if c.State != nil {
		raw, err := json.Marshal(encodeState(*c.State))
		if err != nil {
			return wrap("commit turn", err)
		}
		if c.Forget {
			base = base[1:] // the state is replaced, not deleted
		}
		base = append(base, clientv3.OpPut(s.stateKey(chatID), string(raw)))
	}
	if !c.Forget {
		for _, q := range c.Asked {
			raw, err := json.Marshal(encodeAsked(q))
			if err != nil {
				return wrap("commit turn", err)
			}
			base = append(base, clientv3.OpPut(s.askedKey(chatID, q.Time), string(raw)))
		}
		for _, f := range c.Feedback {
			raw, err := json.Marshal(encodeFeedback(f))
			if err != nil {
				return wrap("commit turn", err)
			}
			base = append(base, clientv3.OpPut(s.votePrefix(chatID)+hex16(uint64(f.Measure)), string(raw)))
		}
	}
	fence := s.fences(ChatKey(chatID))
	for try := 0; try < casTries; try++ {
		cmps := fence
		ops := base
		var e *stagedEvent
		if c.EventID != 0 {
			var err error
			var jcmps []clientv3.Cmp
			var jops []clientv3.Op
			e = s.staging(c.EventID)
			if jcmps, jops, err = s.answeredOps(ctx, c.EventID, e, c.Replies); err != nil {
				return wrap("commit turn", err)
			}
			cmps = append(slicesClip(cmps), jcmps...)
			ops = append(slicesClip(ops), jops...)
		}
		ok, err := s.txn(ctx, cmps, ops)
		if err != nil {
			return wrap("commit turn", err)
		}
		if ok {
			if c.EventID != 0 {
				s.markDurable(c.EventID)
			}
			return nil
		}
		if err := s.checkFence(ctx, ChatKey(chatID)); err != nil {
			return wrap("commit turn", err)
		}
	}
	return wrap("commit turn", errors.New("the journal entry kept changing"))
}

func slicesClip[T any](s []T) []T { return s[:len(s):len(s)] }

// askedKey orders a chat's log entries by time; the replica id and a
// sequence keep keys of several replicas apart.
func (s *Etcd) askedKey(chat int64, t time.Time) string {
	return s.askedPrefix(chat) + hex16(uint64(t.UnixNano())) + "/" + s.id + hex16(s.seq.Add(1))
}

// txn runs one transaction and reports whether its compares held.
func (s *Etcd) txn(ctx context.Context, cmps []clientv3.Cmp, ops []clientv3.Op) (bool, error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Txn(cctx).If(cmps...).Then(ops...).Commit()
	if err != nil {
		return false, err
	}
	return resp.Succeeded, nil
}

// Backup writes a consistent snapshot of the store's keys (one revision)
// to w as JSON lines: a header, then {"k","v"} per key (values base64).
// RestoreEtcd reads it back.
func (s *Etcd) Backup(w io.Writer) (int64, error) {
	cctx, cancel := context.WithTimeout(context.Background(), 10*s.timeout)
	defer cancel()
	resp, err := s.cli.Get(cctx, s.prefix, clientv3.WithPrefix())
	if err != nil {
		return 0, fmt.Errorf("backup store: %w", err)
	}
	var n int64
	enc := func(v any) error {
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		m, err := w.Write(append(raw, '\n'))
		n += int64(m)
		return err
	}
	if err := enc(snapshotHeader{Format: snapshotFormat, Revision: resp.Header.Revision, Keys: len(resp.Kvs)}); err != nil {
		return n, fmt.Errorf("backup store: %w", err)
	}
	for _, kv := range resp.Kvs {
		k := strings.TrimPrefix(string(kv.Key), s.prefix)
		if strings.HasPrefix(k, "claim/") || strings.HasPrefix(k, "leader/") {
			continue // a replica's lease is no state worth restoring
		}
		if err := enc(snapshotEntry{K: k, V: kv.Value}); err != nil {
			return n, fmt.Errorf("backup store: %w", err)
		}
	}
	return n, nil
}
