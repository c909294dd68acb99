package telegramtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Request is one Bot API call the server received with the right token.
//
// Method is Telegram's canonical spelling for methods the fake knows
// ("sendMessage" even if the client sent "sendmessage"), otherwise the name
// as sent. Params holds every parameter as a string exactly as it travels in
// a form: scalars as text ("12345", "true") and JSON-typed fields such as
// reply_markup, commands or allowed_updates as their raw JSON text. JSON
// bodies are flattened the same way so assertions do not depend on how the
// client encoded the call. Uploaded file parts are not recorded.
// Time is when the request arrived.
type Request struct {
	Method string
	Params map[string]string
	Time   time.Time
}

// Requests returns every recorded call in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyRequests(s.requests, "")
}

// Calls returns the recorded calls of method (matched case-insensitively,
// as Telegram matches method names) in arrival order.
func (s *Server) Calls(method string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyRequests(s.requests, method)
}

// WaitCalls blocks until at least n calls of method have been recorded and
// returns all of them, so tests synchronise on the bot's behaviour instead
// of sleeping. On timeout (or Close) it returns the calls seen so far and an
// error saying how many were missing.
func (s *Server) WaitCalls(method string, n int, timeout time.Duration) ([]Request, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		if s.counts[strings.ToLower(method)] >= n {
			calls := copyRequests(s.requests, method)
			s.mu.Unlock()
			return calls, nil
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-timer.C:
			calls := s.Calls(method)
			return calls, fmt.Errorf("telegramtest: got %d of %d %s calls within %v", len(calls), n, method, timeout)
		case <-s.done:
			calls := s.Calls(method)
			return calls, fmt.Errorf("telegramtest: server closed with %d of %d %s calls", len(calls), n, method)
		}
	}
}

// record appends req and wakes waiters.
func (s *Server) record(req Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, req)
	s.counts[strings.ToLower(req.Method)]++
	s.broadcast()
}

// copyRequests filters by method (all when empty) and deep-copies Params so
// callers may modify what they get without racing the server.
func copyRequests(all []Request, method string) []Request {
	out := []Request{}
	for _, r := range all {
		if method != "" && !strings.EqualFold(r.Method, method) {
			continue
		}
		r.Params = maps.Clone(r.Params)
		out = append(out, r)
	}
	return out
}

// parseParams reads parameters the way the Bot API accepts them: URL query,
// then urlencoded, multipart or JSON body, later sources overriding earlier.
// The returned map is never nil, even alongside an error.
func parseParams(r *http.Request) (map[string]string, error) {
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return params, fmt.Errorf("can't read request body: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		// go-telegram/bot sends a multipart Content-Type with an empty body
		// for parameterless methods such as getMe; that is not an error.
		return params, nil
	}
	mediaType, mtParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		return params, parseMultipart(body, mtParams["boundary"], params)
	case "application/json":
		return params, parseJSON(body, params)
	case "application/x-www-form-urlencoded", "":
		values, err := url.ParseQuery(string(body))
		if err != nil {
			return params, fmt.Errorf("can't parse urlencoded body: %v", err)
		}
		for k, v := range values {
			params[k] = v[0]
		}
		return params, nil
	default:
		return params, fmt.Errorf("unsupported Content-Type %q", mediaType)
	}
}

func parseMultipart(body []byte, boundary string, params map[string]string) error {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("can't parse multipart body: %v", err)
		}
		value, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("can't read multipart field %q: %v", part.FormName(), err)
		}
		if part.FileName() == "" {
			params[part.FormName()] = string(value)
		}
	}
}

// parseJSON flattens a JSON object body into form-style strings: strings
// unquoted, everything else (numbers, booleans, objects, arrays) as raw JSON
// text, nulls dropped, exactly like the same call sent as a form.
func parseJSON(body []byte, params map[string]string) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return fmt.Errorf("can't parse JSON body: %v", err)
	}
	for k, raw := range fields {
		var str string
		switch {
		case string(raw) == "null":
		case json.Unmarshal(raw, &str) == nil:
			params[k] = str
		default:
			params[k] = string(raw)
		}
	}
	return nil
}
