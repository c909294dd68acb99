package bot

import (
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the bot's Prometheus metrics, all prefixed policybot_.
// Label values come from small fixed sets (update types, Bot API methods,
// reply kinds, failure reasons), never from user input, so cardinality is
// bounded.
type metrics struct {
	reg *prometheus.Registry

	updates         *prometheus.CounterVec   // type
	ignored         *prometheus.CounterVec   // reason
	dropped         *prometheus.CounterVec   // reason
	answers         *prometheus.CounterVec   // kind
	turnSeconds     *prometheus.HistogramVec // event
	sent            *prometheus.CounterVec   // method
	sendErrors      *prometheus.CounterVec   // method, reason
	retries         *prometheus.CounterVec   // method, reason
	rateWaits       *prometheus.CounterVec   // scope
	rateWaitSeconds *prometheus.CounterVec   // scope
	webhookRejected *prometheus.CounterVec   // reason
	buttonsDropped  prometheus.Counter
	panics          prometheus.Counter
	delivered       prometheus.Counter
	expired         prometheus.Counter
}

// newMetrics registers the metrics on reg, or on a fresh registry with the
// Go and process collectors when reg is nil. gauges reports the live chat
// goroutines and queued turns at scrape time.
func newMetrics(reg *prometheus.Registry, gauges func() (chats, turns int)) (*metrics, error) {
	if reg == nil {
		var err error
		if reg, err = newRegistry(); err != nil {
			return nil, err
		}
	}
	m := defineMetrics()
	m.reg = reg
	for _, c := range append(m.collectors(), gaugeFuncs(gauges)...) {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("bot: registering metrics: %w", err)
		}
	}
	return m, nil
}

// newRegistry returns a registry holding the Go and process collectors.
func newRegistry() (*prometheus.Registry, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(collectors.NewGoCollector()); err != nil {
		return nil, err
	}
	if err := reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})); err != nil {
		return nil, err
	}
	return reg, nil
}

// defineMetrics makes the bot's counters and histogram, not registered.
func defineMetrics() *metrics {
	return &metrics{
		delivered: counter("policybot_messages_delivered_total",
			"Messages Telegram accepted whose delivery is recorded in the update journal (after a crash, only messages not counted here can be sent again)."),
		expired: counter("policybot_answers_expired_total",
			"Answers given up on: Telegram did not take them (network, 5xx, 429, 401) within the retry limit after their update arrived."),
		updates: counterVec("policybot_updates_received_total",
			"Updates received from Telegram, by update type.",
			"type"),
		ignored: counterVec("policybot_updates_ignored_total",
			"Updates deliberately not answered (group chatter, edits, channel posts …), by reason.",
			"reason"),
		dropped: counterVec("policybot_updates_dropped_total",
			"Updates that should have been answered but were not queued (flooding chat, shutdown), by reason.",
			"reason"),
		answers: counterVec("policybot_answers_total",
			"Replies produced, by kind (the dialog's Reply.Kind, or hint/error/stale_button from the adapter).",
			"kind"),
		turnSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "policybot_turn_duration_seconds",
			Help:    "Time from receiving an update to the last Bot API call of its answer, queueing and rate-limit waits included.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14), // 5ms … ~41s
		}, []string{"event"}),
		sent: counterVec("policybot_telegram_calls_total",
			"Successful Bot API calls made while answering (messages, contacts, edits, query answers), by method.",
			"method"),
		sendErrors: counterVec("policybot_telegram_send_errors_total",
			"Bot API calls that failed for good after retries, by method and reason.",
			"method", "reason"),
		retries: counterVec("policybot_telegram_retries_total",
			"Bot API call retries, by method and reason (flood, server, network).",
			"method", "reason"),
		rateWaits: counterVec("policybot_ratelimit_waits_total",
			"Outgoing messages delayed by the bot's own rate limiter, by the limit that imposed the longest wait.",
			"scope"),
		rateWaitSeconds: counterVec("policybot_ratelimit_wait_seconds_total",
			"Time outgoing messages spent waiting for the rate limiter.",
			"scope"),
		webhookRejected: counterVec("policybot_webhook_rejected_total",
			"Webhook requests refused, by reason (secret, method, not_running).",
			"reason"),
		buttonsDropped: counter("policybot_buttons_dropped_total",
			"Inline buttons left out of a reply because their callback data was invalid (over 64 bytes …)."),
		panics: counter("policybot_turn_panics_total",
			"Turns that panicked; the chat continues with its next update."),
	}
}

// collectors are m's metrics, for registering.
func (m *metrics) collectors() []prometheus.Collector {
	return []prometheus.Collector{m.updates, m.ignored, m.dropped, m.answers, m.turnSeconds,
		m.sent, m.sendErrors, m.retries, m.rateWaits, m.rateWaitSeconds, m.webhookRejected,
		m.buttonsDropped, m.panics, m.delivered, m.expired}
}

// gaugeFuncs are the gauges of live chats and queued turns, read from
// gauges at scrape time.
func gaugeFuncs(gauges func() (chats, turns int)) []prometheus.Collector {
	chats := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "policybot_active_chats",
		Help: "Chats with a turn queued or running.",
	}, func() float64 { c, _ := gauges(); return float64(c) })
	turns := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "policybot_queued_turns",
		Help: "Turns queued or running over all chats.",
	}, func() float64 { _, t := gauges(); return float64(t) })
	return []prometheus.Collector{chats, turns}
}

// counter is a counter named name with help text help.
func counter(name, help string) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
}

// counterVec is a counter named name with help text help, by labels.
func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
}

// AdminHandler serves the operator endpoints; mount it on a private
// listener (cmd/policybot uses 127.0.0.1:9090):
//
//   - GET /healthz: 200 "ok" while Run's polling or webhook loop is running,
//     turns and updates can be saved and, when polling, getUpdates has not
//     failed 5 times in a row and the loop makes progress; otherwise 503
//     with the reason. It turns 200 again by itself when the cause passes.
//   - GET /metrics: the Prometheus metrics of the bot's registry.
func (b *Bot) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if reason := b.unhealthy(); reason != "" {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, reason)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(b.metrics.reg, promhttp.HandlerOpts{}))
	return mux
}
