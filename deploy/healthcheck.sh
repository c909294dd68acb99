#!/bin/bash
# Container health probe for deploy/Dockerfile and deploy/docker-compose.yml:
# GET /healthz on policybot's admin listener, exit 0 on HTTP 200.
#
# Plain bash (/dev/tcp), because debian:bookworm-slim has neither curl nor
# wget and bash is always there; installing curl only for this would add a
# network client and its libraries to the image. The port is taken from
# POLICYBOT_ADMIN_LISTEN, the same variable serve reads, so moving the admin
# listener cannot silently break the probe. Docker's --timeout bounds the
# whole probe; the read below has its own limit as well.
set -u

addr=${POLICYBOT_ADMIN_LISTEN:-127.0.0.1:9090}
port=${addr##*:}
host=${addr%:*}
host=${host#[}
host=${host%]}
case $host in
  "" | 0.0.0.0 | ::) host=127.0.0.1 ;; # listening on all addresses: probe loopback
esac

if ! { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null; then
  echo "healthcheck: cannot connect to $host:$port (admin listener not up yet?)"
  exit 1
fi
printf 'GET /healthz HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3

if ! IFS= read -r -t 4 status <&3; then
  echo "healthcheck: no answer from $host:$port"
  exit 1
fi
status=${status%$'\r'}
case $status in
  "HTTP/1."[01]" 200 "*) exit 0 ;;
esac
# Unhealthy: show the status and the reason in the body (docker inspect shows it).
body=""
while IFS= read -r -t 1 line <&3; do
  line=${line%$'\r'}
  [ -z "$line" ] && break # end of headers
done
IFS= read -r -t 1 -n 300 body <&3 || true
echo "healthcheck: $status ${body}"
exit 1
