#!/usr/bin/env bash
# Runs the whole TrainingHub test suite against throwaway services:
#   - a private PostgreSQL cluster on a free port (trust auth, fsync off),
#   - an SMTP sink (aiosmtpd) that stores every message in a Maildir,
#   - the system Chromium for browser tests.
# Missing Debian packages are installed with apt-get (root only).
# Extra arguments are passed to `dotnet test`.
# The last line of output is always "N passed, N failed"; the exit code is
# non-zero when a test failed or the build/run did not succeed.
set -euo pipefail

cd "$(dirname "$0")"

PASSED=0
FAILED=0
FAILED_NAMES=""
WORKDIR=""     # test log and Maildir
PGDATA=""      # separate, because it must be owned by the postgres user
PG_BIN=""
PG_STARTED=""
SMTP_PID=""

log() { echo "test.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# ---------------------------------------------------------------- packages

initdb_path() { compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1; }
have_postgres() { [[ -n "$(initdb_path)" ]]; }
have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_aiosmtpd() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; }
have_poppler() { command -v pdftotext >/dev/null; }

# Installs only what is missing, so repeated runs on a prepared machine
# do not touch apt at all.
install_missing_packages() {
  local lean=() full=()
  have_postgres || lean+=(postgresql)
  have_aiosmtpd || lean+=(python3-aiosmtpd)
  have_poppler || lean+=(poppler-utils)
  # Chromium gets its recommends (fonts etc.) so pages render like in a normal browser.
  have_chromium || full+=(chromium)
  (( ${#lean[@]} + ${#full[@]} )) || return 0

  [[ $EUID -eq 0 ]] || die "missing packages: ${lean[*]} ${full[*]} - install them (sudo apt-get install ...) or run as root"
  log "installing ${lean[*]} ${full[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if (( ${#lean[@]} )); then apt-get install -y -qq --no-install-recommends "${lean[@]}"; fi
  if (( ${#full[@]} )); then apt-get install -y -qq "${full[@]}"; fi
}

# ---------------------------------------------------------------- services

# Prints two distinct free TCP ports; both sockets are open at the same time,
# so the kernel cannot hand out the same port twice.
free_ports() {
  /usr/bin/python3 - <<'EOF'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

# Runs a PostgreSQL tool as the postgres user when we are root (the server
# refuses to run as root); otherwise as ourselves. cd / because postgres may
# not be allowed to enter the caller's directory (e.g. below /root).
as_pg_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

start_postgres() {
  local port=$1
  PG_BIN=$(dirname "$(initdb_path)")
  PGDATA=$(mktemp -d -t traininghub-pg.XXXXXX)
  if [[ $EUID -eq 0 ]]; then chown postgres: "$PGDATA"; fi
  # UTF-8 with a locale that always exists, independent of the caller's LANG.
  as_pg_owner "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null \
    || die "initdb failed"
  PG_STARTED=1
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/log" \
    -o "-p $port -k $PGDATA -c fsync=off -c listen_addresses=127.0.0.1" start >/dev/null \
    || { cat "$PGDATA/log" >&2 || true; die "PostgreSQL did not start"; }
  # Trust auth: the password is ignored but keeps connection-string parsers happy.
  export TRAININGHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Include Error Detail=true"
}

wait_for_port() {
  local port=$1 pid=$2 i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

start_smtp_sink() {
  local port=$1 maildir=$WORKDIR/mail
  mkdir -p "$maildir"/{tmp,new,cur}
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" \
    >"$WORKDIR/smtp.log" 2>&1 &
  SMTP_PID=$!
  wait_for_port "$port" "$SMTP_PID" || { cat "$WORKDIR/smtp.log" >&2; die "SMTP sink did not start"; }
  export TRAININGHUB_TEST_SMTP_HOST=127.0.0.1
  export TRAININGHUB_TEST_SMTP_PORT=$port
  export TRAININGHUB_TEST_MAILDIR=$maildir
}

# Idempotent and quiet: runs from the EXIT trap, after success or failure.
cleanup() {
  if [[ -n $SMTP_PID ]]; then
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
  fi
  if [[ -n $PG_STARTED ]]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    PG_STARTED=""
  fi
  if [[ -n $PGDATA ]]; then rm -rf "$PGDATA"; fi
  if [[ -n $WORKDIR ]]; then rm -rf "$WORKDIR"; fi
  PGDATA="" WORKDIR=""
}

# Cleanup first, then the summary, so the summary is always the last line.
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  cleanup
  echo "$PASSED passed, $FAILED failed${FAILED_NAMES:+: $FAILED_NAMES}"
  exit "$rc"
}

# ---------------------------------------------------------------- tests

# Prints "<succeeded> <failed>" from the last "Test run summary:" block that
# Microsoft.Testing.Platform writes, or nothing when there is none
# (e.g. the build failed before any test ran).
parse_summary() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^[[:space:]]*Test run summary:/ { found = 1; ok = 0; bad = 0; next }
    found && /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { sub(/^[[:space:]]*succeeded:[[:space:]]*/, ""); ok = $0 + 0 }
    found && /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { sub(/^[[:space:]]*failed:[[:space:]]*/, "");    bad = $0 + 0 }
    END { if (found) print ok, bad }'
}

# Prints the names of the failed tests (class and method, without the namespace) on one line.
failed_tests() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^failed / {
      line = substr($0, 8); sub(/^\([a-z]+\) /, "", line); sub(/ \([0-9][^()]*\)$/, "", line)
      args = ""; if ((i = index(line, "(")) > 0) { args = substr(line, i); line = substr(line, 1, i - 1) }
      n = split(line, part, "."); names = names (names ? ", " : "") part[n - 1] "." part[n] args
    }
    END { print names }'
}

run_tests() {
  local test_log=$WORKDIR/dotnet-test.log rc=0 out counts
  export TRAININGHUB_TEST_CHROMIUM=/usr/bin/chromium
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

  out=$(dotnet tool restore 2>&1) || { echo "$out" >&2; die "dotnet tool restore failed"; }
  # global.json selects Microsoft.Testing.Platform, hence --solution (unless the caller picked a project). The test
  # projects run one after another: run beside the others on two cores, the browser journeys' steps timed out now and then.
  local target=(--solution TrainingHub.sln --max-parallel-test-modules 1) arg
  for arg in "$@"; do
    if [[ $arg == --project || $arg == --solution ]]; then target=(); fi
  done
  dotnet test "${target[@]}" "$@" 2>&1 | tee "$test_log" || rc=$?

  counts=$(parse_summary "$test_log")
  if [[ -z $counts ]]; then
    die "no test summary found: the build or the test run failed (exit code $rc)"
  fi
  read -r PASSED FAILED <<<"$counts"
  # The summary line names what failed, so a log that shows only its last lines still says where to look.
  FAILED_NAMES=$(failed_tests "$test_log")
  if (( rc != 0 )); then
    die "dotnet test exited with code $rc"
  fi
  (( FAILED == 0 )) || die "$FAILED test(s) failed"
}

main() {
  trap on_exit EXIT
  trap 'log interrupted; exit 130' INT
  trap 'log terminated; exit 143' TERM

  install_missing_packages
  WORKDIR=$(mktemp -d -t traininghub-test.XXXXXX)
  local ports pg_port smtp_port
  ports=$(free_ports)
  read -r pg_port smtp_port <<<"$ports"
  start_postgres "$pg_port"
  start_smtp_sink "$smtp_port"
  run_tests "$@"
}

main "$@"
