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

# How many instances of each service run: set by 'up --instances N', kept in $INSTANCES_FILE.
instance_count() {
    local count=1
    [[ -r $INSTANCES_FILE ]] && read -r count <"$INSTANCES_FILE"
    [[ $count =~ ^[1-9]$ ]] || count=1
    printf '%s' "$count"
}

# Prints "instance:port:database:module" for each instance of each present service: instance 1
# is named after its module and uses its port; instance k is "<module>-k" on port + 10*(k-1).
present_instances() {
    local name port db k count
    count=$(instance_count)
    while IFS=: read -r name port db; do
        printf '%s:%s:%s:%s\n' "$name" "$port" "$db" "$name"
        for ((k = 2; k <= count; k++)); do
            printf '%s-%s:%s:%s:%s\n' "$name" "$k" "$((port + 10 * (k - 1)))" "$db" "$name"
        done
    done < <(present_services)
}

# The module of an instance name ("contacts-service-2" → "contacts-service").
instance_module() { printf '%s' "${1%-[0-9]}"; }

service_pid() { our_pid "$RUN/$1.pid" "$(service_jar "$(instance_module "$1")")"; }

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

# service_entries NAME: the instances a name means ("instance:port:database:module"): every
# instance of a service by its module's name, one instance by its own ("contacts-service-2").
service_entries() {
    local entry found=''
    while IFS= read -r entry; do
        if [[ ${entry%%:*} == "$1" || ${entry##*:} == "$1" ]]; then
            printf '%s\n' "$entry"
            found=yes
        fi
    done < <(present_instances)
    [[ -n $found ]] || die "no service named $1; services: ${SERVICES[*]%%:*} (instance k of one: <service>-k)"
}

# service_stop NAME: SIGTERM (as Kubernetes sends on a rolling deploy), SIGKILL after 30 s.
service_stop() {
    local instance module
    while IFS=: read -r instance _ _ module; do
        log "Stopping $instance"
        stop_pid "$instance" "$RUN/$instance.pid" "$(service_jar "$module")" 30
    done < <(service_entries "$1")
}

# services_run NAME...: starts the named services (those not running) side by side, then waits
# until every one is ready.
services_run() {
    local service instance port db module entries=()
    for service in "$@"; do
        mapfile -t -O "${#entries[@]}" entries < <(service_entries "$service")
    done
    for entry in "${entries[@]}"; do
        IFS=: read -r instance port db module <<<"$entry"
        log "Starting $instance"
        service_start "$instance" "$port" "$db" "$module"
    done
    for entry in "${entries[@]}"; do
        IFS=: read -r instance port _ _ <<<"$entry"
        service_wait_ready "$instance" "$port"
    done
}

service_wait_ready() {
    local name=$1 port=$2
    wait_for "$name" 120 "$(service_pid "$name" || true)" "$LOGS/$name.log" \
        http_ok "http://127.0.0.1:$port/q/health/ready"
    info "$name: ready on port $port"
}

# service_start INSTANCE PORT DATABASE MODULE: starts one instance of the module's service
# unless it already runs this build.
service_start() {
    local name=$1 port=$2 db=$3 module=$4 jar pid
    jar=$(service_jar "$module")
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
    mapfile -t extra_env < <(service_local_env "$module")
    # Each instance enforces its share of the per-user rate limit (round-robin at the edge).
    (cd "$ROOT/$module" && start_bg "$RUN/$name.pid" "$LOGS/$name.log" env "${extra_env[@]}" \
        RAPPORT_HTTP_RATE_LIMIT_INSTANCES="$(instance_count)" \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
        QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_OIDC_AUTH_SERVER_URL="$KC_ISSUER" \
        MALLOC_ARENA_MAX=2 java "${SERVICE_JVM_OPTIONS[@]}" -jar "$jar")
    info "$name: started (pid $(<"$RUN/$name.pid"), log $LOGS/$name.log)"
}

services_start() {
    local name port db module t0
    t0=$(now)
    log "Services ($(instance_count) instance(s) of each)"
    services_stop_extra
    while IFS=: read -r name port db module; do
        service_start "$name" "$port" "$db" "$module"
    done < <(present_instances)
    while IFS=: read -r name port _ _; do
        service_wait_ready "$name" "$port"
    done < <(present_instances)
    info "services ready in $(since "$t0")"
}

# Stops the instances beyond the current count, left from an 'up' with more.
services_stop_extra() {
    local entry name k
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}
        for ((k = $(instance_count) + 1; k <= 9; k++)); do
            [[ -f $RUN/$name-$k.pid ]] && stop_pid "$name-$k" "$RUN/$name-$k.pid" "$(service_jar "$name")" 30
        done
    done
    return 0
}

services_stop() {
    local entry name pidfile instance
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}
        for pidfile in "$RUN/$name.pid" "$RUN/$name"-[2-9].pid; do
            [[ -f $pidfile ]] || continue
            instance=$(basename "$pidfile" .pid)
            stop_pid "$instance" "$pidfile" "$(service_jar "$name")" 30
        done
    done
}

services_status() {
    local name port
    while IFS=: read -r name port _ _; do
        status_line "$name" "$(service_pid "$name" || true)" "http://localhost:$port" "$port"
    done < <(present_instances)
}

nginx_pid() { our_pid "$NGINX_PID" "$NGINX_CONF"; }

nginx_run() { "$NGINX" -p "$NGINX_DIR" -e "$LOGS/nginx-error.log" -c "$NGINX_CONF" "$@"; }

# Fills deploy/nginx/rapport.conf: paths under .local, the edge port, and each service's
# upstream servers ("server 127.0.0.1:@contacts-service@;" and so on): one per instance.
nginx_configure() {
    local entry name port k servers sed_args=(-e "s|@NGINX_DIR@|$NGINX_DIR|g" -e "s|@LOGS@|$LOGS|g"
        -e "s|@RUN@|$RUN|g" -e "s|@EDGE_PORT@|$EDGE_PORT|g")
    for entry in "${SERVICES[@]}"; do
        IFS=: read -r name port _ <<<"$entry"
        servers=''
        for ((k = 1; k <= $(instance_count); k++)); do
            servers+="${servers:+ }server 127.0.0.1:$((port + 10 * (k - 1)));"
        done
        sed_args+=(-e "s|server 127.0.0.1:@$name@;|$servers|g")
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
