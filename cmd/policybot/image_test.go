package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policybot/bot/telegramtest"
)

// TestContainerImage builds the registry-free image (deploy/Containerfile)
// with deploy/podman-image.sh, which also runs `policybot ask` in it, then
// runs `serve` in the image against the fake Bot API, with a data
// directory as its volume, as user 10001 on a read-only root filesystem,
// and checks that a message is answered and the chat store lands in the
// volume. It skips where podman is absent (.ci/run installs it), and with
// -short or -race (see skipHeavy: .ci/run runs it without -race).
func TestContainerImage(t *testing.T) {
	skipHeavy(t, "builds a container image")
	if _, err := exec.LookPath("podman"); err != nil {
		t.Skip("podman is not installed (apt-get install podman runc)")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root: the volume is handed to the image's user 10001")
	}
	srv := telegramtest.NewServer(t)
	data := t.TempDir()
	if err := os.Chown(data, 10001, 10001); err != nil {
		t.Fatal(err)
	}
	tag := "localhost/policybot:test"
	cmd := exec.Command("bash", filepath.Join(deployDir, "podman-image.sh"), tag)
	cmd.Env = append(os.Environ(), "POLICYBOT_TEST_API_URL="+srv.URL(), "POLICYBOT_TEST_DATA="+data,
		"TELEGRAM_BOT_TOKEN="+telegramtest.DefaultToken)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("deploy/podman-image.sh: %v\n%s\n%s", err, out, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if !strings.Contains(string(out), "ask ok") || len(lines) < 3 {
		t.Fatalf("the script did not run ask and start serve:\n%s", out)
	}
	name := lines[len(lines)-1]
	podman := func(args ...string) ([]byte, error) {
		return exec.Command("podman", append([]string{"--runtime", "runc"}, args...)...).CombinedOutput()
	}
	t.Cleanup(func() {
		if out, err := podman("rm", "-f", "-t", "5", name); err != nil {
			t.Logf("removing the container: %v\n%s", err, out)
		}
		podman("rmi", tag)
	})
	u := telegramtest.User{ID: 770001, FirstName: "容器"}
	srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(u), &u, "社保能缓交吗"))
	if _, err := srv.WaitCalls("sendMessage", 1, 90*time.Second); err != nil {
		logs, _ := podman("logs", name)
		t.Fatalf("serve in the image answered nothing: %v\n%s", err, logs)
	}
	if got := srv.Calls("sendMessage")[0].Params["chat_id"]; got != "770001" {
		t.Errorf("answer went to chat %s", got)
	}
	if _, err := podman("stop", "-t", "20", name); err != nil {
		t.Errorf("stopping serve: %v", err)
	}
	st, err := os.Stat(filepath.Join(data, storeFile))
	if err != nil {
		t.Fatalf("the chat store is not in the volume: %v", err)
	}
	if logs, _ := podman("logs", name); bytes.Contains(logs, []byte(telegramtest.DefaultToken)) {
		t.Errorf("the token appears in the container's log")
	}
	t.Logf("image served a message; store %d bytes in the volume", st.Size())
}
