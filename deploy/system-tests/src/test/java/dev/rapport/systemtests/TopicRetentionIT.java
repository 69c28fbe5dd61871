package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * How long an event can stay in a topic, and so how long an erased person's data can remain in
 * Kafka after the services have forgotten it: every topic deletes a segment once its newest
 * record is 7 days old and closes a segment after at most a day, so nothing stays longer than 8.
 */
class TopicRetentionIT {

    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration SEGMENT = Duration.ofDays(1);

    @Test
    void everyTopicForgetsItsEventsWithinEightDays() {
        Map<String, Map<String, String>> topics = Operator.topicConfigs();
        List<String> ours = topics.keySet().stream().filter(name -> name.startsWith("rapport.")).sorted().toList();
        assertThat(ours).as("the services' topics and their dead-letter topics").hasSizeGreaterThanOrEqualTo(8);
        for (String topic : ours) {
            Map<String, String> config = topics.get(topic);
            assertThat(config.get("cleanup.policy")).as(topic).isEqualTo("delete");
            assertThat(Long.parseLong(config.get("retention.ms"))).as(topic + " retention.ms").isBetween(1L, RETENTION.toMillis());
            assertThat(Long.parseLong(config.get("segment.ms"))).as(topic + " segment.ms").isBetween(1L, SEGMENT.toMillis());
        }
    }
}
