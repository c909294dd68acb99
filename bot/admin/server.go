package admin

import (
	"net/http"
	"time"
)

// Timeouts of the admin server. Writes get long enough for a reload after
// an added example (an index rebuild); /backup extends its own deadline
// while the download progresses.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 2 * time.Minute
)

// NewServer returns an http.Server for h with read, write and idle
// timeouts, so no client can hold a connection or a handler forever.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}
