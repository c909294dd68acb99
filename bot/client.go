package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// transport is the HTTP client handed to go-telegram/bot. It adds three
// things the library lacks, without touching requests or responses:
//
//   - it records each call's HTTP status in the call's context (callInfo),
//     because the library reports a 502 as a plain formatted error and the
//     retry logic must tell it from a 400;
//   - it honours retry_after for getUpdates: the library's polling loop
//     backs off 100ms→5s and ignores retry_after, so after a 429 the next
//     poll is held here until Telegram allows it;
//   - it tracks consecutive getUpdates failures for /healthz.
type transport struct {
	inner *http.Client
	now   func() time.Time
	red   redactor

	mu           sync.Mutex
	pollUntil    time.Time // no getUpdates before this (429 retry_after)
	pollFailures int       // consecutive failed getUpdates calls
	pollOK       time.Time // last successful getUpdates
}

// newHTTPTransport is the default client's transport: HTTP/1.1 keep-alive
// with an idle pool as large as the requests that may be in flight at once
// (a request per running turn, the long poll, and the confirmation of the
// last batch at shutdown), instead of net/http's 2 per host, with which
// most sends of a busy bot opened a new TCP and TLS connection.
//
// The same number caps the connections. Without the cap, a request that
// finds no idle connection dials a new one even though another request is
// about to return its connection to the pool, and uses whichever comes
// first; the one it did not use then overflows the pool and is closed. On
// a loaded machine, where those races go either way, a burst of answers
// opened half again as many connections as it could ever use at once.
func newHTTPTransport(workers int) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = workers + 2
	t.MaxIdleConnsPerHost = workers + 2
	t.MaxConnsPerHost = workers + 2
	t.IdleConnTimeout = 90 * time.Second
	return t
}

// transportError is a request that got no HTTP response (connection
// refused or dropped, attempt timed out). It unwraps to the cause, so
// context errors stay recognisable, but not to the *url.Error.
type transportError struct {
	msg   string
	cause error
}

func (e *transportError) Error() string { return e.msg }
func (e *transportError) Unwrap() error { return e.cause }

// callInfo is filled by transport for the request made with its context.
type callInfo struct {
	status atomic.Int32
}

type callInfoKey struct{}

func withCallInfo(ctx context.Context, info *callInfo) context.Context {
	return context.WithValue(ctx, callInfoKey{}, info)
}

// Do implements go-telegram/bot's HttpClient.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	poll := strings.EqualFold(path.Base(req.URL.Path), "getUpdates")
	if poll {
		if err := t.holdPoll(req.Context()); err != nil {
			return nil, err
		}
	}
	resp, err := t.inner.Do(req)
	var ue *url.Error
	if err != nil && errors.As(err, &ue) {
		// go-telegram/bot masks the token by rewriting url.Error.URL in
		// place, while the goroutine writing the request body may be
		// formatting the same error: a data race. Hand it a transportError
		// instead, already scrubbed, which it leaves alone.
		err = &transportError{msg: t.red.String(ue.Error()), cause: ue.Err}
	}
	if info, ok := req.Context().Value(callInfoKey{}).(*callInfo); ok && resp != nil {
		info.status.Store(int32(resp.StatusCode))
	}
	if poll {
		resp = t.observePoll(req.Context(), resp, err)
	}
	return resp, err
}

// holdPoll waits out a retry_after from an earlier getUpdates 429.
func (t *transport) holdPoll(ctx context.Context) error {
	t.mu.Lock()
	wait := t.pollUntil.Sub(t.now())
	t.mu.Unlock()
	return sleep(ctx, wait)
}

// observePoll updates the polling health and, on a 429, remembers
// retry_after. The body it reads is put back unchanged.
func (t *transport) observePoll(ctx context.Context, resp *http.Response, err error) *http.Response {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case err != nil:
		if ctx.Err() == nil { // a cancelled poll is shutdown, not a failure
			t.pollFailures++
		}
	case resp.StatusCode == http.StatusOK:
		t.pollFailures = 0
		t.pollOK = t.now()
	default:
		t.pollFailures++
		if resp.StatusCode == http.StatusTooManyRequests {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
			resp.Body.Close()
			resp.Body = io.NopCloser(bytes.NewReader(body))
			var r struct {
				Parameters struct {
					RetryAfter int `json:"retry_after"`
				} `json:"parameters"`
			}
			if json.Unmarshal(body, &r) == nil && r.Parameters.RetryAfter > 0 {
				t.pollUntil = t.now().Add(time.Duration(r.Parameters.RetryAfter) * time.Second)
			}
		}
	}
	return resp
}

// pollHealth returns the consecutive getUpdates failures and the time of
// the last success.
func (t *transport) pollHealth() (failures int, lastOK time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pollFailures, t.pollOK
}

// confirmOffset tells Telegram that every update before offset has been
// handled, with a getUpdates call that does not wait (timeout 0, limit 1).
//
// go-telegram/bot confirms a batch only by asking for the next one, so
// when polling stops the last batch is still unconfirmed and Telegram
// would hand it out again on the next start: every answer in it would be
// sent twice. The library has no public getUpdates, hence this one call
// made directly. Updates that were received but never dispatched (offset
// is one past the last dispatched) stay queued at Telegram and are
// answered after the restart instead of being lost.
func (t *transport) confirmOffset(ctx context.Context, serverURL, token string, offset int64) error {
	form := url.Values{"offset": {strconv.FormatInt(offset, 10)}, "limit": {"1"}, "timeout": {"0"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, serverURL+"/bot"+token+"/getUpdates",
		strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := t.inner.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		OK          bool   `json:"ok"`
		Description string `json:"description"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&r); err != nil {
		return err
	}
	if !r.OK {
		return errors.New(r.Description)
	}
	return nil
}
