# Shared by scripts/compose-up, scripts/compose-down and scripts/compose-test (sourced, not run).
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly DOCKER=/usr/bin/docker
readonly STATE=$ROOT/var/compose
readonly GATEWAY_URL=http://127.0.0.1:18080
readonly REGISTRY_URL=http://127.0.0.1:15000
# One project name whatever the checkout's directory is called (docker-compose's default).
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-strata}
export COMPOSE_FILE=$ROOT/docker-compose.yml
# docker-compose 1.29 builds through the Engine API (docker-py), not through a `docker` binary on
# PATH, so /usr/local/bin/docker (no buildx) never gets involved.
export COMPOSE_DOCKER_CLI_BUILD=0

compose() { docker-compose --ansi never "$@"; }

require_tools() {
  local what=$1
  command -v docker-compose >/dev/null ||
    die "$what" "docker-compose is not installed (run scripts/setup as root; it installs Debian's docker-compose 1.29)"
  "$DOCKER" info >/dev/null 2>&1 ||
    die "$what" "the Docker engine does not answer on /var/run/docker.sock (run scripts/setup as root)"
}
