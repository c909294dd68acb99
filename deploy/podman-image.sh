#!/usr/bin/env bash
# Builds the registry-free policybot image (deploy/Containerfile) with podman
# from a binary built on this host, then checks it: `policybot ask` inside
# the image, and, when POLICYBOT_TEST_API_URL is set, `serve` against that
# Bot API (the test's fake one) with a data directory as a volume, as user
# 10001 on a read-only root filesystem, detached; the container's name is
# printed on the last line of standard output.
#
# usage: deploy/podman-image.sh [TAG]        (default tag: policybot:local)
#
# Environment:
#   POLICYBOT_BINARY        use this binary instead of building one
#   POLICYBOT_TEST_API_URL  also start serve against this Bot API URL
#   POLICYBOT_TEST_DATA     the data directory to mount for serve (owned by 10001)
#   TELEGRAM_BOT_TOKEN      the token serve is given (with the fake API: its token)
#
# podman runs with the runc runtime (crun is not needed), and the host's
# /etc/containers/containers.conf must say `[containers] default_ulimits = []`
# where the machine does not let containers raise their ulimits.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-policybot:local}
podman=(podman --runtime runc)

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
root=$ctx/rootfs
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/usr/share" "$root/data" "$root/tmp"

bin=${POLICYBOT_BINARY:-}
if [ -z "$bin" ]; then
  export PATH="/usr/local/go/bin:$PATH" CGO_ENABLED=1
  bin=$ctx/policybot
  go build -trimpath -ldflags "-s -w" -o "$bin" ./cmd/policybot
fi
install -m 0755 "$bin" "$root/usr/local/bin/policybot"

# The shared libraries the binary links, with the dynamic loader, at the
# paths the binary and ld.so look them up by.
for lib in $(ldd "$bin" | awk '/=> \//{print $3} /^[ \t]*\/[^ ]+ \(/{print $1}'); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
cp -a /usr/share/zoneinfo "$root/usr/share/"
printf 'root:x:0:0:root:/:/sbin/nologin\npolicybot:x:10001:10001:policybot:/data:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\npolicybot:x:10001:\n' >"$root/etc/group"
chown 10001:10001 "$root/data" && chmod 0700 "$root/data"
chmod 1777 "$root/tmp"

"${podman[@]}" build --quiet -f deploy/Containerfile -t "$tag" "$ctx" >/dev/null
echo "built $tag"

# ask: the whole pipeline (guide, index, search) inside the image, as
# 10001 on a read-only root, the index built in a throw-away /data.
mkdir -m 0700 "$ctx/askdata" && chown 10001:10001 "$ctx/askdata"
out=$("${podman[@]}" run --rm --read-only --user 10001:10001 --network none \
  -v "$ctx/askdata:/data" "$tag" ask 社保能缓交吗)
grep -q '^decision: measure' <<<"$out" || { echo "policybot ask in the image did not decide on a measure:" >&2; echo "$out" >&2; exit 1; }
echo "ask ok"

if [ -n "${POLICYBOT_TEST_API_URL:-}" ]; then
  name=policybot-test-$$-$RANDOM
  "${podman[@]}" run -d --name "$name" --read-only --user 10001:10001 --network host \
    -v "${POLICYBOT_TEST_DATA:?set POLICYBOT_TEST_DATA to the data directory}:/data" \
    -e TELEGRAM_BOT_TOKEN --cap-drop all --security-opt no-new-privileges \
    "$tag" serve --api-url "$POLICYBOT_TEST_API_URL" --admin-listen 127.0.0.1:0 --log-format text >/dev/null
  echo "$name"
fi
