// Package etcdtest runs an etcd cluster inside a test process
// (go.etcd.io/etcd/server/v3/embed), for the tests of the etcd chat store,
// of webhook replicas and of the polling standby. Only tests import it.
package etcdtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/server/v3/embed"
	"go.uber.org/zap"
)

// Cluster is a running in-process etcd cluster.
type Cluster struct {
	tb      testing.TB
	dir     string
	fsync   bool
	names   []string
	peers   []string
	clients []string
	mu      sync.Mutex
	members []*embed.Etcd // nil while stopped
}

// Option configures New.
type Option func(*Cluster)

// WithFsync makes the members fsync as a real cluster does (benchmarks);
// by default they do not, which keeps the tests fast.
func WithFsync() Option { return func(c *Cluster) { c.fsync = true } }

// New starts an n-member cluster and stops it when the test ends.
func New(tb testing.TB, n int, opts ...Option) *Cluster {
	tb.Helper()
	c := &Cluster{tb: tb, dir: tb.TempDir(), members: make([]*embed.Etcd, n)}
	for _, o := range opts {
		o(c)
	}
	var initial []string
	for i := range n {
		c.names = append(c.names, fmt.Sprintf("m%d", i))
		c.peers = append(c.peers, "http://"+freeAddr(tb))
		c.clients = append(c.clients, "http://"+freeAddr(tb))
		initial = append(initial, c.names[i]+"="+c.peers[i])
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.start(i, strings.Join(initial, ","), embed.ClusterStateFlagNew)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			c.Close()
			tb.Fatalf("etcd cluster: %v", err)
		}
	}
	tb.Cleanup(c.Close)
	return c
}

func freeAddr(tb testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func mustURL(s string) url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return *u
}

func (c *Cluster) start(i int, initial, state string) error {
	cfg := embed.NewConfig()
	cfg.Name = c.names[i]
	cfg.Dir = filepath.Join(c.dir, c.names[i])
	cfg.ListenPeerUrls = []url.URL{mustURL(c.peers[i])}
	cfg.AdvertisePeerUrls = cfg.ListenPeerUrls
	cfg.ListenClientUrls = []url.URL{mustURL(c.clients[i])}
	cfg.AdvertiseClientUrls = cfg.ListenClientUrls
	cfg.InitialCluster = initial
	cfg.InitialClusterToken = "policybot-test"
	cfg.ClusterState = state
	cfg.ZapLoggerBuilder = embed.NewZapLoggerBuilder(zap.NewNop())
	cfg.UnsafeNoFsync = !c.fsync
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return fmt.Errorf("member %d: %w", i, err)
	}
	select {
	case <-e.Server.ReadyNotify():
	case <-time.After(60 * time.Second):
		e.Close()
		return fmt.Errorf("member %d did not become ready", i)
	}
	c.mu.Lock()
	c.members[i] = e
	c.mu.Unlock()
	return nil
}

// Endpoints returns the members' client URLs.
func (c *Cluster) Endpoints() []string { return append([]string(nil), c.clients...) }

// Client returns a client of the whole cluster, closed when the test ends.
func (c *Cluster) Client(tb testing.TB) *clientv3.Client {
	tb.Helper()
	cli, err := clientv3.New(clientv3.Config{Endpoints: c.Endpoints(), DialTimeout: 5 * time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { cli.Close() })
	return cli
}

// Stop stops member i (its data stays; Restart brings it back).
func (c *Cluster) Stop(i int) {
	c.mu.Lock()
	e := c.members[i]
	c.members[i] = nil
	c.mu.Unlock()
	if e != nil {
		e.Close()
	}
}

// Restart starts the stopped member i again on its data.
func (c *Cluster) Restart(i int) error {
	var initial []string
	for j := range c.names {
		initial = append(initial, c.names[j]+"="+c.peers[j])
	}
	return c.start(i, strings.Join(initial, ","), embed.ClusterStateFlagExisting)
}

// Close stops every member.
func (c *Cluster) Close() {
	for i := range c.members {
		c.Stop(i)
	}
}

// Wait waits until the cluster answers a write (e.g. after a restart).
func (c *Cluster) Wait(ctx context.Context, cli *clientv3.Client) error {
	for {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		_, err := cli.Put(cctx, "/etcdtest/ping", "1")
		cancel()
		if err == nil || ctx.Err() != nil {
			return err
		}
	}
}
