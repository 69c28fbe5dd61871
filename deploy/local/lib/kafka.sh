# shellcheck shell=bash
# Apache Kafka, one KRaft node (broker + controller), from jars resolved on Maven Central.

KAFKA_POM=$DEPLOY/local/kafka/pom.xml
KAFKA_DIR=$LOCAL/kafka
KAFKA_LIB=$KAFKA_DIR/lib
KAFKA_DATA=$KAFKA_DIR/data
KAFKA_PROPS=$KAFKA_DIR/server.properties
KAFKA_PID=$RUN/kafka.pid
KAFKA_LOG=$LOGS/kafka.log

KAFKA_JAVA=(java -Dlog4j2.configurationFile="$DEPLOY/local/kafka/log4j2.properties" -cp "$KAFKA_LIB/*")

# Command-line tools log warnings only, so that their output stays readable.
kafka_tool() { "${KAFKA_JAVA[@]}" -Xmx128m -Drapport.kafka.log.level=WARN "$@"; }

# shellcheck disable=SC2153 # KAFKA_PORT is set by deploy/local/rapport
kafka_topics() {
    timeout 90 "${KAFKA_JAVA[@]}" -Xmx128m -Drapport.kafka.log.level=WARN \
        org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@"
}

kafka_pid() { our_pid "$KAFKA_PID" "$KAFKA_PROPS"; }

# Resolves the jars again only when the throwaway POM changed (or the last copy failed).
kafka_fetch() {
    local want
    want=$(file_hash "$KAFKA_POM")
    [[ -f $KAFKA_LIB/.complete && $(<"$KAFKA_LIB/.complete") == "$want" ]] && return 0
    info "resolving Kafka jars from Maven Central"
    rm -rf "$KAFKA_LIB"
    mvnw -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB" \
        || die "could not download the Kafka jars (see Maven's output above)"
    printf '%s\n' "$want" >"$KAFKA_LIB/.complete"
}

kafka_configure() {
    mkdir -p "$KAFKA_DATA"
    sed -e "s|@DATA_DIR@|$KAFKA_DATA|g" -e "s|@PORT@|$KAFKA_PORT|g" \
        -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
        "$DEPLOY/local/kafka/server.properties.template" >"$KAFKA_PROPS"
    [[ -f $KAFKA_DATA/meta.properties ]] && return 0
    local cluster_id
    if [[ ! -s $KAFKA_DIR/cluster-id ]]; then
        kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1 >"$KAFKA_DIR/cluster-id"
    fi
    cluster_id=$(<"$KAFKA_DIR/cluster-id")
    [[ $cluster_id =~ ^[A-Za-z0-9_-]{22}$ ]] || die "bad Kafka cluster id in $KAFKA_DIR/cluster-id: $cluster_id"
    info "formatting storage (cluster id $cluster_id)"
    kafka_tool kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_PROPS" >/dev/null \
        || die "formatting Kafka storage failed"
}

kafka_start() {
    local t0 pid
    t0=$(now)
    log "Kafka on 127.0.0.1:$KAFKA_PORT"
    kafka_fetch
    if pid=$(kafka_pid); then
        info "already running (pid $pid)"
    else
        require_free_port "$KAFKA_PORT" Kafka
        require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller"
        kafka_configure
        start_bg "$KAFKA_PID" "$KAFKA_LOG" "${KAFKA_JAVA[@]}" -Xms256m -Xmx512m kafka.Kafka "$KAFKA_PROPS"
        pid=$(<"$KAFKA_PID")
    fi
    wait_for Kafka 90 "$pid" "$KAFKA_LOG" port_open "$KAFKA_PORT"
    kafka_create_topics
    info "ready in $(since "$t0") (pid $pid)"
}

# The broker does not auto-create topics: create the missing ones (one JVM per topic, ~2 s each).
kafka_create_topics() {
    local existing topic created=()
    existing=$(kafka_topics --list) || { show_log_tail "$KAFKA_LOG"; die "Kafka does not answer on port $KAFKA_PORT"; }
    for topic in "${TOPICS[@]}"; do
        grep -qxF "$topic" <<<"$existing" && continue
        kafka_topics --create --if-not-exists --topic "$topic" \
            --partitions "$TOPIC_PARTITIONS" --replication-factor 1 >/dev/null \
            || die "could not create topic $topic"
        created+=("$topic")
    done
    ((${#created[@]} == 0)) || info "created topics: ${created[*]}"
}

kafka_stop() { stop_pid Kafka "$KAFKA_PID" "$KAFKA_PROPS" 60; }

kafka_status() { status_line kafka "$(kafka_pid || true)" "127.0.0.1:$KAFKA_PORT" "$KAFKA_PORT"; }
