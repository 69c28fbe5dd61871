package dev.rapport.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.tracing.TraceContext;

/**
 * A CloudEvent read from a Kafka record in binary mode. {@link #from} refuses a record that is
 * not one of ours with {@link MalformedEventException}, which sends it to the dead-letter topic.
 * {@code trace} is the sender's span, from the distributed-tracing extension
 * ({@code ce_traceparent}, {@code ce_tracestate}); optional, and {@link TraceContext#NONE} when
 * missing or unreadable, which never makes an event malformed.
 */
public record InboundEvent(String id, String type, String source, String subject, UUID ownerId, Instant time, JsonNode data,
        TraceContext trace) {

    public static InboundEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = required(record, "ce_id");
        String type = required(record, "ce_type");
        String source = required(record, "ce_source");
        String subject = required(record, "ce_subject");
        UUID ownerId;
        Instant time;
        try {
            ownerId = UUID.fromString(required(record, "ce_ownerid"));
            time = Instant.parse(required(record, "ce_time"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("Bad ce_ownerid or ce_time: " + e.getMessage());
        }
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no body");
        }
        try {
            return new InboundEvent(id, type, source, subject, ownerId, time, mapper.readTree(record.value()),
                    TraceContext.parse(header(record, "ce_traceparent"), header(record, "ce_tracestate")));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event " + id + " body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads the body as a consumer's own view of the event, with only the fields it needs. */
    public <T> T dataAs(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + id + " of type " + this.type + " does not fit "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The subject as a UUID, which every Rapport aggregate id is. */
    public UUID subjectId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Event " + id + " subject is not a UUID");
        }
    }

    /** A header's value as text, null when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedEventException("Record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
