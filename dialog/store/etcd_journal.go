package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	clientv3 "go.etcd.io/etcd/client/v3"

	"policybot/dialog"
)

// The update journal on etcd: the same records and states as journal.go,
// one key per update, plus the pending index pend/<key>/<id> of every
// unfinished update with an ordering key, written and removed in the same
// transactions as the entry, so that a replica taking over a chat finds
// its unfinished updates (see Claim).

var _ dialog.Journal = (*Etcd)(nil)

// Stage implements dialog.Journal, as DB.Stage does.
func (s *Etcd) Stage(evs []dialog.Inbound) (fresh []dialog.Inbound, held []int64, err error) {
	now := s.now()
	// Read first, without the lock: a slow cluster must not queue every
	// other update behind this one. The staged map, checked under the
	// lock, still sees a concurrent Stage of the same id.
	recs, last, err := s.entries(context.Background(), evs)
	if err != nil {
		return nil, nil, wrap("journal updates", err)
	}
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	fresh, held, err = s.admit(evs, now, last, func(id int64) (*inboxRecord, bool) {
		r, ok := recs[id]
		return r, ok
	})
	if err != nil {
		return nil, nil, wrap("journal updates", err)
	}
	return fresh, held, nil
}

// entries reads the stored entries of evs (a nil record: unreadable) and
// the highest id received.
func (s *Etcd) entries(ctx context.Context, evs []dialog.Inbound) (map[int64]*inboxRecord, int64, error) {
	out := map[int64]*inboxRecord{}
	var last int64
	for start := 0; start < len(evs) || start == 0; start += 100 {
		ops := []clientv3.Op{clientv3.OpGet(s.lastKey())}
		for _, ev := range evs[start:min(start+100, len(evs))] {
			ops = append(ops, clientv3.OpGet(s.inboxKey(ev.ID)))
		}
		cctx, cancel := s.ctx(ctx)
		resp, err := s.cli.Txn(cctx).Then(ops...).Commit()
		cancel()
		if err != nil {
			return nil, 0, err
		}
		if kvs := resp.Responses[0].GetResponseRange().Kvs; len(kvs) > 0 {
			last, _ = strconv.ParseInt(string(kvs[0].Value), 10, 64)
		}
		for i, r := range resp.Responses[1:] {
			kvs := r.GetResponseRange().Kvs
			if len(kvs) == 0 {
				continue
			}
			var rec inboxRecord
			id := evs[start+i].ID
			if json.Unmarshal(kvs[0].Value, &rec) != nil {
				out[id] = nil
				continue
			}
			out[id] = &rec
		}
	}
	return out, last, nil
}

// current reads update id's entry and its revision (0: none, or one of an
// earlier update with the same id that the staged e replaces).
func (s *Etcd) current(ctx context.Context, id int64, e *stagedEvent) (*inboxRecord, int64, error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Get(cctx, s.inboxKey(id))
	if err != nil || len(resp.Kvs) == 0 {
		return nil, 0, err
	}
	kv := resp.Kvs[0]
	var r inboxRecord
	if err := json.Unmarshal(kv.Value, &r); err != nil {
		return nil, kv.ModRevision, fmt.Errorf("journal entry %d: %w", id, err)
	}
	if e != nil && r.Sum != 0 && r.Sum != e.sum {
		return nil, kv.ModRevision, nil
	}
	return &r, kv.ModRevision, nil
}

// entryOps writes r as update id's entry, with its pending index, and for
// a first entry (e not nil) advances the highest id received.
func (s *Etcd) entryOps(ctx context.Context, id int64, e *stagedEvent, r inboxRecord) ([]clientv3.Op, error) {
	if e != nil {
		r.Sum, r.Recv, r.Key = e.sum, e.at, e.key
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	ops := []clientv3.Op{clientv3.OpPut(s.inboxKey(id), string(raw))}
	if r.Key != "" {
		if r.State == entryDone {
			ops = append(ops, clientv3.OpDelete(s.pendKey(r.Key, id)))
		} else {
			ops = append(ops, clientv3.OpPut(s.pendKey(r.Key, id), ""))
		}
	}
	if e != nil {
		last, err := s.LastID(ctx)
		if err != nil {
			return nil, err
		}
		if last < id || e.rewind {
			ops = append(ops, clientv3.OpPut(s.lastKey(), strconv.FormatInt(id, 10)))
		}
	}
	return ops, nil
}

// unchanged compares an entry's revision as read (0: absent).
func (s *Etcd) unchanged(id int64, rev int64) clientv3.Cmp {
	return clientv3.Compare(clientv3.ModRevision(s.inboxKey(id)), "=", rev)
}

// Flush implements dialog.Journal: each staged update among ids is
// written unless it was meanwhile.
func (s *Etcd) Flush(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		e := s.staging(id)
		if e == nil {
			continue
		}
		err := s.cas(ctx, func() ([]clientv3.Cmp, []clientv3.Op, bool, error) {
			if s.staging(id) == nil {
				return nil, nil, false, nil
			}
			r, rev, err := s.current(ctx, id, e)
			if err != nil || r != nil {
				return nil, nil, false, nil // written meanwhile (or unreadable: left alone)
			}
			ops, err := s.entryOps(ctx, id, e, inboxRecord{V: recordVersion, State: entryReceived, Raw: e.raw, At: s.now()})
			return []clientv3.Cmp{s.unchanged(id, rev)}, ops, true, err
		})
		if err != nil {
			return wrap("journal updates", err)
		}
		s.markDurable(id)
	}
	return nil
}

// cas runs build's transaction until its compares hold (build reports
// write=false when nothing needs writing).
func (s *Etcd) cas(ctx context.Context, build func() ([]clientv3.Cmp, []clientv3.Op, bool, error)) error {
	for try := 0; try < casTries; try++ {
		cmps, ops, write, err := build()
		if err != nil || !write {
			return err
		}
		ok, err := s.txn(ctx, cmps, ops)
		if err != nil || ok {
			return err
		}
	}
	return fmt.Errorf("the journal entry kept changing")
}

// LastID implements dialog.Journal.
func (s *Etcd) LastID(ctx context.Context) (int64, error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Get(cctx, s.lastKey())
	if err != nil {
		return 0, wrap("read journal", err)
	}
	if len(resp.Kvs) == 0 {
		return 0, nil
	}
	n, _ := strconv.ParseInt(string(resp.Kvs[0].Value), 10, 64)
	return n, nil
}

// Unfinished implements dialog.Journal. With claims, the unfinished
// updates are handed out by key (see Claim), so it returns only those
// without a key; it also prunes old tombstones.
func (s *Etcd) Unfinished(ctx context.Context) ([]dialog.Pending, error) {
	var out []dialog.Pending
	err := s.scan(ctx, s.prefix+"inbox/", func(k string, v []byte) {
		var r inboxRecord
		id, perr := strconv.ParseUint(k, 16, 64)
		if perr != nil || json.Unmarshal(v, &r) != nil {
			s.logger.Error("skipping an unreadable update journal entry", "key", k)
			return
		}
		if (r.State == entryReceived || r.State == entryAnswered) && (!s.claims || r.Key == "") {
			out = append(out, pendingOf(int64(id), r))
		}
	})
	if err != nil {
		return nil, wrap("read journal", err)
	}
	if _, err := s.PruneJournal(ctx); err != nil {
		return out, err
	}
	return out, nil
}

func pendingOf(id int64, r inboxRecord) dialog.Pending {
	return dialog.Pending{
		Inbound:  dialog.Inbound{ID: id, Raw: r.Raw, Key: r.Key},
		Answered: r.State == entryAnswered,
		Replies:  decodeReplies(r.Replies),
		Sent:     r.Sent,
		Received: r.received(),
	}
}

// scan calls fn with every key (less prefix) and value under prefix, in
// pages, each page at one revision.
func (s *Etcd) scan(ctx context.Context, prefix string, fn func(k string, v []byte)) error {
	return s.scanRevisions(ctx, prefix, func(k string, v []byte, _ int64) { fn(k, v) })
}

// scanRevisions is scan that also passes each key's mod revision.
func (s *Etcd) scanRevisions(ctx context.Context, prefix string, fn func(k string, v []byte, rev int64)) error {
	from := prefix
	end := clientv3.GetPrefixRangeEnd(prefix)
	for {
		cctx, cancel := s.ctx(ctx)
		resp, err := s.cli.Get(cctx, from, clientv3.WithRange(end), clientv3.WithLimit(1000))
		cancel()
		if err != nil {
			return err
		}
		for _, kv := range resp.Kvs {
			fn(strings.TrimPrefix(string(kv.Key), prefix), kv.Value, kv.ModRevision)
		}
		if !resp.More || len(resp.Kvs) == 0 {
			return nil
		}
		from = string(resp.Kvs[len(resp.Kvs)-1].Key) + "\x00"
	}
}

// PruneJournal removes tombstones of updates finished over 48 hours ago.
func (s *Etcd) PruneJournal(ctx context.Context) (int, error) {
	cutoff := s.now().Add(-tombstoneTTL)
	n, err := s.sweepPrefix(ctx, "inbox/", func(_ string, v []byte) bool {
		var r inboxRecord
		return json.Unmarshal(v, &r) == nil && r.State == entryDone && r.At.Before(cutoff)
	})
	return n, wrap("prune journal", err)
}

// Delivered implements dialog.Journal: records are written in call order
// per update by a few workers, and then is called once each is durable.
func (s *Etcd) Delivered(id int64, sent int, done bool, then func(error)) {
	s.recordMu.RLock()
	defer s.recordMu.RUnlock()
	if s.closed.Load() {
		if then != nil {
			then(errClosed)
		}
		return
	}
	s.records <- deliveredReq{id, sent, done, then}
}

// delivered writes one delivery record, as DB.Delivered does.
func (s *Etcd) delivered(id int64, sent int, done bool) error {
	ctx := context.Background()
	err := s.cas(ctx, func() ([]clientv3.Cmp, []clientv3.Op, bool, error) {
		now := s.now()
		e := s.staging(id)
		r, rev, err := s.current(ctx, id, e)
		if err != nil && !done {
			return nil, nil, false, err
		}
		cmps := []clientv3.Cmp{s.unchanged(id, rev)}
		if r == nil {
			switch {
			case e == nil && err == nil:
				return nil, nil, false, nil // not journaled
			case done:
				ops, err := s.entryOps(ctx, id, e, inboxRecord{V: recordVersion, State: entryDone, At: now})
				return cmps, ops, true, err
			default:
				ops, err := s.entryOps(ctx, id, e, inboxRecord{V: recordVersion, State: entryReceived, Raw: e.raw, Sent: sent, At: now})
				return cmps, ops, true, err
			}
		}
		switch {
		case r.State == entryDone:
			return nil, nil, false, nil
		case done:
			*r = inboxRecord{V: recordVersion, State: entryDone, Sum: r.Sum, Recv: r.Recv, Key: r.Key, At: now}
		case sent > r.Sent:
			r.Sent, r.At = sent, now
		default:
			return nil, nil, false, nil
		}
		ops, err := s.entryOps(ctx, id, nil, *r)
		return cmps, ops, true, err
	})
	if err == nil {
		s.markDurable(id)
	}
	return err
}

// answeredOps is the part of a turn's Commit that marks event id answered
// with its replies (done at once when there are none), with the compare
// that the entry is as read.
func (s *Etcd) answeredOps(ctx context.Context, id int64, e *stagedEvent, replies []dialog.Reply) ([]clientv3.Cmp, []clientv3.Op, error) {
	r, rev, err := s.current(ctx, id, e)
	if err != nil {
		return nil, nil, err
	}
	cmps := []clientv3.Cmp{s.unchanged(id, rev)}
	if r == nil {
		if e == nil {
			return cmps, nil, nil // not journaled: nothing to mark
		}
		r = &inboxRecord{Raw: e.raw}
	} else {
		e = nil // the entry exists: only rewritten
	}
	now := s.now()
	r.V, r.At = recordVersion, now
	if len(replies) == 0 {
		*r = inboxRecord{V: recordVersion, State: entryDone, Sum: r.Sum, Recv: r.Recv, Key: r.Key, At: now}
	} else {
		r.State, r.Replies, r.Sent = entryAnswered, encodeReplies(replies), 0
	}
	ops, err := s.entryOps(ctx, id, e, *r)
	return cmps, ops, err
}
