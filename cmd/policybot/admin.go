package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"

	"policybot/bot"
	"policybot/bot/admin"
	"policybot/seeds"
)

// adminTokenEnv holds the admin token when no --admin-token-file is given.
// It is no flag of its own: a flag's value would show in ps and --help.
const adminTokenEnv = "POLICYBOT_ADMIN_TOKEN"

// readAdminToken reads the admin token from path, or from
// $POLICYBOT_ADMIN_TOKEN when path is empty; "" means none. Without a token
// the admin listener must be on a loopback address. Errors never include
// the token.
func readAdminToken(path, listen string) (string, error) {
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
	if token == "" && !loopback(listen) {
		return "", usageError("--admin-listen %s is not a loopback address: set an admin token (%s or --admin-token-file) first, or listen on 127.0.0.1", listen, adminTokenEnv)
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
	return admin.New(
		admin.WithToken(token),
		admin.WithListenAddr(listen),
		admin.WithHealth(b.AdminHandler()),
		admin.WithStore(a.store),
		admin.WithDataDir(*a.flags.dataDir),
		admin.WithReload(a.reload),
		admin.WithGuide(func() *seeds.Guide { return a.engine.Index().Guide() }),
		admin.WithLogger(logger),
	)
}
