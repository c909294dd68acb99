package telegramtest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Fault describes how the server fails one call instead of serving it.
//
// A Fault with Drop set closes the connection without any response, which a
// client sees as a transport error (EOF). Otherwise the server replies with
// HTTP status Code and the body
// {"ok":false,"error_code":Code,"description":Description} plus a
// "parameters" object when RetryAfter or MigrateToChatID is non-zero. An
// empty Description defaults to the HTTP status text.
type Fault struct {
	Code            int
	Description     string
	RetryAfter      int   // seconds, sent as parameters.retry_after
	MigrateToChatID int64 // sent as parameters.migrate_to_chat_id
	Drop            bool
}

// TooManyRequests is Telegram's flood-control reply, byte for byte:
// {"ok":false,"error_code":429,"description":"Too Many Requests: retry after N","parameters":{"retry_after":N}}.
func TooManyRequests(retryAfter int) Fault {
	return Fault{
		Code:        http.StatusTooManyRequests,
		Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		RetryAfter:  retryAfter,
	}
}

// ServerError is a 5xx with a JSON ok:false body, e.g. ServerError(502)
// gives {"ok":false,"error_code":502,"description":"Bad Gateway"}.
func ServerError(code int) Fault {
	return Fault{Code: code, Description: http.StatusText(code)}
}

// DropConnection closes the connection before any response byte is sent,
// like a proxy or network failure mid-request.
func DropConnection() Fault {
	return Fault{Drop: true}
}

// FailNext makes the next n calls of method (case-insensitive) fail with f
// instead of being served. Faults queue: calling FailNext again appends
// after the ones still pending. Failed calls are still recorded, so a test
// can compare the Time of a failed attempt and of its retry.
func (s *Server) FailNext(method string, n int, f Fault) {
	key := strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[key] = append(s.faults[key], f)
	}
}

// StartOutage makes every call, of any method, fail with f until
// EndOutage, as if the Bot API were down or out of reach. Faults queued
// with FailNext wait until the outage ends. Failed calls are recorded.
func (s *Server) StartOutage(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outage = &f
}

// EndOutage ends an outage begun with StartOutage: calls are served again.
func (s *Server) EndOutage() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outage = nil
}

// takeFault returns the outage's fault, or pops the next pending fault for
// method, if any.
func (s *Server) takeFault(method string) (Fault, bool) {
	key := strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outage != nil {
		return *s.outage, true
	}
	queue := s.faults[key]
	if len(queue) == 0 {
		return Fault{}, false
	}
	s.faults[key] = queue[1:]
	return queue[0], true
}

func serveFault(w http.ResponseWriter, f Fault) {
	if f.Drop {
		// net/http closes the connection without writing a response when a
		// handler panics with ErrAbortHandler, and does not log it.
		panic(http.ErrAbortHandler)
	}
	rep := fail(f.Code, f.Description)
	if rep.Description == "" {
		rep.Description = http.StatusText(f.Code)
	}
	if f.RetryAfter != 0 || f.MigrateToChatID != 0 {
		rep.Parameters = &responseParameters{RetryAfter: f.RetryAfter, MigrateToChatID: f.MigrateToChatID}
	}
	writeReply(w, rep)
}

// Pause holds every later call of the given methods (case-insensitive)
// before it is recorded or served, until Resume. Held calls never reach
// "Telegram": when the client gives up, or at Resume, the connection is
// closed without a response and nothing is recorded, like a request lost
// on the way. Tests use it to stop a bot's output at a known point, e.g.
// before killing the process.
func (s *Server) Pause(methods ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range methods {
		s.paused[strings.ToLower(m)] = true
	}
}

// Resume drops the held calls (see Pause) and ends every Pause: later
// calls are served.
func (s *Server) Resume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.paused)
	close(s.resumed)
	s.resumed = make(chan struct{})
}

// waitUnpaused reports whether a call of method may be served: true at
// once unless method is paused; a held call is dropped (false) at Resume,
// when its client goes away, or when the server closes.
func (s *Server) waitUnpaused(ctx context.Context, method string) bool {
	s.mu.Lock()
	held, resumed := s.paused[strings.ToLower(method)], s.resumed
	s.mu.Unlock()
	if !held {
		return true
	}
	s.held.Add(1)
	defer s.held.Add(-1)
	select {
	case <-resumed:
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}

// Held returns the number of calls currently held by Pause.
func (s *Server) Held() int { return int(s.held.Load()) }
