# shellcheck shell=bash
# Keycloak (start-dev, embedded database) from its distribution zip on Maven Central.

KC_DIR=$LOCAL/keycloak
KC_HOME=$KC_DIR/keycloak-$KEYCLOAK_VERSION
KC_REALM=$DEPLOY/keycloak/rapport-realm.json
KC_PID=$RUN/keycloak.pid
KC_LOG=$LOGS/keycloak.log
KC_URL=http://localhost:$KEYCLOAK_PORT
KC_ISSUER=$KC_URL/realms/rapport

keycloak_pid() { our_pid "$KC_PID" "$KC_HOME"; }

keycloak_fetch() {
    [[ -f $KC_HOME/.unpacked ]] && return 0
    local zip=$DIST/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
    info "downloading Keycloak $KEYCLOAK_VERSION from Maven Central (~180 MB)"
    mkdir -p "$DIST"
    # Run from a folder without a pom.xml, so that Maven does not load the project.
    (cd "$DIST" && mvnw dependency:copy -DoutputDirectory="$DIST" \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip") \
        || die "could not download Keycloak $KEYCLOAK_VERSION (see Maven's output above)"
    info "unpacking Keycloak"
    rm -rf "$KC_HOME" "$KC_DIR/.unpacking"
    mkdir -p "$KC_DIR"
    unzip -q "$zip" -d "$KC_DIR/.unpacking" || die "could not unpack $zip"
    mv "$KC_DIR/.unpacking/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$KC_DIR/.unpacking" "$zip"
    touch "$KC_HOME/.unpacked"
}

# --import-realm skips a realm that already exists, so a changed realm file would be ignored:
# start from an empty dev database instead (users and clients come only from the file anyway).
keycloak_sync_realm() {
    local want stamp=$KC_DIR/realm.sha256
    want=$(file_hash "$KC_REALM")
    if [[ -f $stamp && $(<"$stamp") != "$want" ]]; then
        info "realm file changed: resetting Keycloak's dev database to import it again"
        rm -rf "$KC_HOME/data/h2"
    fi
    mkdir -p "$KC_HOME/data/import"
    cp "$KC_REALM" "$KC_HOME/data/import/rapport-realm.json"
    printf '%s\n' "$want" >"$stamp"
}

# Starts Keycloak without waiting for it: its first start takes half a minute, which the
# other components use (see keycloak_wait).
keycloak_launch() {
    KC_T0=$(now)
    log "Keycloak on $KC_URL (starting in the background)"
    keycloak_fetch
    local pid
    if pid=$(keycloak_pid); then
        info "already running (pid $pid)"
        [[ $(file_hash "$KC_REALM") == "$(cat "$KC_DIR/realm.sha256" 2>/dev/null)" ]] \
            || warn "the realm file changed since Keycloak started: run 'down' then 'infra' to import it"
        return 0
    fi
    require_free_port "$KEYCLOAK_PORT" Keycloak
    keycloak_sync_realm
    # --hostname pins the token issuer to localhost whatever name a caller uses.
    start_bg "$KC_PID" "$KC_LOG" env \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
        "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
        --hostname="$KC_URL" --import-realm
}

keycloak_wait() {
    local pid
    pid=$(keycloak_pid) || { show_log_tail "$KC_LOG"; die "Keycloak is not running"; }
    wait_for Keycloak 240 "$pid" "$KC_LOG" http_ok "$KC_ISSUER/.well-known/openid-configuration"
    log "Keycloak ready in $(since "$KC_T0") (pid $pid)"
}

keycloak_stop() { stop_pid Keycloak "$KC_PID" "$KC_HOME" 30; }

keycloak_status() { status_line keycloak "$(keycloak_pid || true)" "$KC_URL" "$KEYCLOAK_PORT"; }
