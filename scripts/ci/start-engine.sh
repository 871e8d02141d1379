#!/usr/bin/env bash
# Installs (when missing) and starts a real Docker engine and a loopback registry for the engine and
# pinning tests. Idempotent: returns at once when both already answer. Fails loudly, never skips.
# Env: REGISTRY_ADDR (default 127.0.0.1:5055), STATE_DIR (default /tmp/container-hygiene-ci).
set -euo pipefail
REGISTRY_ADDR=${REGISTRY_ADDR:-127.0.0.1:5055}
STATE_DIR=${STATE_DIR:-/tmp/container-hygiene-ci}
mkdir -p "$STATE_DIR"

need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v docker-registry >/dev/null || need+=(docker-registry)
[ -x /bin/busybox ] || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$STATE_DIR/apt.log" 2>&1 || { tail -20 "$STATE_DIR/apt.log"; exit 1; }
fi

if ! docker info >/dev/null 2>&1; then
  echo "starting dockerd"
  nohup dockerd --iptables=false --storage-driver=vfs >"$STATE_DIR/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start; log:" >&2; tail -30 "$STATE_DIR/dockerd.log" >&2; exit 1; }
fi

if ! curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; then
  echo "starting registry on $REGISTRY_ADDR"
  mkdir -p "$STATE_DIR/registry"
  cat >"$STATE_DIR/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
log:
  level: warn
YAML
  nohup docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 &
  for _ in $(seq 1 40); do curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && break; sleep 0.25; done
  curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null || { echo "registry did not start; log:" >&2; tail -30 "$STATE_DIR/registry.log" >&2; exit 1; }
fi
echo "engine: $(docker version --format '{{.Server.Version}}'), registry: http://$REGISTRY_ADDR"
