# shellcheck shell=bash
# The Quarkus services (packaged jars) and the nginx edge proxy in front of them.

NGINX=/usr/sbin/nginx
NGINX_DIR=$LOCAL/nginx
NGINX_CONF=$NGINX_DIR/nginx.conf
NGINX_PID=$RUN/nginx.pid

# Prints the entries of SERVICES whose module exists ("name:port:database" per line).
present_services() {
    local entry
    for entry in "${SERVICES[@]}"; do
        [[ -f $ROOT/${entry%%:*}/pom.xml ]] && printf '%s\n' "$entry"
    done
    return 0
}

service_jar() { printf '%s' "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

service_pid() { our_pid "$RUN/$1.pid" "$(service_jar "$1")"; }

services_build() {
    local t0
    t0=$(now)
    log "Building the services (./mvnw -B -q -DskipTests package)"
    (cd "$ROOT" && mvnw -DskipTests package) || die "the build failed"
    info "built in $(since "$t0")"
}

# Settings of a local run that differ from production: fast sweeps and deliveries, so that a
# rule set to seconds shows within a second, and webhooks to a local receiver on loopback.
service_local_env() {
    case $1 in
        notifications-service)
            printf '%s\n' RAPPORT_RULES_SWEEP_INTERVAL=1s RAPPORT_WEBHOOKS_POLL_INTERVAL=1s \
                RAPPORT_WEBHOOKS_ALLOW_LOOPBACK=true ;;
    esac
}

# service_entry NAME: the SERVICES entry of one service ("name:port:database").
service_entry() {
    local entry
    for entry in "${SERVICES[@]}"; do
        [[ ${entry%%:*} == "$1" ]] && { printf '%s' "$entry"; return 0; }
    done
    die "no service named $1; services: ${SERVICES[*]%%:*}"
}

# service_stop NAME: SIGTERM (as Kubernetes sends on a rolling deploy), SIGKILL after 30 s.
service_stop() {
    local name
    name=$(service_entry "$1")
    name=${name%%:*}
    log "Stopping $name"
    stop_pid "$name" "$RUN/$name.pid" "$(service_jar "$name")" 30
}

# services_run NAME...: starts the named services (those not running) side by side, then waits
# until every one is ready.
services_run() {
    local service name port db
    for service in "$@"; do
        IFS=: read -r name port db <<<"$(service_entry "$service")"
        log "Starting $name"
        service_start "$name" "$port" "$db"
    done
    for service in "$@"; do
        IFS=: read -r name port _ <<<"$(service_entry "$service")"
        service_wait_ready "$name" "$port"
    done
}

service_wait_ready() {
    local name=$1 port=$2
    wait_for "$name" 120 "$(service_pid "$name" || true)" "$LOGS/$name.log" \
        http_ok "http://127.0.0.1:$port/q/health/ready"
    info "$name: ready on port $port"
}

# service_start NAME PORT DATABASE: starts the service unless it already runs this build.
service_start() {
    local name=$1 port=$2 db=$3 jar pid
    jar=$(service_jar "$name")
    [[ -f $jar ]] || die "$jar is missing: run 'up' without --no-build"
    if pid=$(service_pid "$name"); then
        if [[ -n $(find "$(dirname "$jar")" -newer "$RUN/$name.pid" -print -quit) ]]; then
            info "$name: restarting on its new build"
            stop_pid "$name" "$RUN/$name.pid" "$jar" 30
        else
            info "$name: already running (pid $pid)"
            return 0
        fi
    fi
    require_free_port "$port" "$name"
    # The working folder is the module, as for 'quarkus dev' (a .env there is read).
    local extra_env=()
    mapfile -t extra_env < <(service_local_env "$name")
    (cd "$ROOT/$name" && start_bg "$RUN/$name.pid" "$LOGS/$name.log" env "${extra_env[@]}" \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
        QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_OIDC_AUTH_SERVER_URL="$KC_ISSUER" \
        java -Xmx256m -Dfile.encoding=UTF-8 -jar "$jar")
    info "$name: started (pid $(<"$RUN/$name.pid"), log $LOGS/$name.log)"
}

services_start() {
    local name port db t0
    t0=$(now)
    log "Services"
    while IFS=: read -r name port db; do
        service_start "$name" "$port" "$db"
    done < <(present_services)
    while IFS=: read -r name port _; do
        service_wait_ready "$name" "$port"
    done < <(present_services)
    info "services ready in $(since "$t0")"
}

services_stop() {
    local entry name
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}
        stop_pid "$name" "$RUN/$name.pid" "$(service_jar "$name")" 30
    done
}

services_status() {
    local name port
    while IFS=: read -r name port _; do
        status_line "$name" "$(service_pid "$name" || true)" "http://localhost:$port" "$port"
    done < <(present_services)
}

nginx_pid() { our_pid "$NGINX_PID" "$NGINX_CONF"; }

nginx_run() { "$NGINX" -p "$NGINX_DIR" -e "$LOGS/nginx-error.log" -c "$NGINX_CONF" "$@"; }

# Fills deploy/nginx/rapport.conf: paths under .local, the edge port, and each service's port
# (@contacts-service@ and so on) from SERVICES.
nginx_configure() {
    local entry name port sed_args=(-e "s|@NGINX_DIR@|$NGINX_DIR|g" -e "s|@LOGS@|$LOGS|g"
        -e "s|@RUN@|$RUN|g" -e "s|@EDGE_PORT@|$EDGE_PORT|g")
    for entry in "${SERVICES[@]}"; do
        IFS=: read -r name port _ <<<"$entry"
        sed_args+=(-e "s|@$name@|$port|g")
    done
    mkdir -p "$NGINX_DIR/temp" "$LOGS" "$RUN"
    sed "${sed_args[@]}" "$DEPLOY/nginx/rapport.conf" >"$NGINX_CONF"
    ! grep -n '@[a-zA-Z_-]*@' "$NGINX_CONF" || die "unfilled placeholders in $NGINX_CONF"
    nginx_run -t -q || die "nginx rejects $NGINX_CONF"
}

nginx_start() {
    local pid
    log "Edge proxy (nginx) on http://localhost:$EDGE_PORT"
    [[ -x $NGINX ]] || apt_install nginx
    nginx_configure
    if pid=$(nginx_pid); then
        nginx_run -s reload
        info "already running (pid $pid): configuration reloaded"
    else
        require_free_port "$EDGE_PORT" "the nginx edge proxy"
        nginx_run || die "nginx did not start (log: $LOGS/nginx-error.log)"
    fi
    wait_for nginx 10 "" "$LOGS/nginx-error.log" http_ok "http://127.0.0.1:$EDGE_PORT/healthz"
    info "ready (pid $(nginx_pid))"
}

nginx_stop() {
    local pid
    pid=$(nginx_pid) || { rm -f "$NGINX_PID"; return 0; }
    info "stopping nginx (pid $pid)"
    kill -QUIT "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.3; done
    if pid_alive "$pid"; then
        warn "nginx did not stop; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$NGINX_PID"
}

nginx_status() { status_line nginx "$(nginx_pid || true)" "http://localhost:$EDGE_PORT" "$EDGE_PORT"; }
