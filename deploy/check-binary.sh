#!/usr/bin/env bash
# Proves that the policybot binary is self-contained: copied alone into an
# empty directory, with a fresh HOME, no Go toolchain on PATH and the Go
# environment pointing nowhere, it still answers a question (the seed, the
# lexicon and the jieba dictionaries are all embedded), and a damaged
# operator dictionary (--dict-dir) is a clear error, not an abort/core dump.
#
# Usage: deploy/check-binary.sh        (from anywhere; needs go and g++)
# One build (~5 s with a warm Go cache, ~1.5 min cold on 2 cores), then a few
# runs of ~2 s each.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="/usr/local/go/bin:$PATH"
go=$(command -v go) || { echo "check-binary: go not found" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

checks=()
pass() { checks+=("$1"); echo "  ok: $1"; }
fail() {
  echo "check-binary: FAIL: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then sed 's/^/    | /' "$2" | head -n 40 >&2; fi
  exit 1
}

echo "== build"
(cd "$repo" && CGO_ENABLED=1 "$go" build -trimpath -o "$tmp/bin/policybot" ./cmd/policybot)
echo "  built $(du -h "$tmp/bin/policybot" | cut -f1) binary"

# Which shared libraries the binary needs: the runtime image (deploy/Dockerfile)
# installs exactly these (libstdc++6; libc6 and libgcc-s1 are in every Debian).
if command -v readelf >/dev/null 2>&1; then
  needed=$(readelf -d "$tmp/bin/policybot" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
  echo "  NEEDED: $needed"
  for lib in $needed; do
    case $lib in
      libc.so.6 | libm.so.6 | libstdc++.so.6 | libgcc_s.so.1 | libpthread.so.0 | libdl.so.2 | libresolv.so.2) ;;
      *) fail "binary links $lib, which deploy/Dockerfile does not install" ;;
    esac
  done
  pass "links only libc/libm/libstdc++/libgcc_s (what the runtime image has)"
fi

# -trimpath must leave no absolute build path inside the binary (gojieba, for
# one, would otherwise default to dictionaries under the module cache).
for p in "$repo" "$("$go" env GOMODCACHE)" "$("$go" env GOROOT)"; do
  if grep -q -a -F "$p/" "$tmp/bin/policybot"; then
    fail "binary contains the build path $p/"
  fi
done
pass "no build path (repo, GOMODCACHE, GOROOT) in the binary"

# The sandbox: an empty directory holding only the binary, a fresh HOME, no
# go on PATH (an empty PATH directory), Go's variables pointing nowhere.
run=$tmp/run
mkdir -p "$run" "$tmp/home" "$tmp/emptypath"
cp "$tmp/bin/policybot" "$run/policybot"
sandbox() {
  (cd "$run" && env -i \
    HOME="$tmp/home" \
    PATH="$tmp/emptypath" \
    GOMODCACHE=/nonexistent/gomodcache GOPATH=/nonexistent/gopath GOROOT=/nonexistent/goroot \
    GOFLAGS=-mod=mod LANG=C.UTF-8 \
    "$@")
}
if sandbox /bin/sh -c 'command -v go' >/dev/null 2>&1; then
  fail "go is still reachable on the sandbox PATH"
fi

echo "== run in the sandbox ($run, HOME=$tmp/home, PATH without go)"
# strace, where it works, shows that nothing outside the sandbox but system
# files is opened; without it the fresh directories make the same point.
trace=()
if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true >/dev/null 2>&1; then
  trace=("$(command -v strace)" -f -qq -e trace=%file -o "$tmp/trace")
fi
set +e
sandbox "${trace[@]}" ./policybot ask --data-dir ./data 社保缓缴 >"$tmp/ask.out" 2>"$tmp/ask.err"
code=$?
set -e
[ "$code" -eq 0 ] || fail "policybot ask exited $code" "$tmp/ask.err"
grep -q 'measure 2 ' "$tmp/ask.out" || fail "ask 社保缓缴 does not list measure 2" "$tmp/ask.out"
grep -q '010-69050322' "$tmp/ask.out" || fail "ask 社保缓缴 does not print 010-69050322" "$tmp/ask.out"
pass "./policybot ask --data-dir ./data 社保缓缴 → exit 0, measure 2, 010-69050322"

dictdir=$(find "$run/data/jieba" -mindepth 1 -maxdepth 1 -type d | head -n 1)
if [ -z "$dictdir" ] || [ ! -s "$dictdir/jieba.dict.utf8" ]; then
  fail "no dictionaries unpacked under $run/data/jieba"
fi
pass "embedded dictionaries unpacked to data/jieba/$(basename "$dictdir")/"
written=$(find "$tmp/home" -mindepth 1 | head -n 5)
if [ -n "$written" ]; then
  fail "the binary wrote into HOME: $written"
fi
pass "nothing written to HOME"

if [ ${#trace[@]} -gt 0 ]; then
  for p in "$repo" "$("$go" env GOMODCACHE)" "$("$go" env GOROOT)" "$("$go" env GOCACHE)"; do
    if grep -F "\"$p/" "$tmp/trace" >"$tmp/trace.hits"; then
      fail "the binary opened files under $p" "$tmp/trace.hits"
    fi
  done
  pass "strace: no file opened under the repo, GOMODCACHE, GOROOT or GOCACHE"
else
  echo "  (strace unavailable: file-access trace skipped)"
fi

sandbox ./policybot guide --json >"$tmp/guide.json" 2>"$tmp/guide.err" || fail "policybot guide --json failed" "$tmp/guide.err"
grep -q '"measures"' "$tmp/guide.json" || fail 'guide --json has no "measures"' "$tmp/guide.json"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert isinstance(g["measures"], list) and g["measures"]' "$tmp/guide.json" ||
    fail "guide --json is not a JSON document with measures" "$tmp/guide.json"
fi
pass "./policybot guide --json → JSON with \"measures\""

echo "== damaged dictionaries given by --dict-dir"
# Each must fail with a message naming the dictionary, never abort (134) or
# crash. cppjieba itself calls abort() on malformed input; the binary has to
# catch this before cppjieba reads the file.
damage() { # name, then a command run in the copy's directory
  local name=$1
  shift
  rm -rf "$run/baddict"
  cp -r "$dictdir" "$run/baddict"
  (cd "$run/baddict" && "$@")
  set +e
  sandbox ./policybot ask --data-dir ./data2 --dict-dir ./baddict 社保缓缴 >"$tmp/bad.out" 2>"$tmp/bad.err"
  code=$?
  set -e
  case $code in
    0) fail "$name: exit 0 with a damaged dictionary" "$tmp/bad.out" ;;
    12[89] | 1[3-9][0-9] | 2[0-9][0-9]) fail "$name: killed by a signal (exit $code), not a clean error" "$tmp/bad.err" ;;
  esac
  grep -qi 'dictionary' "$tmp/bad.err" || fail "$name: the error does not mention the dictionary" "$tmp/bad.err"
  ls "$run"/core* >/dev/null 2>&1 && fail "$name: core dump left in $run"
  pass "$name → exit $code: $(head -c 160 "$tmp/bad.err" | head -n 1)"
}
# A download cut off in the middle of a line: the last line lacks its tag.
# shellcheck disable=SC2016 # expanded by the inner shell
damage "jieba.dict.utf8 truncated mid-line" sh -c 'head -n 1000 jieba.dict.utf8 >t && printf "社保缓缴 12" >>t && mv t jieba.dict.utf8'
# Binary garbage (a slice of the binary itself, so the run is reproducible).
# shellcheck disable=SC2016
damage "jieba.dict.utf8 overwritten with binary data" sh -c 'head -c 65536 ../policybot >jieba.dict.utf8'
damage "hmm_model.utf8 missing" rm hmm_model.utf8

echo "== check-binary: all ${#checks[@]} checks passed"
