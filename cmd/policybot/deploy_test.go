package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The deploy files (deploy/) name flags and POLICYBOT_* variables in
// strings that no compiler checks; these tests keep them in step with the
// flags the commands really define, as read from each command's --help.

// deployDir is deploy/ relative to this package.
const deployDir = "../../deploy"

// deployFiles are checked strictly: every --flag in them must be a policybot
// flag or listed in foreignFlags.
var deployFiles = []string{"Dockerfile", "docker-compose.yml", "policybot.service", "policybot.env.example"}

// foreignFlags are the flags in deployFiles that belong to other programs.
var foreignFlags = map[string]string{
	"build-arg": "docker build", "build": "docker compose up", "always": "git describe", "dirty": "git describe",
	"no-install-recommends": "apt-get", "gid": "useradd/groupadd", "uid": "useradd",
	"home-dir": "useradd", "no-create-home": "useradd", "shell": "useradd", "from": "COPY --from",
	"interval": "HEALTHCHECK", "timeout": "HEALTHCHECK", "start-period": "HEALTHCHECK", "retries": "HEALTHCHECK",
	"now": "systemctl enable",
}

// secretEnvs are environment variables read directly, not through a flag
// (a flag's value would show in ps and --help). The env example must keep
// them commented out.
var secretEnvs = map[string]bool{"TELEGRAM_BOT_TOKEN": true, adminTokenEnv: true, etcdPasswordEnv: true}

// deployServeFlags are the serve flags the deploy files rely on: serve
// must define every one of them.
var deployServeFlags = []string{
	"token-file", "webhook-url", "webhook-secret", "listen", "api-url",
	"admin-listen", "log-format", "seeds", "data-dir", "dict-dir",
}

// helpFlag is one flag as --help describes it.
type helpFlag struct {
	name, env string
	def       string // default as a string ("" when PrintDefaults omits it: the zero value)
	block     string // the flag's whole usage entry
}

var (
	helpFlagLine = regexp.MustCompile(`^  -([a-z0-9][a-z0-9-]*)`)
	helpEnv      = regexp.MustCompile(`\[\$(POLICYBOT_[A-Z0-9_]+)\](?: \(default (.*)\))?\s*$`)
	dashFlag     = regexp.MustCompile(`(?:^|[^\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`)
	envVar       = regexp.MustCompile(`POLICYBOT_[A-Z0-9_]+`)
	invocation   = regexp.MustCompile(`(?:^|[\s/"'\x60(])policybot\s+([a-z]+)`)
	envAssign    = regexp.MustCompile(`^#?\s*([A-Z][A-Z0-9_]*)=(.*)$`)
)

// commandFlags runs `policybot CMD --help` in-process and parses the flag
// list that flag.PrintDefaults wrote after newFlagSet's "Flags" line.
func commandFlags(t *testing.T, cmd string) map[string]helpFlag {
	t.Helper()
	var out, errb bytes.Buffer
	env := &environment{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(env, []string{cmd, "--help"}); code != 0 {
		t.Fatalf("policybot %s --help: exit %d\n%s%s", cmd, code, out.String(), errb.String())
	}
	flags := map[string]helpFlag{}
	inFlags := false
	var cur *helpFlag
	finish := func() {
		if cur == nil {
			return
		}
		block := strings.TrimRight(cur.block, "\n")
		cur.block = block
		if m := helpEnv.FindStringSubmatch(strings.ReplaceAll(block, "\n", " ")); m != nil {
			cur.env = m[1]
			cur.def = m[2]
			if s, err := strconv.Unquote(cur.def); err == nil {
				cur.def = s
			}
		}
		flags[cur.name] = *cur
		cur = nil
	}
	for _, line := range strings.Split(errb.String()+out.String(), "\n") {
		if strings.HasPrefix(line, "Flags (") {
			inFlags = true
			continue
		}
		if !inFlags {
			continue
		}
		if m := helpFlagLine.FindStringSubmatch(line); m != nil {
			finish()
			cur = &helpFlag{name: m[1], block: line + "\n"}
		} else if cur != nil {
			cur.block += line + "\n"
		}
	}
	finish()
	return flags
}

// allFlags returns every command's flags, by command name, with the
// POLICYBOT_* variables in the test process removed so that --help shows
// the built-in defaults.
func allFlags(t *testing.T) map[string]map[string]helpFlag {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "POLICYBOT_") {
			t.Setenv(name, "") // restores it after the test
			os.Unsetenv(name)
		}
	}
	all := map[string]map[string]helpFlag{}
	for name := range commands {
		all[name] = commandFlags(t, name)
	}
	return all
}

func readDeploy(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(deployDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// invocations finds `policybot CMD --flag …` on each line of text and
// returns, per line, the command and the flags given to it (up to a shell
// operator, a closing backquote or a comment).
type call struct {
	line  int
	cmd   string
	flags []string
}

func invocations(text string) []call {
	var calls []call
	for i, line := range strings.Split(text, "\n") {
		ms := invocation.FindAllStringSubmatchIndex(line, -1)
		for k, m := range ms {
			rest := line[m[1]:]
			if k+1 < len(ms) {
				rest = line[m[1]:ms[k+1][0]]
			}
			c := call{line: i + 1, cmd: line[m[2]:m[3]]}
			for _, tok := range strings.Fields(rest) {
				if tok == "|" || tok == "||" || tok == "&&" || tok == ";" || tok == "#" ||
					strings.HasPrefix(tok, ">") || strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "2>") {
					break
				}
				if strings.HasPrefix(tok, "--") {
					name := strings.TrimPrefix(tok, "--")
					if j := strings.IndexFunc(name, func(r rune) bool { return !(r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }); j >= 0 {
						name = name[:j]
					}
					if name != "" && name != "help" {
						c.flags = append(c.flags, name)
					}
				}
				if strings.ContainsAny(tok, "`\"]") || strings.HasSuffix(tok, ";") {
					break // end of an inline code span, a JSON array or a command
				}
			}
			calls = append(calls, c)
		}
	}
	return calls
}

func TestDeployFilesUseExistingFlags(t *testing.T) {
	all := allFlags(t)

	known := map[string]bool{"help": true} // every flag of every command
	envs := map[string]string{}            // POLICYBOT_* → flag
	for _, flags := range all {
		for name, f := range flags {
			known[name] = true
			envs[envName(name)] = name
			if f.env != envName(name) {
				t.Errorf("--help of flag -%s shows env %q, want %q", name, f.env, envName(name))
			}
		}
	}

	for _, file := range deployFiles {
		text := readDeploy(t, file)
		for i, line := range strings.Split(text, "\n") {
			for _, m := range dashFlag.FindAllStringSubmatch(line, -1) {
				if name := m[1]; !known[name] && foreignFlags[name] == "" {
					t.Errorf("%s:%d: --%s is no policybot flag (nor listed in foreignFlags)", file, i+1, name)
				}
			}
			for _, v := range envVar.FindAllString(line, -1) {
				if envs[v] == "" && !secretEnvs[v] {
					t.Errorf("%s:%d: %s is the variable of no policybot flag", file, i+1, v)
				}
			}
		}
	}

	// `policybot CMD --flag` must name a flag of that very command, in the
	// deploy files and in the operator README.
	for _, file := range append(deployFiles, "README.md") {
		for _, c := range invocations(readDeploy(t, file)) {
			flags, ok := all[c.cmd]
			if !ok {
				continue // prose ("policybot answers …"), not a command line
			}
			for _, name := range c.flags {
				if _, ok := flags[name]; !ok {
					t.Errorf("%s:%d: policybot %s has no flag --%s", file, c.line, c.cmd, name)
				}
			}
		}
	}
}

// TestEnvExample checks deploy/policybot.env.example: every variable is a
// flag's (or TELEGRAM_BOT_TOKEN), every serve setting is listed, and each
// listed value is the flag's built-in default.
func TestEnvExample(t *testing.T) {
	all := allFlags(t)
	byEnv := map[string]helpFlag{}
	for _, flags := range all {
		for _, f := range flags {
			byEnv[f.env] = f
		}
	}
	listed := map[string]string{}
	for i, line := range strings.Split(readDeploy(t, "policybot.env.example"), "\n") {
		m := envAssign.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		name, value := m[1], strings.TrimSpace(m[2])
		if _, dup := listed[name]; dup {
			t.Errorf("policybot.env.example:%d: %s listed twice", i+1, name)
		}
		listed[name] = value
		if secretEnvs[name] {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") || value != "" {
				t.Errorf("policybot.env.example:%d: %s must stay commented out and empty", i+1, name)
			}
			continue
		}
		f, ok := byEnv[name]
		if !ok {
			t.Errorf("policybot.env.example:%d: %s is the variable of no flag", i+1, name)
			continue
		}
		if !defaultMatches(f.def, value) {
			t.Errorf("policybot.env.example:%d: %s=%s, but the default of --%s is %q", i+1, name, value, f.name, f.def)
		}
	}
	serve := all["serve"]
	if len(serve) == 0 {
		t.Fatal("policybot serve --help lists no flags")
	}
	for _, f := range serve {
		if _, ok := listed[f.env]; !ok {
			t.Errorf("policybot.env.example does not list %s (--%s of serve)", f.env, f.name)
		}
	}
}

// defaultMatches compares an example value with a --help default, which
// PrintDefaults leaves out for zero values.
func defaultMatches(def, value string) bool {
	if s, err := strconv.Unquote(value); err == nil {
		value = s
	}
	if def == "" {
		return value == "" || value == "0" || value == "false" || value == "0s"
	}
	return def == value
}

// TestServeHelp checks that serve exists with every flag the deploy files
// rely on, and that its --help shows each flag's environment variable.
func TestServeHelp(t *testing.T) {
	flags := allFlags(t)["serve"]
	var names []string
	for name, f := range flags {
		names = append(names, name)
		want := "[$" + envName(name) + "]"
		if !strings.Contains(f.block, want) {
			t.Errorf("serve --help: -%s does not show %s:\n%s", name, want, f.block)
		}
	}
	sort.Strings(names)
	for _, name := range deployServeFlags {
		if _, ok := flags[name]; !ok {
			t.Errorf("serve has no --%s, which deploy/ relies on (serve flags: %v)", name, names)
		}
	}
}

func TestInvocations(t *testing.T) {
	got := invocations("ExecStart=/usr/local/bin/policybot serve --data-dir ${STATE_DIRECTORY} --token-file=x\n" +
		"run `policybot guide --seeds NEWFILE` first; policybot answers --nothing\n" +
		"RUN /out/policybot guide --json >/dev/null --no\n")
	want := []call{{1, "serve", []string{"data-dir", "token-file"}}, {2, "guide", []string{"seeds"}}, {2, "answers", []string{"nothing"}}, {3, "guide", []string{"json"}}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].cmd != want[i].cmd || strings.Join(got[i].flags, ",") != strings.Join(want[i].flags, ",") {
			t.Errorf("call %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
