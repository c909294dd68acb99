package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// queuedUpdate is an update waiting to be fetched with getUpdates. kind is
// its payload field ("message", "callback_query", ...), used to honour
// allowed_updates.
type queuedUpdate struct {
	id   int64
	kind string
	raw  json.RawMessage
}

// poller is the getUpdates call currently blocked in a long poll. Telegram
// allows one at a time: a newer getUpdates or a setWebhook terminates it
// with 409 Conflict, which is how two running bot instances show up.
type poller struct {
	kick   chan struct{}
	reason string
}

// webhookState is what setWebhook stored; url == "" means no webhook.
type webhookState struct {
	url            string
	secret         string
	ipAddress      string
	maxConnections int
	allowed        []string
}

// Telegram's descriptions for the 409 conflicts around getUpdates.
const (
	conflictOtherPoll = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	conflictWebhook   = "Conflict: terminated by setWebhook request"
	conflictActive    = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)

// PushUpdate queues an update for getUpdates and returns the update_id it
// was given. u may be raw JSON (json.RawMessage, []byte or string), an
// Update, or any value that marshals to an update object, such as a client
// library's own Update type. Any update_id in u is replaced by the next id
// in sequence. The update must carry exactly one payload field; PushUpdate
// panics otherwise, since that is a bug in the test itself.
//
// Pushing also teaches the server about the chats, messages and query ids
// inside, so the bot can later reply, edit and answer them. Updates stay
// queued while a webhook is set (pending_update_count counts them); the
// fake never delivers to a webhook by itself, use PostWebhook for that.
func (s *Server) PushUpdate(u any) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.prepare(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: PushUpdate: %v", err))
	}
	s.updates = append(s.updates, q)
	s.broadcast()
	return q.id
}

// PostWebhook delivers update to a webhook endpoint the way Telegram does:
// a POST with a JSON body and, when secret is not empty, the
// X-Telegram-Bot-Api-Secret-Token header. The update gets the next
// update_id (see PushUpdate) but is not queued for getUpdates. The caller
// must close the response body.
func (s *Server) PostWebhook(url, secret string, update any) (*http.Response, error) {
	s.mu.Lock()
	q, err := s.prepare(update)
	s.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("telegramtest: PostWebhook: %w", err)
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(q.raw))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	return webhookClient.Do(req)
}

// WebhookUpdate gives u the next update_id and registers what it carries
// (as PushUpdate does) without queuing it for getUpdates, and returns the
// id and the update's JSON body. A test delivering updates to a webhook
// itself posts that body, again after a failure, as Telegram retries an
// update until the webhook answers 200.
func (s *Server) WebhookUpdate(u any) (int64, []byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.prepare(u)
	if err != nil {
		return 0, nil, fmt.Errorf("telegramtest: WebhookUpdate: %w", err)
	}
	return q.id, q.raw, nil
}

// webhookClient bounds PostWebhook so a wedged handler fails the test
// instead of hanging it. Telegram itself gives up on a webhook after ~60s.
var webhookClient = &http.Client{Timeout: 30 * time.Second}

// prepare assigns the next update_id to u, registers what it contains and
// returns it in canonical wire form with update_id first. Callers hold s.mu.
func (s *Server) prepare(u any) (queuedUpdate, error) {
	var data []byte
	switch v := u.(type) {
	case json.RawMessage:
		data = v
	case []byte:
		data = v
	case string:
		data = []byte(v)
	default:
		var err error
		if data, err = json.Marshal(u); err != nil {
			return queuedUpdate{}, err
		}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return queuedUpdate{}, fmt.Errorf("update is not a JSON object: %v", err)
	}
	delete(fields, "update_id")
	for k, v := range fields {
		if string(v) == "null" {
			delete(fields, k)
		}
	}
	if len(fields) != 1 {
		return queuedUpdate{}, fmt.Errorf("update must have exactly one payload field, has %d", len(fields))
	}
	var kind string
	var payload json.RawMessage
	for k, v := range fields {
		kind, payload = k, v
	}
	s.lastUpdateID++
	q := queuedUpdate{id: s.lastUpdateID, kind: kind}
	key, _ := json.Marshal(kind)
	q.raw = json.RawMessage(`{"update_id":` + strconv.FormatInt(q.id, 10) + `,` + string(key) + `:` + string(payload) + `}`)
	s.register(q.raw)
	return q, nil
}

// register remembers chats, messages and query ids carried by an update so
// later replies, edits and answers are checked like Telegram checks them.
// Callers hold s.mu.
func (s *Server) register(raw json.RawMessage) {
	var u Update
	if json.Unmarshal(raw, &u) != nil {
		return // an update type the fake does not model; nothing to learn
	}
	for _, m := range []*Message{u.Message, u.EditedMessage, u.ChannelPost, u.EditedChannelPost} {
		s.rememberMessage(m, true)
	}
	if cq := u.CallbackQuery; cq != nil {
		s.rememberMessage(cq.Message, false)
		if cq.ID != "" {
			s.queries[cq.ID] = true
		}
	}
	if iq := u.InlineQuery; iq != nil && iq.ID != "" {
		s.queries[iq.ID] = true
	}
}

// getUpdates implements long polling. Offset semantics follow the Bot API:
// a positive offset confirms (forgets) every update with a lower id, a
// negative one keeps only the last -offset updates. With timeout > 0 the
// call waits until a matching update is queued, the timeout elapses, the
// client goes away, or a newer poll or setWebhook terminates it.
func (s *Server) getUpdates(ctx context.Context, p params) reply {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	limit, _ := strconv.Atoi(p["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(p["timeout"])
	deadline := time.NewTimer(time.Duration(max(timeout, 0)) * time.Second)
	defer deadline.Stop()

	s.mu.Lock()
	if s.webhook.url != "" {
		s.mu.Unlock()
		return fail(http.StatusConflict, conflictActive)
	}
	if raw, has := p["allowed_updates"]; has {
		var allowed []string
		if json.Unmarshal([]byte(raw), &allowed) != nil {
			s.mu.Unlock()
			return badRequest("can't parse allowed updates JSON object")
		}
		s.allowed = allowed
	}
	if s.poll != nil {
		s.poll.reason = conflictOtherPoll
		close(s.poll.kick)
	}
	me := &poller{kick: make(chan struct{})}
	s.poll = me
	s.confirm(offset)
	defer func() {
		if s.poll == me {
			s.poll = nil
		}
		s.mu.Unlock()
	}()

	for {
		batch := s.pending(limit)
		if len(batch) > 0 || timeout <= 0 {
			return ok(batch)
		}
		changed := s.changed
		s.mu.Unlock()
		finished := false
		select {
		case <-changed: // something was queued (or recorded); look again
		case <-deadline.C:
			finished = true
		case <-ctx.Done(): // the client gave up; the reply goes nowhere
			finished = true
		case <-s.done:
			finished = true
		case <-me.kick:
		}
		s.mu.Lock()
		select {
		case <-me.kick:
			return fail(http.StatusConflict, me.reason)
		default:
		}
		if finished {
			return ok(s.pending(limit))
		}
	}
}

// confirm applies a getUpdates offset to the queue. Callers hold s.mu.
func (s *Server) confirm(offset int64) {
	switch {
	case offset > 0:
		s.updates = slices.DeleteFunc(s.updates, func(q queuedUpdate) bool { return q.id < offset })
	case offset < 0:
		if keep := int(-offset); keep < len(s.updates) {
			s.updates = slices.Delete(s.updates, 0, len(s.updates)-keep)
		}
	}
}

// pending returns up to limit queued updates allowed by allowed_updates,
// as a non-nil slice so an empty result marshals as [] like Telegram's.
// Callers hold s.mu.
func (s *Server) pending(limit int) []json.RawMessage {
	out := []json.RawMessage{}
	for _, q := range s.updates {
		if len(out) == limit {
			break
		}
		if len(s.allowed) > 0 && !slices.Contains(s.allowed, q.kind) {
			continue
		}
		out = append(out, q.raw)
	}
	return out
}
