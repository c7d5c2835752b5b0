# shellcheck shell=bash disable=SC2016
# (SC2016: probes run bash -c '...' with positional parameters, and start commands are printed verbatim.)
# Shared helpers for ./emporium and .ci/run: finding a JDK >= 25, and checking or starting the local
# PostgreSQL, RabbitMQ and Redis. Source it; it defines functions and a few settings, nothing else.

EMPORIUM_MIN_JAVA=25
# Where JDKs are looked for when JAVA_HOME is not one (override to test the failure path).
EMPORIUM_JVM_DIR="${EMPORIUM_JVM_DIR:-/usr/lib/jvm}"

EMPORIUM_PG_HOST="${EMPORIUM_PG_HOST:-127.0.0.1}"
EMPORIUM_PG_PORT="${EMPORIUM_PG_PORT:-5432}"
EMPORIUM_PG_SUPERUSER="${EMPORIUM_PG_SUPERUSER:-postgres}"
EMPORIUM_RABBIT_HOST="${EMPORIUM_RABBIT_HOST:-127.0.0.1}"
EMPORIUM_RABBIT_PORT="${EMPORIUM_RABBIT_PORT:-5672}"
EMPORIUM_REDIS_HOST="${EMPORIUM_REDIS_HOST:-127.0.0.1}"
EMPORIUM_REDIS_PORT="${EMPORIUM_REDIS_PORT:-6379}"

em_say() { printf '%s\n' "$*" >&2; }
em_warn() { printf 'emporium: warning: %s\n' "$*" >&2; }
em_die() {
  printf 'emporium: %s\n' "$*" >&2
  exit 1
}

# Seconds since the epoch with microseconds (bash 5's EPOCHREALTIME, else date).
em_now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    printf '%s\n' "${EPOCHREALTIME/,/.}"
  else
    date +%s.%N
  fi
}

# em_elapsed START [END]: seconds between two em_now values, one decimal.
em_elapsed() {
  local end="${2:-$(em_now)}"
  awk -v a="$1" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

# em_proc_alive PID: a live process that is not a zombie.
em_proc_alive() {
  local state
  [[ -r "/proc/$1/stat" ]] || return 1
  state="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# ---------------------------------------------------------------------------------------------------
# JDK

# em_java_version HOME: the JAVA_VERSION of a JDK home ("25.0.3"), from its release file, else from
# running its java. Prints nothing when HOME is not a JDK.
em_java_version() {
  local home="$1" v=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" | head -n 1)" || true
  fi
  if [[ -z "$v" ]]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)" || true
  fi
  printf '%s\n' "$v"
}

# em_java_major VERSION: 25 for "25.0.3", 8 for "1.8.0_412", 0 when unknown.
em_java_major() {
  local v="$1" major
  [[ "$v" == 1.* ]] && v="${v#1.}"
  major="${v%%[!0-9]*}"
  printf '%s\n' "${major:-0}"
}

# em_find_jdk: sets and exports JAVA_HOME (and PATH) to a JDK >= 25: JAVA_HOME when it is one, else the
# newest under $EMPORIUM_JVM_DIR whose release file says so. Prints why and returns 1 when none.
em_find_jdk() {
  local v candidate best="" best_v="" why=""
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v="$(em_java_version "$JAVA_HOME")"
    if [[ -z "$v" ]]; then
      why="JAVA_HOME ($JAVA_HOME) is not a JDK (no bin/java)"
    elif (($(em_java_major "$v") >= EMPORIUM_MIN_JAVA)); then
      best="$JAVA_HOME" best_v="$v"
    else
      why="JAVA_HOME ($JAVA_HOME) is JDK $v"
    fi
  fi
  if [[ -z "$best" ]]; then
    local found=""
    for candidate in "$EMPORIUM_JVM_DIR"/*/; do
      candidate="${candidate%/}"
      [[ -r "$candidate/release" ]] || continue
      v="$(em_java_version "$candidate")"
      [[ -n "$v" ]] || continue
      (($(em_java_major "$v") >= EMPORIUM_MIN_JAVA)) || continue
      found+="$v"$'\t'"$candidate"$'\n'
    done
    if [[ -n "$found" ]]; then
      best="$(printf '%s' "$found" | sort -V -k1,1 | tail -n 1)"
      best_v="${best%%$'\t'*}" best="${best#*$'\t'}"
    fi
    if [[ -n "$best" && -n "$why" ]]; then
      em_say "emporium: $why; using JDK $best_v from $best instead"
    fi
  fi
  if [[ -z "$best" ]]; then
    em_say "emporium: no JDK $EMPORIUM_MIN_JAVA or newer found."
    [[ -n "$why" ]] && em_say "  $why."
    em_say "  Nothing under $EMPORIUM_JVM_DIR has a release file with JAVA_VERSION >= $EMPORIUM_MIN_JAVA."
    em_say "  Install a Temurin or OpenJDK $EMPORIUM_MIN_JAVA JDK and set JAVA_HOME to it, e.g."
    em_say "    export JAVA_HOME=/path/to/jdk-$EMPORIUM_MIN_JAVA"
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  EMPORIUM_JAVA_VERSION="$best_v"
  export EMPORIUM_JAVA_VERSION
}

# em_require_maven: Maven on PATH. Also quiets the sun.misc.Unsafe warnings that Maven 3.8's own Guava
# prints on JDK 24+ (call after em_find_jdk).
em_require_maven() {
  command -v mvn >/dev/null 2>&1 || em_die "Maven (mvn, 3.8 or newer) is not on PATH: install it (e.g. the distribution's maven package) and retry."
  if [[ " ${MAVEN_OPTS:-} " != *" --sun-misc-unsafe-memory-access="* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

em_check_maven_version() {
  local v major minor
  v="$(mvn -v 2>/dev/null | sed -n 's/^Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n 1)" || true
  [[ -n "$v" ]] || return 0
  major="${v%%.*}" minor="${v#*.}" minor="${minor%%.*}"
  if ((major < 3 || (major == 3 && minor < 8))); then
    em_die "Maven $v is too old: Emporium needs Maven 3.8 or newer."
  fi
}

# ---------------------------------------------------------------------------------------------------
# PostgreSQL, RabbitMQ, Redis

EMPORIUM_INFRA=(postgresql rabbitmq redis)

em_infra_label() {
  case "$1" in
    postgresql) printf 'PostgreSQL (%s:%s)\n' "$EMPORIUM_PG_HOST" "$EMPORIUM_PG_PORT" ;;
    rabbitmq) printf 'RabbitMQ (%s:%s)\n' "$EMPORIUM_RABBIT_HOST" "$EMPORIUM_RABBIT_PORT" ;;
    redis) printf 'Redis (%s:%s)\n' "$EMPORIUM_REDIS_HOST" "$EMPORIUM_REDIS_PORT" ;;
  esac
}

# The command that starts each one on this kind of machine (Debian packages, no systemd; run as root).
em_infra_start_command() {
  case "$1" in
    postgresql) printf '%s\n' 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' ;;
    rabbitmq) printf '%s\n' 'rabbitmq-server -detached' ;;
    redis) printf '%s\n' "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $EMPORIUM_REDIS_PORT --save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log" ;;
  esac
}

em_pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$EMPORIUM_PG_HOST" -p "$EMPORIUM_PG_PORT" -t 2
  else
    em_tcp_open "$EMPORIUM_PG_HOST" "$EMPORIUM_PG_PORT"
  fi
}

# RabbitMQ answers when it replies to the AMQP 0-9-1 protocol header with a frame (first byte 1 = method).
em_rabbit_up() {
  local first
  first="$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "AMQP\0\0\011\001" >&3
    head -c 1 <&3 | od -An -tx1' _ "$EMPORIUM_RABBIT_HOST" "$EMPORIUM_RABBIT_PORT" 2>/dev/null)" || return 1
  [[ "${first// /}" == "01" ]]
}

em_redis_up() {
  local reply
  if command -v redis-cli >/dev/null 2>&1; then
    reply="$(timeout 3 redis-cli -h "$EMPORIUM_REDIS_HOST" -p "$EMPORIUM_REDIS_PORT" ping 2>/dev/null)" || return 1
  else
    reply="$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/$1/$2" || exit 1
      printf "PING\r\n" >&3
      head -c 5 <&3' _ "$EMPORIUM_REDIS_HOST" "$EMPORIUM_REDIS_PORT" 2>/dev/null)" || return 1
  fi
  [[ "$reply" == *PONG* ]]
}

em_tcp_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

em_infra_up() {
  case "$1" in
    postgresql) em_pg_up ;;
    rabbitmq) em_rabbit_up ;;
    redis) em_redis_up ;;
  esac
}

# em_infra_wait NAME SECONDS: true once NAME answers, false after SECONDS.
em_infra_wait() {
  local name="$1" deadline=$((SECONDS + $2))
  until em_infra_up "$name"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# em_infra_check [WAIT_SECONDS]: every one answers (waiting up to WAIT_SECONDS for each, default 0);
# otherwise prints which does not and how to start it, and returns 1.
em_infra_check() {
  local wait="${1:-0}" name down=()
  for name in "${EMPORIUM_INFRA[@]}"; do
    if ! em_infra_up "$name"; then
      if ((wait > 0)) && em_infra_wait "$name" "$wait"; then
        continue
      fi
      down+=("$name")
    fi
  done
  ((${#down[@]} == 0)) && return 0
  for name in "${down[@]}"; do
    em_say "emporium: $(em_infra_label "$name") does not answer. Start it with:"
    em_say "    $(em_infra_start_command "$name")"
  done
  return 1
}

# em_infra_start NAME: runs the start command for NAME (as on this kind of machine).
em_infra_start() {
  case "$1" in
    postgresql)
      local version="" dir
      for dir in /etc/postgresql/*/; do
        [[ -d "$dir" ]] && version="$(printf '%s\n%s\n' "$version" "$(basename "$dir")" | sort -V | tail -n 1)"
      done
      [[ -n "$version" ]] || {
        em_say "no PostgreSQL cluster under /etc/postgresql"
        return 1
      }
      pg_ctlcluster --skip-systemctl-redirect "$version" main start
      ;;
    rabbitmq)
      rabbitmq-server -detached
      ;;
    redis)
      mkdir -p /var/lib/redis /var/log/redis
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$EMPORIUM_REDIS_PORT" --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log
      ;;
  esac
}
