package dev.rapport.contacts.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.contact.ContactSource;

class ProvenanceStoryTest {

    private static final UUID EVENT = UUID.randomUUID();

    @Test
    void aChainFromAnEventThroughAnIntroductionAndAReferral() {
        assertThat(ProvenanceStory.of(List.of(
                link("Priya Shah", ContactSource.MET_AT_EVENT, EVENT, "the Chamber breakfast"),
                link("Sam Carter", ContactSource.INTRODUCED, null, null),
                link("Lee Park", ContactSource.REFERRED, null, null))))
                .isEqualTo("Priya Shah, met at the Chamber breakfast, introduced me to Sam Carter, who referred Lee Park");
    }

    @Test
    void aPersonMetDirectlyOrOfUnknownOrigin() {
        assertThat(ProvenanceStory.of(List.of(link("Priya Shah", ContactSource.MET_AT_EVENT, EVENT, null))))
                .isEqualTo("Priya Shah, met at a networking event");
        assertThat(ProvenanceStory.of(List.of(link("Priya Shah", ContactSource.OTHER, null, null))))
                .isEqualTo("Priya Shah");
        assertThat(ProvenanceStory.of(List.of(link("Lee Park", ContactSource.REFERRED, null, null))))
                .isEqualTo("Lee Park, referred to me");
    }

    @Test
    void aFirstPersonWithoutAnOriginLeadsStraightIntoTheVerb() {
        assertThat(ProvenanceStory.of(List.of(
                link("Priya Shah", ContactSource.OTHER, null, null),
                link("Sam Carter", ContactSource.INTRODUCED, null, null),
                link("Lee Park", ContactSource.INTRODUCED, null, null))))
                .isEqualTo("Priya Shah introduced me to Sam Carter, who introduced me to Lee Park");
    }

    private static ProvenanceLink link(String name, ContactSource source, UUID eventId, String eventName) {
        return new ProvenanceLink(UUID.randomUUID(), name, source, null, eventId, eventName);
    }
}
