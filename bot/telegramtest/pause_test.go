package telegramtest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"policybot/bot/telegramtest"
)

// A paused method's calls wait unrecorded and are dropped, never served:
// when their client gives up (a bot killed mid-request) or at Resume.
// Calls after Resume are served.
func TestPauseHoldsCallsUnrecorded(t *testing.T) {
	srv := telegramtest.NewServer(t)
	chat := telegramtest.PrivateChat(alice)
	srv.PushMessage(srv.TextMessage(chat, &alice, "hi"))
	url := srv.URL() + "/bot" + srv.Token() + "/sendMessage"
	body := `{"chat_id":5550001,"text":"held"}`
	srv.Pause("SendMessage")

	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		_, err := http.DefaultClient.Do(req)
		gaveUp <- err
	}()
	dropped := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		_, err := http.DefaultClient.Do(req)
		dropped <- err
	}()
	// getMe is not paused.
	if status, _ := post(t, srv.URL()+"/bot"+srv.Token()+"/getMe", "", ""); status != http.StatusOK {
		t.Errorf("getMe while sendMessage is paused: %d", status)
	}
	for srv.Held() < 2 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-gaveUp; err == nil {
		t.Error("the abandoned call got a response")
	}
	select {
	case err := <-dropped:
		t.Fatalf("a paused call returned before Resume: %v", err)
	default:
	}
	srv.Resume()
	select {
	case err := <-dropped:
		if err == nil {
			t.Error("a held call was served at Resume")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("held call not dropped at Resume")
	}
	if status, _ := post(t, url, "application/json", body); status != http.StatusOK {
		t.Errorf("after Resume: %d", status)
	}
	if n := len(srv.Calls("sendMessage")); n != 1 {
		t.Errorf("%d calls recorded, want 1: held calls never reach Telegram", n)
	}
}
