package dev.rapport.meetings.networking;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NetworkingEvent", description = "A networking event and how many of the owner's contacts were met there")
public record NetworkingEventResponse(
        UUID id,
        @Schema(examples = "Chamber of Commerce breakfast") String name,
        @Schema(examples = "2026-11-24T07:30:00Z") Instant startsAt,
        @Schema(examples = "2026-11-24T09:00:00Z") Instant endsAt,
        @Schema(examples = "Grand Hotel, Market Street") String place,
        @Schema(examples = "Northtown Chamber of Commerce") String organiser,
        @Schema(description = "Private") String notes,
        @Schema(description = "How many of the owner's contacts were met there", examples = "3") long attendees,
        Instant createdAt,
        Instant updatedAt) {

    static NetworkingEventResponse of(NetworkingEvent event, long attendees) {
        return new NetworkingEventResponse(event.id, event.name, event.startsAt, event.endsAt, event.place, event.organiser,
                event.notes, attendees, event.createdAt, event.updatedAt);
    }
}
