package dev.rapport.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.rapport.platform.outbox.DomainEvent;

/**
 * Checks a service's AsyncAPI document against its event records: every event type the
 * service publishes has a message there, and each message's example reads into the record and
 * serializes back to the same JSON, so the document cannot drift from the code.
 */
public final class AsyncApiContract {

    private AsyncApiContract() {
    }

    /** The {@code TYPE} constant every event record declares. */
    public static String typeOf(Class<?> record) {
        try {
            return (String) record.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " declares no public static TYPE", e);
        }
    }

    public static void verify(Path document, ObjectMapper mapper, Map<String, Class<? extends DomainEvent>> eventTypes) throws IOException {
        JsonNode messages = new ObjectMapper(new YAMLFactory()).readTree(document.toFile()).path("components").path("messages");
        Set<String> documented = new HashSet<>();
        Iterator<JsonNode> all = messages.elements();
        while (all.hasNext()) {
            JsonNode message = all.next();
            String type = message.path("name").asText();
            documented.add(type);
            Class<? extends DomainEvent> record = eventTypes.get(type);
            assertThat(record).as("record class for documented message %s", type).isNotNull();
            assertThat(message.path("examples").isEmpty()).as("examples of %s", type).isFalse();
            for (JsonNode example : message.path("examples")) {
                JsonNode payload = example.path("payload");
                DomainEvent event = mapper.treeToValue(payload, record);
                assertThat(event.type()).isEqualTo(type);
                assertThat((JsonNode) mapper.valueToTree(event)).as("serialized example of %s", type).isEqualTo(payload);
            }
        }
        assertThat(documented).as("documented event types").containsExactlyInAnyOrderElementsOf(eventTypes.keySet());
    }
}
