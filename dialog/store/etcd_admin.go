package store

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"policybot/dialog"
)

// snapshotFormat names the etcd store's backup format (Etcd.Backup).
const snapshotFormat = "policybot-etcd-snapshot-1"

type snapshotHeader struct {
	Format   string `json:"format"`
	Revision int64  `json:"revision"` // the etcd revision it was read at
	Keys     int    `json:"keys"`
}

type snapshotEntry struct {
	K string `json:"k"` // below the prefix
	V []byte `json:"v"`
}

// RestoreEtcd replaces every key of the store with those of a snapshot
// that Backup wrote, and returns how many it wrote. Stop every replica
// first: the old keys are deleted, then the snapshot's written in
// transactions of up to 100 keys.
func (s *Etcd) RestoreEtcd(ctx context.Context, r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 64<<20)
	if !sc.Scan() {
		return 0, fmt.Errorf("restore: empty snapshot: %w", sc.Err())
	}
	var h snapshotHeader
	if err := json.Unmarshal(sc.Bytes(), &h); err != nil || h.Format != snapshotFormat {
		return 0, errors.New("restore: not a policybot etcd snapshot (policybot backup of an etcd store)")
	}
	var entries []snapshotEntry
	for sc.Scan() {
		var e snapshotEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.K == "" {
			return 0, fmt.Errorf("restore: line %d of the snapshot is damaged", len(entries)+2)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	cctx, cancel := s.ctx(ctx)
	_, err := s.cli.Delete(cctx, s.prefix, clientv3.WithPrefix())
	cancel()
	if err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	for start := 0; start < len(entries); start += 100 {
		var ops []clientv3.Op
		for _, e := range entries[start:min(start+100, len(entries))] {
			ops = append(ops, clientv3.OpPut(s.prefix+e.K, string(e.V)))
		}
		if _, err := s.txn(ctx, nil, ops); err != nil {
			return start, fmt.Errorf("restore: %w", err)
		}
	}
	return len(entries), nil
}

// Check reads every key of the store and reports the problems found: a
// record that does not decode, a journal entry or pending index entry
// without the other, a last update id that is not a number.
func (s *Etcd) Check(ctx context.Context) ([]error, error) {
	var problems []error
	entries := map[int64]inboxRecord{}
	pend := map[int64]string{}
	err := s.scan(ctx, s.prefix, func(k string, v []byte) {
		bad := func(what string, err error) {
			if err != nil && len(problems) < 100 {
				problems = append(problems, fmt.Errorf("%s %s: %w", what, k, err))
			}
		}
		kind, rest, _ := strings.Cut(k, "/")
		switch kind {
		case "state":
			_, err := unmarshalState(v)
			bad("chat state", err)
		case "asked":
			_, err := unmarshalAsked(v)
			bad("question log entry", err)
		case "feedback":
			_, err := unmarshalFeedback(v)
			bad("vote", err)
		case "inbox":
			var r inboxRecord
			id, err := strconv.ParseUint(rest, 16, 64)
			if err == nil {
				err = json.Unmarshal(v, &r)
			}
			bad("journal entry", err)
			entries[int64(id)] = r
		case "pend":
			i := strings.LastIndexByte(rest, '/')
			id, err := strconv.ParseUint(rest[i+1:], 16, 64)
			bad("pending index", err)
			pend[int64(id)] = rest[:max(i, 0)]
		case "meta":
			_, err := strconv.ParseInt(string(v), 10, 64)
			bad("meta", err)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("check store: %w", err)
	}
	for id, r := range entries {
		if r.State != entryDone && r.Key != "" && pend[id] != r.Key {
			problems = append(problems, fmt.Errorf("journal entry %d is unfinished but not in the pending index", id))
		}
	}
	for id, key := range pend {
		if r, ok := entries[id]; !ok || r.State == entryDone {
			problems = append(problems, fmt.Errorf("pending index %s/%d names no unfinished update", key, id))
		}
	}
	return problems, nil
}

// Review implements the review page's query, as DB.Review does.
func (s *Etcd) Review(q ReviewQuery) (Review, error) {
	return review(q, func(asked func(dialog.Asked), vote func(dialog.Feedback)) error {
		err := s.scan(context.Background(), s.prefix+"asked/", func(_ string, v []byte) {
			if e, err := unmarshalAsked(v); err == nil {
				asked(e)
			}
		})
		if err != nil {
			return err
		}
		return s.scan(context.Background(), s.prefix+"feedback/", func(_ string, v []byte) {
			if e, err := unmarshalFeedback(v); err == nil {
				vote(e)
			}
		})
	})
}

// Stats summarizes the question log and feedback, as DB.Stats does.
func (s *Etcd) Stats(n int) (Stats, error) {
	return stats(n, func(asked func([]byte), vote func([]byte)) error {
		if err := s.scan(context.Background(), s.prefix+"asked/", func(_ string, v []byte) { asked(v) }); err != nil {
			return err
		}
		return s.scan(context.Background(), s.prefix+"feedback/", func(_ string, v []byte) { vote(v) })
	})
}

// Sweep removes expired states, old log entries and votes and old journal
// tombstones, as DB.Sweep does. Several replicas may sweep at once: a
// key deleted twice is no harm.
func (s *Etcd) Sweep(keep time.Duration) (Swept, error) {
	var out Swept
	ctx := context.Background()
	now := s.now()
	var err error
	out.States, err = s.sweepPrefix(ctx, "state/", func(_ string, v []byte) bool {
		st, err := unmarshalState(v)
		return err != nil || now.Sub(st.Updated) > s.ttl
	})
	if err != nil {
		return out, fmt.Errorf("sweep states: %w", err)
	}
	cutoff := now.Add(-keep).UnixNano()
	out.Questions, err = s.sweepPrefix(ctx, "asked/", func(k string, _ []byte) bool {
		parts := strings.Split(k, "/")
		t, err := strconv.ParseUint(parts[min(1, len(parts)-1)], 16, 64)
		return err == nil && int64(t) < cutoff
	})
	if err != nil {
		return out, fmt.Errorf("sweep question log: %w", err)
	}
	out.Votes, err = s.sweepPrefix(ctx, "feedback/", func(_ string, v []byte) bool {
		f, err := unmarshalFeedback(v)
		return err != nil || f.Time.UnixNano() < cutoff
	})
	if err != nil {
		return out, fmt.Errorf("sweep feedback: %w", err)
	}
	if out.Journal, err = s.PruneJournal(ctx); err != nil {
		return out, fmt.Errorf("sweep: %w", err)
	}
	return out, nil
}

// sweepPrefix deletes the keys under prefix for which expired holds, each
// only if unchanged since read, and returns how many it deleted.
func (s *Etcd) sweepPrefix(ctx context.Context, prefix string, expired func(k string, v []byte) bool) (int, error) {
	type old struct {
		key string
		rev int64
	}
	var olds []old
	err := s.scanRevisions(ctx, s.prefix+prefix, func(k string, v []byte, rev int64) {
		if expired(k, v) {
			olds = append(olds, old{s.prefix + prefix + k, rev})
		}
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range olds {
		ok, err := s.txn(ctx, []clientv3.Cmp{clientv3.Compare(clientv3.ModRevision(o.key), "=", o.rev)}, []clientv3.Op{clientv3.OpDelete(o.key)})
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// RunRetention sweeps at once and then every interval until ctx is done.
func (s *Etcd) RunRetention(ctx context.Context, every, keep time.Duration) {
	runRetention(ctx, s.logger, every, keep, s.Sweep)
}

// The operators' added examples (the review page's examples.txt) are
// shared through one key, so that every replica answers with them.
func (s *Etcd) examplesKey(name string) string { return s.prefix + "examples/" + name }

// SharedFile returns the shared copy of the operator file name (ok false
// when there is none).
func (s *Etcd) SharedFile(ctx context.Context, name string) (data []byte, ok bool, err error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Get(cctx, s.examplesKey(name))
	if err != nil {
		return nil, false, fmt.Errorf("read shared %s: %w", name, err)
	}
	if len(resp.Kvs) == 0 {
		return nil, false, nil
	}
	return resp.Kvs[0].Value, true, nil
}

// ShareFile makes data the shared copy of the operator file name.
func (s *Etcd) ShareFile(ctx context.Context, name string, data []byte) error {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	if _, err := s.cli.Put(cctx, s.examplesKey(name), string(data)); err != nil {
		return fmt.Errorf("share %s: %w", name, err)
	}
	return nil
}

// WatchFile calls fn with every new shared copy of the operator file name
// until ctx is done.
func (s *Etcd) WatchFile(ctx context.Context, name string, fn func(data []byte)) {
	for ctx.Err() == nil {
		for resp := range s.cli.Watch(clientv3.WithRequireLeader(ctx), s.examplesKey(name)) {
			for _, ev := range resp.Events {
				if ev.Type == clientv3.EventTypePut {
					fn(ev.Kv.Value)
				}
			}
		}
		if sleepCtx(ctx, time.Second) != nil {
			return
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
