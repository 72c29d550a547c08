#!/usr/bin/env bash
# Install (as root, from Debian packages, when missing) what the test suite needs: Chromium for the
# browser tests, and the PostgreSQL and Redis servers it runs against, which this starts on
# loopback ports of their own.
# Writes var/test-services/env with TEST_POSTGRES_URL and TEST_REDIS_URL. `stop` stops them.
#
# The servers' data lives in the system's /tmp, in a folder named after this clone, not inside
# the clone: PostgreSQL runs as the `postgres` user, who cannot enter a clone under root's home
# (private on Debian) or under a private temporary folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/var/test-services"
data="/tmp/worklocal-test-services-$(printf %s "$root" | sha1sum | cut -c1-12)"
pg_port="${TEST_PG_PORT:-55432}"
redis_port="${TEST_REDIS_PORT:-56379}"
mkdir -p "$dir" "$data"
chmod 755 "$data"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# From /, which the postgres user can always enter (a private clone it cannot).
as_postgres() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

if [ "${1:-start}" = stop ]; then
  if [ -d "$data/pg" ] && [ -n "$(pg_bin)" ]; then as_postgres "$(pg_bin)/pg_ctl" -D "$data/pg" -m fast stop || true; fi
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  exit 0
fi

missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
# The widget's browser tests drive Debian's Chromium (Playwright cannot download its own here).
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} from Debian packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install ${missing[*]} (apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
fi

bin="$(pg_bin)"
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  rm -rf "$data/pg" "$data/pgsock"
  mkdir -p "$data/pg" "$data/pgsock"
  [ "$(id -u)" = 0 ] && chown postgres "$data/pg" "$data/pgsock"
  if ! as_postgres test -x "$data/pg"; then
    echo "The postgres user cannot reach $data; make /tmp usable by all users (mode 1777)." >&2
    exit 1
  fi
  as_postgres "$bin/initdb" -D "$data/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$data/pg" -l "$data/pg/server.log" -w start \
    -o "-p $pg_port -k $data/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
fi
if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "select 1 from pg_database where datname='worklocal_test'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database worklocal_test" >/dev/null
fi

if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --dir "$data" --logfile "$data/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

cat > "$dir/env" <<ENV
export TEST_POSTGRES_URL=postgresql+psycopg2://postgres@127.0.0.1:$pg_port/worklocal_test
export TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0
ENV
echo "Test services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
