package dev.rapport.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class IncomingChannelsTest {

    @Test
    void channelSettingsComeFromTheChannelThenTheConnectorThenTheDefaults() {
        IncomingChannels channels = channels(Map.of(
                "quarkus.application.name", "notifications-service",
                "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", "rapport.dlq.notifications-service",
                "mp.messaging.incoming.contacts.connector", "smallrye-kafka",
                "mp.messaging.incoming.contacts.topic", "rapport.contacts.v1",
                "mp.messaging.incoming.meetings.connector", "smallrye-kafka",
                "mp.messaging.incoming.meetings.topic", "rapport.meetings.v1",
                "mp.messaging.incoming.meetings.group.id", "meetings-readers"));

        assertThat(channels.all()).containsExactly(
                new IncomingChannels.Channel("contacts", "rapport.contacts.v1", "notifications-service", "rapport.dlq.notifications-service"),
                new IncomingChannels.Channel("meetings", "rapport.meetings.v1", "meetings-readers", "rapport.dlq.notifications-service"));
        assertThat(channels.deadLetterTopic()).contains("rapport.dlq.notifications-service");
        assertThat(channels.reads("rapport.meetings.v1")).isTrue();
        assertThat(channels.reads("rapport.dlq.notifications-service")).isFalse();
    }

    @Test
    void channelsWithDifferentDeadLetterTopicsAreRefused() {
        IncomingChannels channels = channels(Map.of(
                "mp.messaging.incoming.a.connector", "smallrye-kafka",
                "mp.messaging.incoming.b.connector", "smallrye-kafka",
                "mp.messaging.incoming.b.dead-letter-queue.topic", "elsewhere"));
        assertThat(channels.all()).extracting(IncomingChannels.Channel::deadLetterTopic).containsExactly("dead-letter-topic-a", "elsewhere");
        assertThatThrownBy(channels::deadLetterTopic).isInstanceOf(IllegalStateException.class);
    }

    private static IncomingChannels channels(Map<String, String> properties) {
        return new IncomingChannels(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }
}
