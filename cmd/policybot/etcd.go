package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"go.etcd.io/etcd/client/pkg/v3/transport"
	clientv3 "go.etcd.io/etcd/client/v3"
	"go.uber.org/zap"

	"policybot/dialog/store"
)

// etcdPasswordEnv holds the etcd password when no --etcd-password-file is
// given. Like the tokens, it is no flag (a flag's value shows in ps).
const etcdPasswordEnv = "POLICYBOT_ETCD_PASSWORD"

// storeFlags choose the chat store: the bbolt file in the data directory
// (the default) or an etcd cluster shared by several replicas.
type storeFlags struct {
	store, caCert, cert, key, user, passwordFile, prefix *string
	lease                                                *int
}

// addStoreFlags defines the store flags (--store, --etcd-*) on fs.
func addStoreFlags(fs *flagSet) storeFlags {
	return storeFlags{
		store:        fs.string("store", "", "chat store: empty = policybot.db in the data directory; etcd://host1:2379,host2:2379,host3:2379 = an etcd cluster shared by several replicas"),
		caCert:       fs.string("etcd-cacert", "", "CA certificate that signed the etcd servers' certificates (TLS; implies https)"),
		cert:         fs.string("etcd-cert", "", "client certificate for etcd (TLS client authentication)"),
		key:          fs.string("etcd-key", "", "key of --etcd-cert"),
		user:         fs.string("etcd-user", "", "etcd user (role-based auth); the password comes from --etcd-password-file or $"+etcdPasswordEnv),
		passwordFile: fs.string("etcd-password-file", "", "file holding the etcd user's password (one line); empty = $"+etcdPasswordEnv),
		prefix:       fs.string("etcd-prefix", "/policybot/", "key prefix of this bot's data in etcd (several bots may share a cluster)"),
		lease:        fs.intMin("etcd-lease", 5, 1, "seconds a replica's claims and polling leadership outlive it: how soon another replica takes over from a dead or cut-off one"),
	}
}

// parse parses args with fs, on which f was defined, and returns the
// endpoints of an etcd:// store, or nil for the default store.
func (f storeFlags) parse(fs *flagSet, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return f.etcdEndpoints()
}

// etcdEndpoints returns the endpoints of an etcd:// store, or nil for the
// default store.
func (f storeFlags) etcdEndpoints() ([]string, error) {
	if f.store == nil || *f.store == "" {
		return nil, nil
	}
	s := *f.store
	rest, ok := strings.CutPrefix(s, "etcd://")
	if !ok || rest == "" {
		return nil, usageError("--store must be empty (bbolt) or etcd://host:port[,host:port…], not %q", s)
	}
	scheme := "http://"
	if *f.caCert != "" || *f.cert != "" {
		scheme = "https://"
	}
	var eps []string
	for _, h := range strings.Split(rest, ",") {
		h = strings.TrimSpace(h)
		if h == "" || strings.Contains(h, "/") {
			return nil, usageError("--store: %q is not host:port", h)
		}
		eps = append(eps, scheme+h)
	}
	return eps, nil
}

// etcdClient connects to the cluster of an etcd:// store. Errors never
// include the password.
func (f storeFlags) etcdClient(endpoints []string) (*clientv3.Client, error) {
	cfg := clientv3.Config{Endpoints: endpoints, DialTimeout: 5 * time.Second, Logger: zap.NewNop(),
		DialKeepAliveTime: 2 * time.Second, DialKeepAliveTimeout: 2 * time.Second}
	if *f.caCert != "" || *f.cert != "" {
		info := transport.TLSInfo{TrustedCAFile: *f.caCert, CertFile: *f.cert, KeyFile: *f.key}
		var tc *tls.Config
		var err error
		if tc, err = info.ClientConfig(); err != nil {
			return nil, fmt.Errorf("etcd TLS: %w", err)
		}
		cfg.TLS = tc
	}
	if *f.user != "" {
		pw := os.Getenv(etcdPasswordEnv)
		if *f.passwordFile != "" {
			b, err := os.ReadFile(*f.passwordFile)
			if err != nil {
				return nil, fmt.Errorf("reading the etcd password file: %w", err)
			}
			pw = strings.TrimSpace(string(b))
		}
		if pw == "" {
			return nil, usageError("--etcd-user needs a password: --etcd-password-file or $%s", etcdPasswordEnv)
		}
		cfg.Username, cfg.Password = *f.user, pw
	}
	cli, err := clientv3.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("etcd client: %w", err)
	}
	return cli, nil
}

// openEtcdStore connects and opens the etcd chat store; closing the
// returned store does not close the client, close does both.
func (f storeFlags) openEtcdStore(ctx context.Context, endpoints []string, logger *slog.Logger, opts ...store.EtcdOption) (s *store.Etcd, closeAll func() error, err error) {
	cli, err := f.etcdClient(endpoints)
	if err != nil {
		return nil, nil, err
	}
	opts = append([]store.EtcdOption{store.WithPrefix(*f.prefix), store.WithEtcdLogger(logger),
		store.WithLease(time.Duration(*f.lease) * time.Second)}, opts...)
	s, err = store.OpenEtcd(ctx, cli, opts...)
	if err != nil {
		cli.Close()
		return nil, nil, fmt.Errorf("%w (etcd endpoints %s)", err, strings.Join(endpoints, ","))
	}
	return s, func() error { return errors.Join(s.Close(), cli.Close()) }, nil
}
