#!/usr/bin/env bash
# Install (as root, from Debian packages, when missing) what the test suite needs: Chromium for the
# browser tests, and the PostgreSQL and Redis servers it runs against, which this starts on
# loopback ports of their own, with data under var/test-services.
# Writes var/test-services/env with TEST_POSTGRES_URL and TEST_REDIS_URL. `stop` stops them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/var/test-services"
pg_port="${TEST_PG_PORT:-55432}"
redis_port="${TEST_REDIS_PORT:-56379}"
mkdir -p "$dir"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-start}" = stop ]; then
  if [ -d "$dir/pg" ] && [ -n "$(pg_bin)" ]; then as_postgres "$(pg_bin)/pg_ctl" -D "$dir/pg" -m fast stop || true; fi
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
  rm -rf "$dir/pg" "$dir/pgsock"
  mkdir -p "$dir/pg" "$dir/pgsock"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg" "$dir/pgsock"
  as_postgres "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w start \
    -o "-p $pg_port -k $dir/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
fi
if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "select 1 from pg_database where datname='worklocal_test'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database worklocal_test" >/dev/null
fi

if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --dir "$dir" --logfile "$dir/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

cat > "$dir/env" <<ENV
export TEST_POSTGRES_URL=postgresql+psycopg2://postgres@127.0.0.1:$pg_port/worklocal_test
export TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0
ENV
echo "Test services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
