package dev.rapport.meetings.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The consumer's side of the contract: its views read every example contacts-service documents. */
@QuarkusTest
class ContactEventViewsTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void viewsReadContactsServiceExamples() throws Exception {
        JsonNode messages = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../contacts-service/asyncapi.yaml").toFile()).path("components").path("messages");
        Map<String, Class<?>> views = Map.of(
                ContactsConsumer.CREATED, ContactProfile.class,
                ContactsConsumer.UPDATED, ContactProfile.class,
                ContactsConsumer.DELETED, ContactDeleted.class);
        int read = 0;
        Set<String> documented = new HashSet<>();
        for (JsonNode message : messages) {
            documented.add(message.path("name").asText());
            Class<?> view = views.get(message.path("name").asText());
            if (view == null) {
                // A type this service does not need (e.g. stage-changed): the consumer skips it.
                continue;
            }
            for (JsonNode example : message.path("examples")) {
                JsonNode payload = example.path("payload");
                Object event = mapper.treeToValue(payload, view);
                UUID contactId = UUID.fromString(payload.path("contactId").asText());
                if (event instanceof ContactProfile profile) {
                    UUID metAt = payload.path("metAtEventId").isTextual() ? UUID.fromString(payload.path("metAtEventId").asText()) : null;
                    assertThat(profile).isEqualTo(new ContactProfile(contactId, payload.path("name").asText(), metAt));
                } else {
                    assertThat(event).isEqualTo(new ContactDeleted(contactId));
                }
                read++;
            }
        }
        assertThat(documented).as("the types this service reads are documented").containsAll(views.keySet());
        assertThat(read).isGreaterThanOrEqualTo(views.size());
    }
}
