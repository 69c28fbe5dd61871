# shellcheck shell=bash
# Helpers shared by deploy/local/rapport: output, processes, ports, downloads, packages.
# Sourced, not run; expects ROOT, LOCAL, RUN and LOGS to be set.

log()  { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'rapport: warning: %s\n' "$*" >&2; }
die()  { printf 'rapport: error: %s\n' "$*" >&2; exit 1; }

now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
# Seconds elapsed since a value of now(), one decimal.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

is_root() { ((EUID == 0)); }

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
    local port=$1 what=$2
    if port_open "$port"; then
        die "port $port (for $what) is already taken by a process that rapport did not start." \
            "Stop it, or find it with: ss -ltnp 'sport = :$port'"
    fi
}

http_ok() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null) == 200 ]]; }

# True while process PID exists and is not a zombie (an exited child that no one reaped yet,
# which kill -0 still reports as alive). Reads with the read builtin: under set -e, bash 5.2
# aborts the whole script when $(<file) meets a missing file, whatever follows it.
pid_alive() {
    local stat
    { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

# Prints the pid recorded in FILE (first line) when that process is alive and its command line
# contains MARKER, a path under .local or the repository. The marker guards against a stale pid
# file whose number now belongs to an unrelated process.
our_pid() {
    local file=$1 marker=$2 pid
    [[ -r $file ]] || return 1
    read -r pid <"$file" || return 1
    [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
    printf '%s\n' "$pid"
}

# start_bg PIDFILE LOGFILE COMMAND...: runs COMMAND detached in its own session (so it outlives
# this script and can be stopped as a process group), appending its output to LOGFILE.
start_bg() {
    local pidfile=$1 logfile=$2
    shift 2
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    rm -f "$pidfile"
    printf '\n=== %s rapport: starting %s\n' "$(date -Is)" "$*" >>"$logfile"
    # The child records its own pid: with setsid, $! could be a short-lived parent.
    # shellcheck disable=SC2016 # $$ and $@ belong to the child shell
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
    for _ in {1..50}; do
        [[ -s $pidfile ]] && return 0
        sleep 0.1
    done
    die "could not start: $*"
}

# stop_pid NAME PIDFILE MARKER [SECONDS]: SIGTERM to the process group, then SIGKILL after SECONDS.
stop_pid() {
    local name=$1 pidfile=$2 marker=$3 grace=${4:-30} pid
    if ! pid=$(our_pid "$pidfile" "$marker"); then
        rm -f "$pidfile"
        return 0
    fi
    info "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.3; done
    if pid_alive "$pid"; then
        warn "$name did not stop within ${grace}s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

show_log_tail() {
    local logfile=$1
    [[ -f $logfile ]] || return 0
    printf -- '--- last lines of %s ---\n' "$logfile" >&2
    tail -n 40 "$logfile" >&2
    printf -- '---\n' >&2
}

# wait_for DESC SECONDS PID LOGFILE COMMAND...: polls COMMAND until it succeeds; fails early with
# the log tail when process PID (if given) dies.
wait_for() {
    local desc=$1 timeout=$2 pid=$3 logfile=$4
    shift 4
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        if [[ -n $pid ]] && ! pid_alive "$pid"; then
            show_log_tail "$logfile"
            die "$desc exited while starting (log: $logfile)"
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$logfile"
            die "$desc not ready after ${timeout}s (log: $logfile)"
        fi
        sleep 0.5
    done
}

# Runs the repository's Maven wrapper quietly; the caller names what failed.
mvnw() { "$ROOT/mvnw" -B -q "$@"; }

APT_UPDATED=
apt_install() {
    is_root || die "need root to install $*; run: sudo apt-get install -y $*"
    log "Installing $* (apt)"
    if [[ -z $APT_UPDATED ]]; then
        apt-get update -qq || die "apt-get update failed"
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || die "apt-get install $* failed"
}

# ensure_commands CMD:PACKAGE...: installs, in one apt run, the packages of missing commands.
ensure_commands() {
    local spec missing=()
    for spec in "$@"; do
        command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}")
    done
    ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
}

file_hash() { sha256sum "$@" | awk '{ print $1 }' | sha256sum | cut -c1-64; }

# kubectl renders the Kubernetes manifests in the tests of deploy/k8s (they need kustomize 5, so
# kubectl 1.27 or later, and say so when the one installed is older). The machines' images have
# it; otherwise the distribution's package: kubectl where a repository offers it, else Debian's
# kubernetes-client.
ensure_kubectl() {
    command -v kubectl >/dev/null 2>&1 && return 0
    is_root || die "kubectl is required (1.27 or later) to test deploy/k8s; install it"
    if [[ -z $APT_UPDATED ]]; then
        apt-get update -qq || die "apt-get update failed"
        APT_UPDATED=1
    fi
    if apt-cache show kubectl >/dev/null 2>&1; then
        apt_install kubectl
    else
        apt_install kubernetes-client
    fi
}

# Each service's JVM, and the benchmark twin's, for a like-for-like comparison. A service's live
# heap is 30-40 MB: the heap starts small and grows to 256 MB only for a large import. The serial
# collector, which the JVM itself picks in a pod limited to one CPU: G1's own structures took
# 42 MB of a 420 MB service under load (NMT), and the serial collector's pauses on a heap this
# size are milliseconds. Start with MALLOC_ARENA_MAX=2: glibc's default of an arena per thread's
# core fragments the native heap across threads. Measured (deploy/bench): the services under load
# took 340-449 MB RSS before, 283-361 MB after.
SERVICE_JVM_OPTIONS=(-Xms64m -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8)
