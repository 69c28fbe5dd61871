package dev.rapport.platform.admin;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record one of the service's consumers could not apply, as it lies in the service's dead-letter topic. */
@Schema(name = "DeadLetter", description = "A record one of this service's consumers could not apply, in its dead-letter topic")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        @Schema(description = "Its id: partition and offset in the dead-letter topic", examples = "0-12") String id,
        @Schema(description = "The dead-letter topic", examples = "rapport.dlq.notifications-service") String topic,
        @Schema(description = "When it was dead-lettered") Instant deadLetteredAt,
        @Schema(description = "The event's ce_id; absent when the record is not a CloudEvent") String eventId,
        @Schema(description = "The event's ce_type", examples = "rapport.referral.given.v1") String eventType,
        @Schema(description = "The event's ce_subject") String subject,
        @Schema(description = "The account the event is about: its ce_ownerid") String ownerId,
        @Schema(description = "Where the record came from: the topic, partition and offset it was read at") Position source,
        @Schema(description = "Why the consumer could not apply it", examples = "Event 6f1c… body is not JSON: Unexpected character") String reason,
        @Schema(description = "The exception's class", examples = "dev.rapport.platform.inbox.MalformedEventException") String exceptionClass,
        @Schema(description = "When this service applied the event since (after a replay, for example); absent while it has not")
        Instant appliedAt,
        @Schema(description = "Only when one dead letter is read: the record's headers, dead-letter ones included") Map<String, String> headers,
        @Schema(description = "Only when one dead letter is read: the record's key") String key,
        @Schema(description = "Only when one dead letter is read: the body, as JSON if it is JSON, else as a string") Object body) {

    /** A place in a topic. */
    @Schema(name = "TopicPosition", description = "A place in a Kafka topic")
    public record Position(String topic, int partition, long offset) {
    }

    DeadLetter summary() {
        return new DeadLetter(id, topic, deadLetteredAt, eventId, eventType, subject, ownerId, source, reason, exceptionClass, appliedAt,
                null, null, null);
    }

    DeadLetter appliedAt(Instant at) {
        return new DeadLetter(id, topic, deadLetteredAt, eventId, eventType, subject, ownerId, source, reason, exceptionClass, at,
                headers, key, body);
    }
}
