package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/client/v3/concurrency"

	"policybot/dialog"
)

// Claims and leadership. A replica's claims and its leadership hang on one
// lease (a concurrency.Session) that the client keeps alive; if the
// replica dies or is cut off from the cluster for longer than the lease,
// they vanish and another replica takes over. Every write of a turn
// compares them (fences), so a replica that lost them cannot write, and a
// turn it runs fails with dialog.ErrNotOwner.

// session returns the replica's lease, making a new one when the last
// expired (its claims went with it).
func (s *Etcd) session() (*concurrency.Session, error) {
	s.sessMu.Lock()
	defer s.sessMu.Unlock()
	if s.sess != nil {
		select {
		case <-s.sess.Done():
			s.logger.Warn("the replica's etcd lease expired; its chats may be handled by another replica now")
			s.sess = nil
		default:
			return s.sess, nil
		}
	}
	ctx, cancel := s.ctx(nil)
	defer cancel()
	sess, err := concurrency.NewSession(s.cli, concurrency.WithTTL(s.lease), concurrency.WithContext(context.WithoutCancel(ctx)))
	if err != nil {
		return nil, fmt.Errorf("etcd lease: %w", err)
	}
	s.sess = sess
	return sess, nil
}

// fences are the compares of a write for key's turn: this replica holds
// the key's claim (with claims) and the leadership (when campaigning).
func (s *Etcd) fences(key string) []clientv3.Cmp {
	var cmps []clientv3.Cmp
	if s.claims {
		cmps = append(cmps, clientv3.Compare(clientv3.Value(s.claimKey(key)), "=", s.id))
	}
	if f := s.fence.Load(); f != nil {
		cmps = append(cmps, *f)
	}
	return cmps
}

// checkFence returns an error wrapping dialog.ErrNotOwner when a fence of
// key no longer holds.
func (s *Etcd) checkFence(ctx context.Context, key string) error {
	cmps := s.fences(key)
	if len(cmps) == 0 {
		return nil
	}
	ok, err := s.txn(ctx, cmps, nil)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w (key %s)", dialog.ErrNotOwner, key)
	}
	return nil
}

// Claim makes this replica the one that handles key's events, unless
// another replica holds it (ok false). Holding it already is ok.
func (s *Etcd) Claim(ctx context.Context, key string) (ok bool, err error) {
	sess, err := s.session()
	if err != nil {
		return false, err
	}
	k := s.claimKey(key)
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Txn(cctx).If(clientv3.Compare(clientv3.CreateRevision(k), "=", 0)).
		Then(clientv3.OpPut(k, s.id, clientv3.WithLease(sess.Lease()))).
		Else(clientv3.OpGet(k)).Commit()
	if err != nil {
		return false, fmt.Errorf("claim %s: %w", key, err)
	}
	if resp.Succeeded {
		return true, nil
	}
	kvs := resp.Responses[0].GetResponseRange().Kvs
	return len(kvs) > 0 && string(kvs[0].Value) == s.id, nil
}

// Release gives key's claim up if no unfinished update of key remains;
// otherwise it keeps the claim and returns those updates' ids (the caller
// handles the ones it does not have yet, then tries again).
func (s *Etcd) Release(ctx context.Context, key string) (left []int64, err error) {
	k := s.claimKey(key)
	pend := s.prefix + "pend/" + key + "/"
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	resp, err := s.cli.Txn(cctx).If(
		clientv3.Compare(clientv3.Value(k), "=", s.id),
		clientv3.Compare(clientv3.CreateRevision(pend).WithPrefix(), "=", 0),
	).Then(clientv3.OpDelete(k)).Else(clientv3.OpGet(pend, clientv3.WithPrefix(), clientv3.WithKeysOnly()), clientv3.OpGet(k)).Commit()
	if err != nil {
		return nil, fmt.Errorf("release %s: %w", key, err)
	}
	if resp.Succeeded {
		return nil, nil
	}
	if kvs := resp.Responses[1].GetResponseRange().Kvs; len(kvs) == 0 || string(kvs[0].Value) != s.id {
		return nil, nil // not ours (any more): nothing to release
	}
	for _, kv := range resp.Responses[0].GetResponseRange().Kvs {
		if id, err := strconv.ParseUint(strings.TrimPrefix(string(kv.Key), pend), 16, 64); err == nil {
			left = append(left, int64(id))
		}
	}
	return left, nil
}

// PendingOf returns key's unfinished updates in id order.
func (s *Etcd) PendingOf(ctx context.Context, key string) ([]dialog.Pending, error) {
	var evs []dialog.Inbound
	pend := s.prefix + "pend/" + key + "/"
	err := s.scan(ctx, pend, func(k string, _ []byte) {
		if id, err := strconv.ParseUint(k, 16, 64); err == nil {
			evs = append(evs, dialog.Inbound{ID: int64(id)})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("pending of %s: %w", key, err)
	}
	recs, _, err := s.entries(ctx, evs)
	if err != nil {
		return nil, fmt.Errorf("pending of %s: %w", key, err)
	}
	var out []dialog.Pending
	for _, ev := range evs {
		if r := recs[ev.ID]; r != nil && r.State != entryDone {
			out = append(out, pendingOf(ev.ID, *r))
		}
	}
	return out, nil
}

// Orphans returns the keys that have unfinished updates and no claim: a
// replica received them while another held the key and that one let go,
// or the holder died and its lease expired.
func (s *Etcd) Orphans(ctx context.Context) ([]string, error) {
	pending := map[string]bool{}
	if err := s.scan(ctx, s.prefix+"pend/", func(k string, _ []byte) {
		if i := strings.LastIndexByte(k, '/'); i > 0 {
			pending[k[:i]] = true
		}
	}); err != nil {
		return nil, fmt.Errorf("orphans: %w", err)
	}
	if len(pending) == 0 {
		return nil, nil
	}
	if err := s.scan(ctx, s.prefix+"claim/", func(k string, _ []byte) { delete(pending, k) }); err != nil {
		return nil, fmt.Errorf("orphans: %w", err)
	}
	out := make([]string, 0, len(pending))
	for k := range pending {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}

// Campaign blocks until this replica is the leader (polling with a
// standby) or ctx is done, and fences every later write on the
// leadership. The returned context is cancelled when the leadership is
// lost (the lease expired); the replica must then stop polling.
func (s *Etcd) Campaign(ctx context.Context) (context.Context, error) {
	sess, err := s.session()
	if err != nil {
		return nil, err
	}
	el := concurrency.NewElection(sess, s.prefix+"leader/")
	if err := el.Campaign(ctx, s.id); err != nil {
		return nil, fmt.Errorf("campaign: %w", err)
	}
	cmp := clientv3.Compare(clientv3.CreateRevision(el.Key()), "=", el.Rev())
	s.fence.Store(&cmp)
	lctx, cancel := context.WithCancel(ctx)
	go func() {
		defer cancel()
		select {
		case <-sess.Done():
			if !s.closed.Load() {
				s.logger.Error("lost the polling leadership (etcd lease expired); stopping")
			}
		case <-lctx.Done():
		}
	}()
	return lctx, nil
}
