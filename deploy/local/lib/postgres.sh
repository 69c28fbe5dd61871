# shellcheck shell=bash
# PostgreSQL 15 from Debian, as a private cluster in .local/postgres (never Debian's own cluster).

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=$LOCAL/postgres
PG_DATA=$PG_DIR/data
PG_SOCKET_DIR=$PG_DIR/run
PG_LOG=$LOGS/postgres.log

# initdb and postgres refuse to run as root: as root, run them as Debian's postgres user.
as_postgres() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_pid() { our_pid "$PG_DATA/postmaster.pid" "$PG_DATA"; }

postgres_psql() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

postgres_install() {
    [[ -x $PG_BIN/initdb ]] || apt_install postgresql
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 is not at $PG_BIN after installing it"
}

# The postgres user must be able to reach its data folder through every parent folder.
postgres_make_reachable() {
    is_root || return 0
    local dir=$PG_DIR
    while [[ $dir != / ]]; do
        runuser -u postgres -- test -x "$dir" || chmod o+x "$dir"
        dir=$(dirname "$dir")
    done
}

postgres_init() {
    [[ -s $PG_DATA/PG_VERSION ]] && return 0
    info "creating cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    if is_root; then chown -R postgres:postgres "$PG_DIR"; fi
    postgres_make_reachable
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { show_log_tail "$PG_DIR/initdb.log"; die "initdb failed"; }
}

postgres_start() {
    local t0 pid
    t0=$(now)
    log "PostgreSQL on 127.0.0.1:$PG_PORT"
    postgres_install
    if pid=$(postgres_pid); then
        info "already running (pid $pid)"
    else
        require_free_port "$PG_PORT" PostgreSQL
        # A Unix socket path is limited to 107 bytes.
        ((${#PG_SOCKET_DIR} < 90)) || die "repository path too long for a PostgreSQL socket: $PG_SOCKET_DIR"
        postgres_init
        mkdir -p "$PG_SOCKET_DIR" "$LOGS"
        touch "$PG_LOG"
        if is_root; then chown postgres:postgres "$PG_SOCKET_DIR" "$PG_LOG"; fi
        postgres_make_reachable
        # max_connections: four services and the test suites each hold a connection pool.
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
            -o "-p $PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" \
            start >/dev/null || { show_log_tail "$PG_LOG"; die "PostgreSQL did not start"; }
    fi
    wait_for PostgreSQL 30 "" "$PG_LOG" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
    postgres_provision
    info "ready in $(since "$t0") (pid $(postgres_pid))"
}

# Role and databases, created only when missing.
postgres_provision() {
    postgres_psql <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
    END IF;
END \$\$;
SQL
    local existing db created=()
    existing=$(postgres_psql -At -c 'SELECT datname FROM pg_database')
    for db in "${PG_DATABASES[@]}"; do
        grep -qx "$db" <<<"$existing" && continue
        postgres_psql -c "CREATE DATABASE $db OWNER $PG_USER"
        created+=("$db")
    done
    ((${#created[@]} == 0)) || info "created databases: ${created[*]}"
}

postgres_stop() {
    local pid
    pid=$(postgres_pid) || return 0
    info "stopping PostgreSQL (pid $pid)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || { warn "pg_ctl stop failed; killing PostgreSQL"; kill -KILL "$pid" 2>/dev/null || true; }
}

postgres_status() { status_line postgres "$(postgres_pid || true)" "127.0.0.1:$PG_PORT" "$PG_PORT"; }
