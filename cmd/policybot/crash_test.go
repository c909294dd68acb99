package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog/store"
)

// The crash tests run `policybot serve` as a child process (this test
// binary, re-executed: see TestMain) against the fake Bot API, kill it
// with SIGKILL in the middle of 300 messages from 100 chats, start it
// again on the same data directory, and check that every message was
// answered exactly once, in order.
//
// Where the kill lands: once a third of the answers are out, the fake
// server holds every further send (unrecorded, as if still on the way),
// the test waits until the bot's journal has recorded every send the
// server accepted (policybot_messages_delivered_total), and kills the bot
// then, with updates journaled but not yet run, turns committed but not
// yet delivered, and sends in flight. A kill at an arbitrary instant can
// also land between Telegram accepting a message and the journal recording
// it, the one case that repeats a message (deploy/README.md); the test
// excludes that instant so that it cannot flake, and checks everything
// else strictly.

// childEnv marks the re-executed test binary as the policybot command.
const childEnv = "POLICYBOT_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main()
		return
	}
	code := m.Run()
	stopSharedCluster()
	os.Exit(code)
}

// The three messages every chat sends: an answer, a follow-up that only
// works with the state the first one stored, and a command. Each is
// answered with exactly one message.
var crashMessages = []string{"社保能缓交吗", "还有吗", "/help"}

const (
	crashChats   = 100
	crashChatID0 = 880000100
)

func TestCrashPollingLosesNothing(t *testing.T) { crashTest(t, false, 0) }
func TestCrashWebhookLosesNothing(t *testing.T) { crashTest(t, true, 0) }

// TestCrashChaos adds SIGKILLs at arbitrary moments (no pause first), as
// many as POLICYBOT_CHAOS_KILLS says; it runs only when that is set. Such
// a kill may land between Telegram accepting a message and the journal
// recording it, so a message may be repeated (deploy/README.md); none may
// be lost, and the order within each chat must hold.
func TestCrashChaos(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("POLICYBOT_CHAOS_KILLS"))
	if n <= 0 {
		t.Skip("set POLICYBOT_CHAOS_KILLS=N to add N kills at arbitrary moments")
	}
	t.Run("polling", func(t *testing.T) { crashTest(t, false, n) })
	t.Run("webhook", func(t *testing.T) { crashTest(t, true, n) })
}

func crashTest(t *testing.T, webhook bool, chaosKills int) {
	if testing.Short() {
		t.Skip("starts policybot twice")
	}
	srv := telegramtest.NewServer(t)
	dir := t.TempDir()
	args := []string{"serve", "--data-dir", dir, "--api-url", srv.URL(), "--admin-listen", "127.0.0.1:0", "--log-format", "json"}
	total := crashChats * len(crashMessages)

	// The updates, in the order Telegram would send them: round by round.
	type upd struct {
		chat int64
		body []byte
	}
	var updates []upd
	for _, text := range crashMessages {
		for c := range crashChats {
			u := telegramtest.User{ID: crashChatID0 + int64(c), FirstName: "用户" + strconv.Itoa(c)}
			m := srv.TextMessage(telegramtest.PrivateChat(u), &u, text)
			if !webhook {
				srv.PushMessage(m)
				continue
			}
			_, body, err := srv.WebhookUpdate(telegramtest.Update{Message: m})
			if err != nil {
				t.Fatal(err)
			}
			updates = append(updates, upd{u.ID, body})
		}
	}
	deadline := time.Now().Add(150 * time.Second)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()

	var deliverWG sync.WaitGroup
	var hookURL string
	if webhook {
		hookURL = "http://" + freeAddr(t) + "/hook"
		args = append(args, "--webhook-url", "https://bot.example.invalid/hook", "--webhook-secret", "crash-test-secret",
			"--listen", strings.TrimSuffix(strings.TrimPrefix(hookURL, "http://"), "/hook"))
		// Telegram's side: each chat's updates in order, one at a time,
		// each retried until the webhook answers 200; chats in parallel.
		const lanes = 8
		for lane := range lanes {
			deliverWG.Add(1)
			go func() {
				defer deliverWG.Done()
				for i, u := range updates {
					if int(u.chat)%lanes != lane {
						continue
					}
					if err := postUntilOK(ctx, hookURL, "crash-test-secret", u.body); err != nil {
						t.Errorf("update %d never accepted: %v", i, err)
						return
					}
				}
			}()
		}
	}

	// Run 1: until a third of the answers are out, then hold the sends,
	// wait for the journal to catch up, and kill.
	child := startChild(t, ctx, args, true)
	sends := func() int {
		return len(srv.Calls("sendMessage")) + len(srv.Calls("sendContact")) + len(srv.Calls("editMessageText"))
	}
	if _, err := srv.WaitCalls("sendMessage", total/3, time.Until(deadline)); err != nil {
		t.Fatalf("run 1: %v\n%s", err, child.logs())
	}
	// The SIGHUPs sent during start-up were caught, not fatal, and acted on.
	for !raceDetector && !child.sawReload() {
		if time.Now().After(deadline) {
			t.Fatalf("run 1 never reloaded on SIGHUP: were the signals received?\n%s", child.logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
	srv.Pause("sendMessage", "sendContact", "editMessageText")
	for {
		got, err := child.delivered()
		if err == nil && got == sends() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("journal never caught up with the sends: %d recorded, %d sent (%v)\n%s", got, sends(), err, child.logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
	answeredAtKill := sends()
	child.kill(t)
	srv.Resume()
	t.Logf("killed with SIGKILL after %d of %d answers", answeredAtKill, total)
	if answeredAtKill >= total {
		t.Fatalf("everything was answered before the kill: the test proves nothing")
	}

	// Chaos: kills at arbitrary moments, each after a few more answers.
	kills := 1
	for k := range chaosKills {
		child = startChild(t, ctx, args, false)
		target := sends() + 5 + (k*37)%40
		if _, err := srv.WaitCalls("sendMessage", min(target, total), time.Until(deadline)); err != nil {
			t.Fatalf("chaos run %d: %v\n%s", k, err, child.logs())
		}
		if len(srv.Calls("sendMessage")) >= total {
			child.stop(t)
			break
		}
		child.kill(t)
		kills++
	}

	// Last run: everything must be answered, then stop cleanly.
	child = startChild(t, ctx, args, false)
	if _, err := srv.WaitCalls("sendMessage", total, time.Until(deadline)); err != nil {
		t.Fatalf("run 2: %v\n%s", err, child.logs())
	}
	deliverWG.Wait()
	child.stop(t)
	resumed, outboxes := child.resumed()
	t.Logf("last run resumed %d journaled updates, %d of them committed turns with replies still to send", resumed, outboxes)
	if resumed == 0 && chaosKills == 0 {
		t.Errorf("run 2 found nothing unfinished in the journal: the kill came too late to test anything")
	}

	// Exactly three answers per chat, the same three for everyone, in order.
	perChat := map[int64][]string{}
	for _, r := range srv.Calls("sendMessage") {
		id, _ := strconv.ParseInt(r.Params["chat_id"], 10, 64)
		perChat[id] = append(perChat[id], r.Params["text"])
	}
	ref := perChat[crashChatID0]
	lost, twice := 0, 0
	if chaosKills > 0 {
		ref = slices.Compact(slices.Clone(ref))
	}
	for c := range crashChats {
		got := perChat[crashChatID0+int64(c)]
		if chaosKills > 0 {
			// A repeated message arrives right after the first copy.
			twice += len(got)
			got = slices.Compact(got)
			twice -= len(got)
		}
		lost += max(len(crashMessages)-len(got), 0)
		twice += max(len(got)-len(crashMessages), 0)
		if !slices.Equal(got, ref) {
			t.Errorf("chat %d got %d answers, not those of chat 0 (%d)", c, len(got), len(ref))
		}
	}
	if len(ref) != len(crashMessages) || lost > 0 || twice > 0 && chaosKills == 0 {
		t.Errorf("%d answers lost, %d sent twice (chat 0 got %d)", lost, twice, len(ref))
	}
	if len(srv.Calls("sendContact")) > 0 {
		t.Errorf("the test's messages should be answered without contact cards")
	}
	if strings.Contains(ref[1], "请先提问") {
		t.Errorf("还有吗 was answered without the state of 社保能缓交吗: %q", ref[1])
	}

	// Nothing is left in the journal.
	db, err := store.Open(filepath.Join(dir, storeFile), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if p, err := db.Unfinished(context.Background()); err != nil || len(p) != 0 {
		t.Errorf("journal after a clean stop: %d unfinished (%v)", len(p), err)
	}
	t.Logf("faults: %d SIGKILLs (+SIGHUPs during start-up) survived; messages: %d, lost %d, answered twice %d", kills, total, lost, twice)
}

// child is a running `policybot serve`.
type child struct {
	cmd  *exec.Cmd
	done chan struct{}
	err  error

	mu       sync.Mutex
	lines    []string
	nResumed int // updates the journal held unfinished at start
	nOutbox  int // of which committed turns with replies to send
	admin    string
	reload   bool
	ready    chan struct{}
}

// startChild starts serve and waits until its admin listener is known.
// With hangups, SIGHUP is sent to it from the moment it exists until it
// serves: it must neither die nor stop reloading on them.
func startChild(t *testing.T, ctx context.Context, args []string, hangups bool) *child {
	t.Helper()
	return startProcess(t, ctx, os.Args[0], args, hangups)
}

// startProcess is startChild with another policybot binary.
func startProcess(t *testing.T, ctx context.Context, bin string, args []string, hangups bool) *child {
	t.Helper()
	// A child inherits an ignored SIGHUP until its own code catches it;
	// the test process itself must not die of a stray one either.
	signal.Ignore(syscall.SIGHUP)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "TELEGRAM_BOT_TOKEN="+telegramtest.DefaultToken)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, done: make(chan struct{}), ready: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait closes the pipe once the process exits, which may be before
	// its last lines are read (and a child dying at start-up then fails
	// the test with an empty log): read to the end first.
	read := make(chan struct{})
	go func() {
		c.read(stderr)
		close(read)
	}()
	go func() {
		<-read
		c.err = cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-c.done
	})
	if hangups {
		go func() {
			// Until it serves, however slow a loaded machine makes its
			// start-up: a fixed number of tries could all fall before
			// its handler is installed (ignored), and no SIGHUP would
			// ever reach the handler.
			for {
				select {
				case <-c.ready:
					cmd.Process.Signal(syscall.SIGHUP)
					return
				case <-c.done:
					return
				case <-ctx.Done():
					return
				default:
				}
				cmd.Process.Signal(syscall.SIGHUP)
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	select {
	case <-c.ready:
	case <-c.done:
		t.Fatalf("serve exited during start-up: %v\n%s", c.err, c.logs())
	case <-ctx.Done():
		t.Fatalf("serve did not start in time\n%s", c.logs())
	}
	return c
}

func (c *child) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		var rec struct {
			Msg     string `json:"msg"`
			Admin   string `json:"admin"`
			Updates int    `json:"updates"`
		}
		json.Unmarshal([]byte(line), &rec)
		c.mu.Lock()
		c.lines = append(c.lines, line)
		switch rec.Msg {
		case "resuming updates left unfinished by the last run":
			c.nResumed = rec.Updates
		case "resuming the replies of a committed turn":
			c.nOutbox++
		}
		if strings.HasPrefix(rec.Msg, "reload on SIGHUP") {
			c.reload = true
		}
		if rec.Msg == "serving" && c.admin == "" {
			c.admin = rec.Admin
			close(c.ready)
		}
		c.mu.Unlock()
	}
}

func (c *child) logs() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.lines)
	return strings.Join(c.lines[max(n-40, 0):], "\n")
}

func (c *child) resumed() (updates, outboxes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nResumed, c.nOutbox
}

func (c *child) sawReload() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reload
}

// delivered reads policybot_messages_delivered_total from /metrics.
func (c *child) delivered() (int, error) {
	resp, err := http.Get("http://" + c.admin + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(l, "policybot_messages_delivered_total "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return int(f), err
		}
	}
	return 0, errors.New("no policybot_messages_delivered_total in /metrics")
}

func (c *child) kill(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.done
	var ee *exec.ExitError
	if !errors.As(c.err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("serve ended with %v before the kill\n%s", c.err, c.logs())
	}
}

func (c *child) stop(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGTERM)
	<-c.done
	if c.err != nil {
		t.Fatalf("serve did not stop cleanly: %v\n%s", c.err, c.logs())
	}
}

// postUntilOK posts an update to the webhook until it answers 200.
func postUntilOK(ctx context.Context, url, secret string, body []byte) error {
	client := &http.Client{Timeout: 10 * time.Second}
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
