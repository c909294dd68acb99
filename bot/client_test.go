package bot

import (
	"strconv"
	"testing"

	"policybot/bot/telegramtest"
)

// The default HTTP client keeps as many connections as requests may be in
// flight at once (the turns that may send, the long poll, the last
// confirmation), and no more: 200 answers from 40 chats at once open at
// most that many, not one per answer (net/http's default keeps 2 idle),
// however the machine's load makes the requests race.
func TestSendsReuseConnections(t *testing.T) {
	const chats, each, workers = 40, 5, 16
	h := newHarness(t, nil, WithConcurrency(workers))
	// newHarness leaves the client to New, so this is the default one.
	h.start()
	for i := range each {
		for c := range chats {
			u := telegramtest.User{ID: int64(700000 + c), FirstName: "U" + strconv.Itoa(c)}
			h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(u), &u, strconv.Itoa(i)))
		}
	}
	h.calls("sendMessage", chats*each)
	// workers senders, the long poll; the start-up calls reuse one of them.
	if n := h.srv.Connections(); n > workers+2 {
		t.Errorf("%d connections for %d answers with %d workers", n, chats*each, workers)
	}
}
