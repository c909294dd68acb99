package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
)

// The bot token is a bearer credential: whoever has it controls the bot.
// go-telegram/bot puts it in every request URL ("/bot<token>/sendMessage")
// and only masks it in the one place it knows about (url.Error.URL), so an
// error from a custom transport, a proxy's error page or a debug line can
// still carry it. Everything this package logs or returns therefore passes
// through a redactor, and the logger itself is wrapped so that even a log
// call someone adds later cannot print the token.

// redacted replaces the token wherever it is found.
const redacted = "<redacted>"

// redactor replaces every known spelling of one token.
type redactor struct {
	r *strings.Replacer
}

// newRedactor returns a redactor for token. It replaces, longest first,
// "bot<token>" (the URL path element), the token itself, its URL-escaped
// form and its secret half (after the colon), which is the part that
// matters: the bot id before the colon is public.
func newRedactor(token string) redactor {
	if token == "" {
		return redactor{r: strings.NewReplacer()}
	}
	pairs := []string{"bot" + token, redacted, token, redacted}
	if esc := url.PathEscape(token); esc != token {
		pairs = append(pairs, "bot"+esc, redacted, esc, redacted)
	}
	if _, secret, ok := strings.Cut(token, ":"); ok && len(secret) >= 8 {
		pairs = append(pairs, secret, redacted)
	}
	return redactor{r: strings.NewReplacer(pairs...)}
}

// String returns s with the token replaced.
func (rd redactor) String(s string) string { return rd.r.Replace(s) }

// Error returns err with the token removed from its message. The result
// still unwraps to err so errors.Is/As keep working (context.Canceled,
// *bot.TooManyRequestsError); its own Error() is the redacted text, which
// is what fmt, slog and any further %w wrapping print. nil stays nil.
func (rd redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	if re, ok := err.(*redactedError); ok {
		return re // already clean; do not stack wrappers
	}
	return &redactedError{msg: rd.String(err.Error()), err: err}
}

// redactedError is an error whose message has been scrubbed of the token.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactHandler is a slog.Handler that scrubs the token from the message
// and from every attribute (strings, errors, and anything else once
// formatted) before passing the record on.
type redactHandler struct {
	inner slog.Handler
	rd    redactor
}

func newRedactHandler(inner slog.Handler, rd redactor) slog.Handler {
	return &redactHandler{inner: inner, rd: rd}
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.rd.String(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return &redactHandler{inner: h.inner.WithAttrs(clean), rd: h.rd}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{inner: h.inner.WithGroup(name), rd: h.rd}
}

// attr scrubs one attribute. Values that are not strings are formatted
// and only replaced by their formatted, scrubbed text when that text
// actually contained the token, so ordinary numbers and durations keep
// their type in JSON output.
func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.rd.String(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		var s string
		if err, ok := v.Any().(error); ok {
			s = err.Error()
		} else {
			s = fmt.Sprint(v.Any())
		}
		if clean := h.rd.String(s); clean != s {
			return slog.String(a.Key, clean)
		}
		if _, ok := v.Any().(error); ok {
			// Errors print as their message either way; a string keeps
			// JSON output readable instead of "{}".
			return slog.String(a.Key, s)
		}
		return slog.Attr{Key: a.Key, Value: v}
	default:
		return slog.Attr{Key: a.Key, Value: v}
	}
}
