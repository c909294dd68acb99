package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"policybot/seeds"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.3".
var version = "dev"

const versionUsage = `usage: policybot version

Print the version, the build's Go version and VCS revision, and the hash of
the embedded seed.`

func runVersion(env *environment, args []string) error {
	fs := newFlagSet("version", versionUsage, env.stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "policybot %s\n", version)
	fmt.Fprintf(env.stdout, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision", "vcs.time", "vcs.modified", "-trimpath", "CGO_ENABLED":
				fmt.Fprintf(env.stdout, "%s: %s\n", s.Key, s.Value)
			}
		}
	}
	if g, err := seeds.Embedded(); err == nil {
		fmt.Fprintf(env.stdout, "embedded seed: %s (sha256 %s…, %d measures)\n", seeds.EmbeddedName, g.Hash[:12], len(g.Measures))
	}
	return nil
}
