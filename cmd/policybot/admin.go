package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"

	"policybot/bot"
	"policybot/bot/admin"
	"policybot/index"
	"policybot/seeds"
)

// adminTokenEnv holds the admin token when no --admin-token-file is given.
// It is no flag of its own: a flag's value would show in ps and --help.
const adminTokenEnv = "POLICYBOT_ADMIN_TOKEN"

// readAdminToken reads the admin token from path, or from
// $POLICYBOT_ADMIN_TOKEN when path is empty; "" means none. Errors never
// include the token.
func readAdminToken(path string) (string, error) {
	token := strings.TrimSpace(os.Getenv(adminTokenEnv))
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("reading the admin token file: %w", err)
		}
		if token = strings.TrimSpace(string(b)); token == "" {
			return "", fmt.Errorf("admin token file %s is empty", path)
		}
	}
	if strings.ContainsAny(token, " \t\r\n") {
		return "", errors.New("the admin token contains whitespace; the token file must hold the token alone")
	}
	return token, nil
}

// serveAdminToken is readAdminToken for serve: without a token the admin
// listener must be on a loopback address; a token must be strong enough
// (admin.CheckToken), checked before the slow start.
func serveAdminToken(path, listen string) (string, error) {
	token, err := readAdminToken(path)
	if err != nil {
		return "", err
	}
	if token == "" && !loopback(listen) {
		return "", usageError("--admin-listen %s is not a loopback address: set an admin token (%s or --admin-token-file) first, or listen on 127.0.0.1", listen, adminTokenEnv)
	}
	if token != "" {
		if err := admin.CheckToken(token); err != nil {
			return "", usageError("%v", err)
		}
	}
	return token, nil
}

// loopback reports whether addr (host:port) binds loopback only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newAdminHandler wires the admin listener: the bot's /healthz and
// /metrics, the app's reload, the store's backup and review queries.
func newAdminHandler(b *bot.Bot, a *app, token, listen string, logger *slog.Logger) (*admin.Handler, error) {
	guide := func() *seeds.Guide { return a.engine.Index().Guide() }
	bank, err := builtinBank(guide, logger)
	if err != nil {
		return nil, err
	}
	return admin.New(
		admin.WithBank(bank),
		admin.WithToken(token),
		admin.WithListenAddr(listen),
		admin.WithHealth(b.AdminHandler()),
		admin.WithStore(a.store),
		admin.WithDataDir(*a.flags.dataDir),
		admin.WithStorePath(storePath(*a.flags.dataDir)),
		admin.WithReload(a.reloadAndShare),
		admin.WithGuide(guide),
		admin.WithGuides(func(id string) *seeds.Guide {
			for _, ix := range a.engine.Guides() {
				if ix.ID() == id {
					return ix.Guide()
				}
			}
			return nil
		}),
		admin.WithLogger(logger),
	)
}

// builtinBank returns the example bank built into the binary for the
// guide served at the time of the call (its own examples and the
// out-of-scope questions of any guide), as the review page compares
// questions: normalized question → "N" or "none". It is read again when a
// reload serves another guide. The operator's examples.txt the page reads
// itself.
func builtinBank(guide func() *seeds.Guide, logger *slog.Logger) (func() map[string]string, error) {
	read := func(g *seeds.Guide) (map[string]string, error) {
		lex, err := index.LoadLexicon("", g)
		if err != nil {
			return nil, fmt.Errorf("built-in example bank: %w", err)
		}
		bank := make(map[string]string, len(lex.Examples))
		for _, e := range lex.Examples {
			group := "none"
			if e.Measure > 0 {
				group = strconv.Itoa(e.Measure)
			}
			bank[admin.NormalizeQuestion(e.Text)] = group
		}
		for _, q := range lex.OutOfScope {
			if !strings.Contains(q, "{place}") { // a pattern, not a question
				bank[admin.NormalizeQuestion(q)] = "none"
			}
		}
		return bank, nil
	}
	g := guide()
	bank, err := read(g)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	key := g.Key()
	return func() map[string]string {
		g := guide()
		mu.Lock()
		defer mu.Unlock()
		if g.Key() != key {
			if b, err := read(g); err != nil {
				logger.Error("reading the built-in example bank of the guide now served", "error", err)
			} else {
				bank, key = b, g.Key()
			}
		}
		return bank
	}, nil
}
