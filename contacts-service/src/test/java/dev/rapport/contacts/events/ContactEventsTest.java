package dev.rapport.contacts.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ContactEventsTest {

    private TopicReader topic;

    @BeforeEach
    void listen() {
        topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.contacts-service.contacts.v1");
    }

    @AfterEach
    void stopListening() {
        topic.close();
    }

    @Test
    void eachChangePublishesOneCloudEventInOrder() {
        String token = Tokens.of("alice");
        String alice = Tokens.subjectOf("alice");
        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"Sam Carter\", \"tags\": [\"bni\"], \"notes\": \"private\"}")
                .post("/contacts").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body("{\"company\": \"Carter & Co\"}")
                .patch(location).then().statusCode(200);
        given().auth().oauth2(token).delete(location).then().statusCode(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(id))).hasSize(3));
        List<ConsumerRecord<String, String>> events = topic.poll(TopicReader.withSubject(id));
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(ContactCreated.TYPE, ContactUpdated.TYPE, ContactDeleted.TYPE);
        assertThat(events).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(alice);
            assertThat(TopicReader.headers(record))
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/rapport/contacts-service")
                    .containsEntry("ce_subject", id.toString())
                    .containsEntry("ce_ownerid", alice)
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time");
        });
        assertThat(events.get(0).value())
                .contains("\"contactId\":\"" + id + "\"", "\"name\":\"Sam Carter\"", "\"tags\":[\"bni\"]")
                .doesNotContain("private");
        assertThat(events.get(1).value()).contains("\"company\":\"Carter & Co\"");
        assertThat(events.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(3);
    }

    @Test
    void connectingAndDisconnectingPublishCloudEventsAboutTheContactTheyWereMadeFrom() {
        String token = Tokens.of("alice");
        UUID sam = create(token, "Sam Carter");
        UUID priya = create(token, "Priya Shah");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\": \"" + priya + "\", \"note\": \"Golf\"}")
                .post("/contacts/" + sam + "/connections").then().statusCode(201);
        given().auth().oauth2(token).delete("/contacts/" + priya + "/connections/" + sam).then().statusCode(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(topic.poll(TopicReader.withSubject(sam))).hasSize(2);
            assertThat(topic.poll(TopicReader.withSubject(priya))).hasSize(2);
        });
        ConsumerRecord<String, String> connected = topic.poll(TopicReader.withSubject(sam)).get(1);
        assertThat(TopicReader.header(connected, "ce_type")).isEqualTo(ContactConnected.TYPE);
        assertThat(connected.key()).isEqualTo(Tokens.subjectOf("alice"));
        assertThat(connected.value()).contains("\"contactId\":\"" + sam + "\"", "\"otherContactId\":\"" + priya + "\"",
                "\"note\":\"Golf\"", "\"origin\":\"MANUAL\"");
        ConsumerRecord<String, String> disconnected = topic.poll(TopicReader.withSubject(priya)).get(1);
        assertThat(TopicReader.header(disconnected, "ce_type")).isEqualTo(ContactDisconnected.TYPE);
        assertThat(disconnected.value()).contains("\"contactId\":\"" + priya + "\"", "\"otherContactId\":\"" + sam + "\"");
    }

    private static UUID create(String token, String name) {
        String location = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .post("/contacts").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
