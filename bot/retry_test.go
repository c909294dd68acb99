package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
)

func TestBackoff(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}.withDefaults()
	for n, nominal := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 5: time.Second, 30: time.Second} {
		for range 50 {
			if d := p.backoff(n); d < nominal/2 || d > nominal {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", n, d, nominal/2, nominal)
			}
		}
	}
}

func TestClassifyError(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	flood := fmt.Errorf("wrapped: %w", &tgbot.TooManyRequestsError{Message: "too many requests", RetryAfter: 7})
	netErr := &url.Error{Op: "Post", URL: "x", Err: errors.New("connection reset")}
	cases := []struct {
		ctx    context.Context
		err    error
		status int
		reason string
		retry  bool
		wait   time.Duration
	}{
		{ctx, flood, 429, reasonFlood, true, 7 * time.Second},
		{ctx, &tgbot.TooManyRequestsError{}, 429, reasonFlood, true, time.Second},
		{ctx, errors.New("error response from telegram for method sendMessage, 502 Bad Gateway"), 502, reasonServer, true, 0},
		{ctx, errors.New("error decode response body"), 503, reasonServer, true, 0},
		{ctx, fmt.Errorf("%w, Bad Request: chat not found", tgbot.ErrorBadRequest), 400, reasonClient, false, 0},
		{ctx, fmt.Errorf("%w, Forbidden", tgbot.ErrorForbidden), 403, reasonClient, false, 0},
		{ctx, fmt.Errorf("error do request: %w", netErr), 0, reasonNetwork, true, 0},
		{ctx, context.DeadlineExceeded, 0, reasonNetwork, true, 0},
		{ctx, fmt.Errorf("error do request: %w", &transportError{msg: "EOF", cause: io.EOF}), 0, reasonNetwork, true, 0},
		{ctx, errors.New("error build request form"), 0, reasonOther, false, 0},
		{cancelled, netErr, 0, reasonCanceled, false, 0},
	}
	for i, c := range cases {
		reason, retry, wait := classifyError(c.ctx, c.err, c.status)
		if reason != c.reason || retry != c.retry || wait != c.wait {
			t.Errorf("case %d (%v): %s %v %v; want %s %v %v", i, c.err, reason, retry, wait, c.reason, c.retry, c.wait)
		}
	}
}
