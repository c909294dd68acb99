package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"
)

// RetryPolicy says how a failed Bot API call is retried. go-telegram/bot
// retries nothing, so every outgoing call goes through Bot.call:
//
//   - 429 Too Many Requests: wait parameters.retry_after (at least 1s),
//     then try again; a retry_after longer than MaxRetryAfter is not waited
//     for here (the call fails and its message waits, see below).
//   - 5xx, dropped connections, timeouts of one attempt: exponential backoff
//     from BaseDelay, doubling up to MaxDelay, with jitter so that many
//     chats failing together do not retry in lockstep.
//   - any other 4xx (blocked by the user, chat not found, bad request) is
//     permanent and not retried.
//
// At most MaxAttempts attempts are made in all. A call that finally fails
// is logged with its chat id and method and counted in
// policybot_telegram_send_errors_total. Retrying a request whose
// connection dropped may deliver a message twice; for a help bot a rare
// duplicate beats a lost answer.
//
// A message whose call failed for a reason that passes (429, 5xx, no
// connection, and 401/404, which mean the token or the API address is
// wrong until the operator fixes it) is not given up on: its turn waits,
// from MaxDelay doubling up to MaxRedeliverDelay, and tries again, across
// restarts (the journal keeps the update unfinished), until GiveUpAfter
// has passed since the update arrived. Then the answer is recorded as
// expired (logged, policybot_answers_expired_total). The chat's later
// updates wait behind it, so its answers keep their order.
type RetryPolicy struct {
	MaxAttempts       int           // attempts in all, including the first (default 5)
	BaseDelay         time.Duration // first backoff (default 500ms)
	MaxDelay          time.Duration // backoff cap (default 15s)
	MaxRetryAfter     time.Duration // longest 429 retry_after honoured within a call (default 60s)
	RequestTimeout    time.Duration // deadline of one attempt (default 20s)
	MaxRedeliverDelay time.Duration // longest wait between two tries of a message (default 1m)
	GiveUpAfter       time.Duration // how long after its update an answer is still tried (default 24h)
}

// DefaultRetryPolicy returns the defaults described on RetryPolicy.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:       5,
		BaseDelay:         500 * time.Millisecond,
		MaxDelay:          15 * time.Second,
		MaxRetryAfter:     60 * time.Second,
		RequestTimeout:    20 * time.Second,
		MaxRedeliverDelay: time.Minute,
		GiveUpAfter:       24 * time.Hour,
	}
}

// withDefaults fills zero fields from DefaultRetryPolicy.
func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = d.BaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = d.MaxDelay
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	if p.RequestTimeout <= 0 {
		p.RequestTimeout = d.RequestTimeout
	}
	if p.MaxRedeliverDelay <= 0 {
		p.MaxRedeliverDelay = d.MaxRedeliverDelay
	}
	if p.GiveUpAfter <= 0 {
		p.GiveUpAfter = d.GiveUpAfter
	}
	return p
}

// backoff is the wait before retry number n (1 for the first retry):
// BaseDelay·2^(n-1) capped at MaxDelay, of which the upper half is random
// ("equal jitter": never less than half the nominal wait, never in step).
func (p RetryPolicy) backoff(n int) time.Duration {
	return jitter(p.BaseDelay, p.MaxDelay, n)
}

// redeliverDelay is the wait before trying a message again for the n-th
// time (1 for the first) after its call failed for good with a passing
// failure: MaxDelay·2^(n-1) capped at MaxRedeliverDelay, jittered as
// backoff, and never shorter than the retry_after Telegram asked for.
func (p RetryPolicy) redeliverDelay(n int, retryAfter time.Duration) time.Duration {
	return max(jitter(p.MaxDelay, max(p.MaxRedeliverDelay, p.MaxDelay), n), retryAfter)
}

// jitter is base·2^(n-1) capped at ceiling, its upper half random.
func jitter(base, ceiling time.Duration, n int) time.Duration {
	d := base
	for i := 1; i < n && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	half := d / 2
	return half + rand.N(half+1)
}

// Failure classes, used as metric labels too.
const (
	reasonFlood        = "flood"        // 429
	reasonServer       = "server"       // 5xx
	reasonNetwork      = "network"      // no response: connection dropped, refused, attempt timed out
	reasonUnauthorized = "unauthorized" // 401 or 404: the token (or API address) is wrong until the operator fixes it
	reasonClient       = "client"       // other 4xx: permanent
	reasonCanceled     = "canceled"     // the turn's context ended
	reasonOther        = "other"        // anything else (undecodable response …): permanent
)

// passing reports whether a call that failed for reason may succeed later
// (see RetryPolicy): its message is then tried again, not given up on.
func passing(reason string) bool {
	switch reason {
	case reasonFlood, reasonServer, reasonNetwork, reasonUnauthorized:
		return true
	}
	return false
}

// classifyError decides whether err is worth retrying. status is the HTTP
// status the transport saw for the attempt (0 if none): go-telegram/bot
// turns a 5xx into a plain formatted error, so the status is the only
// reliable way to tell a 502 from a 400. wait is the 429's retry_after.
func classifyError(ctx context.Context, err error, status int) (reason string, retry bool, wait time.Duration) {
	var flood *tgbot.TooManyRequestsError
	var urlErr *url.Error
	var netErr net.Error
	var trErr *transportError
	switch {
	case ctx.Err() != nil:
		return reasonCanceled, false, 0
	case errors.As(err, &flood):
		return reasonFlood, true, time.Duration(max(flood.RetryAfter, 1)) * time.Second
	case status == 429:
		return reasonFlood, true, time.Second
	case status >= 500:
		return reasonServer, true, 0
	case status == 401 || status == 404:
		// Not the message's fault, and not worth retrying within the call.
		return reasonUnauthorized, false, 0
	case status >= 400:
		return reasonClient, false, 0
	case status == 0 && (errors.As(err, &trErr) || errors.As(err, &urlErr) || errors.As(err, &netErr) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF)):
		return reasonNetwork, true, 0
	default:
		return reasonOther, false, 0
	}
}

// callSpec describes one outgoing call for rate limiting, logs and metrics.
type callSpec struct {
	method  string
	chatID  int64
	limited bool // a message: wait for the rate limiter before each attempt
	group   bool // the chat is a group or supergroup (group rate limit)
}

// callError is the final failure of a call after retries. Its message is
// already redacted.
type callError struct {
	spec       callSpec
	reason     string
	attempts   int
	retryAfter time.Duration // a 429's retry_after
	err        error
}

func (e *callError) Error() string {
	to := ""
	if e.spec.chatID != 0 {
		to = fmt.Sprintf(" to chat %d", e.spec.chatID)
	}
	return fmt.Sprintf("telegram %s%s failed (%s, %d attempt(s)): %v", e.spec.method, to, e.reason, e.attempts, e.err)
}

func (e *callError) Unwrap() error { return e.err }

// call runs fn, one Bot API request, with rate limiting and the retry
// policy. A final failure is logged (chat id, method, reason, attempts and
// the redacted error; never the message text) and counted before it is
// returned as a *callError.
func (b *Bot) call(ctx context.Context, spec callSpec, fn func(ctx context.Context) error) error {
	p := b.cfg.retry
	var (
		err    error
		reason string
		n      int
		wait   time.Duration
	)
	for n = 1; ; n++ {
		if spec.limited {
			scope, waited, werr := b.limiter.wait(ctx, spec.chatID, spec.group)
			if waited > 0 {
				b.metrics.rateWaits.WithLabelValues(scope).Inc()
				b.metrics.rateWaitSeconds.WithLabelValues(scope).Add(waited.Seconds())
			}
			if werr != nil {
				err, reason = werr, reasonCanceled
				break
			}
		}
		info := &callInfo{}
		actx, cancel := context.WithTimeout(withCallInfo(ctx, info), p.RequestTimeout)
		err = fn(actx)
		cancel()
		if err == nil {
			b.metrics.sent.WithLabelValues(spec.method).Inc()
			return nil
		}
		var retry bool
		reason, retry, wait = classifyError(ctx, err, int(info.status.Load()))
		if !retry || n >= p.MaxAttempts {
			break
		}
		if reason == reasonFlood && wait > p.MaxRetryAfter {
			break
		}
		if reason != reasonFlood {
			wait = p.backoff(n)
		}
		b.metrics.retries.WithLabelValues(spec.method, reason).Inc()
		b.log.Debug("retrying telegram call", "method", spec.method, "chat_id", spec.chatID,
			"attempt", n, "reason", reason, "wait", wait, "error", b.red.Error(err))
		if serr := b.sleepUnlessStopping(ctx, wait); serr != nil {
			// Shutting down: the turn stops here, its update left in the
			// journal, rather than keep the shutdown waiting.
			err, reason = serr, reasonCanceled
			break
		}
	}
	b.metrics.sendErrors.WithLabelValues(spec.method, reason).Inc()
	cerr := &callError{spec: spec, reason: reason, attempts: n, err: b.red.Error(err)}
	if reason == reasonFlood {
		cerr.retryAfter = wait
	}
	level := slog.LevelWarn
	if reason == reasonCanceled {
		level = slog.LevelInfo // shutting down; counted all the same
	}
	b.log.Log(ctx, level, "telegram call failed", "method", spec.method, "chat_id", spec.chatID,
		"reason", reason, "attempts", n, "error", cerr.err)
	return cerr
}

// sleepUnlessStopping waits d, or returns ctx's error when it ends first,
// or errStopping when the bot begins to shut down first.
func (b *Bot) sleepUnlessStopping(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-b.stopping.Done():
		return errStopping
	case <-ctx.Done():
		return ctx.Err()
	}
}
