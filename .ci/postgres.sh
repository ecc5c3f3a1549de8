#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the ledger tests.
#
#   eval "$(bash .ci/postgres.sh start)"   # prints export lines for PATCHPIPELINE_TEST_PG_URL
#   bash .ci/postgres.sh stop              # stops the cluster named by PATCHPIPELINE_TEST_PG_DIR
#
# The cluster lives in a new temporary folder, listens on 127.0.0.1 only, on a free port, and
# trusts local connections: it holds nothing but test data and is deleted by "stop". PostgreSQL
# refuses to run as root, so as root the server runs as the "postgres" user of the Debian package.
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    echo "postgres.sh: PostgreSQL is not installed; install the Debian package postgresql" >&2
    exit 1
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/patchpipeline-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U ledger --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
    start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U ledger ledger_test
  echo "export PATCHPIPELINE_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/ledger_test?user=ledger'"
  echo "export PATCHPIPELINE_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${PATCHPIPELINE_TEST_PG_DIR:-}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "postgres.sh: PATCHPIPELINE_TEST_PG_DIR does not name a cluster started by this script" >&2
    exit 1
  fi
  as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: bash .ci/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
