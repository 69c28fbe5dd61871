package dev.rapport.contacts.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.KafkaBrokerProcess;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(DedicatedKafka.class)
class OutboxDuringKafkaOutageTest {

    @DedicatedKafka.Broker
    KafkaBrokerProcess broker;

    @Test
    void apiKeepsWorkingWhileKafkaIsDownAndEventsGoOutWhenItReturns() {
        broker.stop();

        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"name\": \"Written during the outage\"}")
                .post("/contacts")
                .then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(Tokens.of("alice")).get(location).then().statusCode(200);

        broker.startAgain();
        try (TopicReader topic = new TopicReader(broker.bootstrapServers(), "test.contacts-service.contacts.v1")) {
            // The reader starts at the end; the relay may already have sent the event, so read from the start.
            topic.rewind();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(topic.poll(TopicReader.withSubject(id))).hasSize(1));
            assertThat(TopicReader.header(topic.poll(TopicReader.withSubject(id)).get(0), "ce_type"))
                    .isEqualTo(ContactCreated.TYPE);
        }
    }
}
