package admin

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestServerDropsSilentClients: a client that opens a connection and
// never finishes its request headers is cut off by the read-header
// timeout instead of holding the connection forever.
func TestServerDropsSilentClients(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the read-header timeout")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(health)
	go srv.Serve(ln)
	defer srv.Close()
	if srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 {
		t.Errorf("timeouts: read %v write %v idle %v", srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n") // headers never end
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(3 * readHeaderTimeout))
	_, err = io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("connection still open after %v", time.Since(start))
	}
	t.Logf("silent client dropped after %v", time.Since(start).Round(100*time.Millisecond))
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatalf("server unusable afterwards: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz afterwards: %s", resp.Status)
	}
}
