package telegramtest

import (
	"errors"
	"net/http"
	"net/http/httptest"
)

// Client returns an HTTP client that calls the server in-process: each
// request is served on the caller's goroutine, without a socket, so it
// works with WithoutNetwork and inside a testing/synctest bubble. A fault
// that drops the connection (or a call held by Pause and dropped) makes
// the request fail with an error, as a lost connection does. The client
// has no timeout of its own.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: inProcess{s}}
}

// errDropped is what a dropped call returns through Client.
var errDropped = errors.New("telegramtest: connection closed without a response")

// inProcess is Client's transport.
type inProcess struct{ s *Server }

func (p inProcess) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	r := req.Clone(req.Context())
	if r.Body == nil {
		r.Body = http.NoBody
	}
	defer r.Body.Close()
	r.RequestURI = r.URL.RequestURI()
	rec := httptest.NewRecorder()
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				panic(v)
			}
			resp, err = nil, errDropped
		}
	}()
	p.s.serveHTTP(rec, r)
	resp = rec.Result()
	resp.Request = req
	return resp, nil
}
