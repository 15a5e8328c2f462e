#!/usr/bin/env bash
# Runs a command with SELLKIT_PG_URL pointing at a PostgreSQL database.
#
#   scripts/with-postgres.sh pnpm vitest run
#
# When SELLKIT_PG_URL is already set the command just runs. Otherwise a throwaway server is
# started on 127.0.0.1 (trust auth on loopback only, data and socket in a temp dir), database
# `sellkit_test` is created, the command runs, and the server and its files are removed on exit.
# The script exits with the command's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 64
fi

if [ -n "${SELLKIT_PG_URL:-}" ]; then
  exec "$@"
fi

# runuser, useradd and friends live in /usr/sbin, which a plain user shell may not have on PATH.
for dir in /usr/sbin /sbin; do
  case ":$PATH:" in
    *":$dir:"*) ;;
    *) [ -d "$dir" ] && PATH="$PATH:$dir" ;;
  esac
done
export PATH

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

PG_BIN="$(find_pg_bin || true)"
if [ -z "$PG_BIN" ]; then
  echo "with-postgres: PostgreSQL not found, installing it with apt-get" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: installing PostgreSQL needs root (or set SELLKIT_PG_URL)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  PG_BIN="$(find_pg_bin)"
fi

# initdb refuses to run as root: run the server as the `postgres` user when we are root.
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  RUN_AS=(runuser -u postgres --)
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
PORT="${SELLKIT_PG_PORT:-54329}"
while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
done

TMP_DIR="$(mktemp -d -t sellkit-pg.XXXXXX)"
chmod 755 "$TMP_DIR"
DATA_DIR="$TMP_DIR/data"
mkdir -p "$DATA_DIR"
if [ "${#RUN_AS[@]}" -gt 0 ]; then
  chown -R postgres "$TMP_DIR"
fi

cleanup() {
  local status=$?
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C >"$TMP_DIR/initdb.log" 2>&1 || {
  cat "$TMP_DIR/initdb.log" >&2
  exit 1
}

# Throwaway test server: durability is irrelevant, speed and many connections are not.
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$TMP_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP_DIR -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
  start >/dev/null || {
  cat "$TMP_DIR/server.log" >&2
  exit 1
}

for _ in $(seq 1 60); do
  if "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
    break
  fi
  sleep 0.5
done

"${RUN_AS[@]}" "$PG_BIN/createdb" -h "$TMP_DIR" -p "$PORT" -U postgres sellkit_test

export SELLKIT_PG_URL="postgres://postgres@127.0.0.1:$PORT/sellkit_test"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
