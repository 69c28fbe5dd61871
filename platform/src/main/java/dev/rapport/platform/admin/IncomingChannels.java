package dev.rapport.platform.admin;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;

import jakarta.enterprise.context.ApplicationScoped;

/** The service's Kafka consumers as its configuration declares them: channel, topic, consumer group and dead-letter topic. */
@ApplicationScoped
public class IncomingChannels {

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** One consumer: a channel reading {@code topic} in consumer group {@code groupId}, its failures going to {@code deadLetterTopic}. */
    public record Channel(String name, String topic, String groupId, String deadLetterTopic) {
    }

    private final List<Channel> channels;

    IncomingChannels(Config config) {
        TreeSet<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher matcher = CHANNEL.matcher(property);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        this.channels = names.stream().map(name -> channel(config, name)).toList();
    }

    public List<Channel> all() {
        return channels;
    }

    /** The dead-letter topic every channel of the service shares; none if the service consumes nothing. */
    public Optional<String> deadLetterTopic() {
        List<String> topics = channels.stream().map(Channel::deadLetterTopic).distinct().toList();
        if (topics.size() > 1) {
            throw new IllegalStateException("The channels of a service share one dead-letter topic; configured: " + topics);
        }
        return topics.stream().findFirst();
    }

    /** Whether one of the service's channels reads {@code topic}. */
    public boolean reads(String topic) {
        return channels.stream().anyMatch(channel -> channel.topic().equals(topic));
    }

    private static Channel channel(Config config, String name) {
        String channel = "mp.messaging.incoming." + name + ".";
        String connector = "mp.messaging.connector.smallrye-kafka.";
        String topic = config.getOptionalValue(channel + "topic", String.class).orElse(name);
        String group = first(config, channel + "group.id", connector + "group.id", "quarkus.application.name").orElse(name);
        // SmallRye's default dead-letter topic, when neither the channel nor the connector names one.
        String deadLetters = first(config, channel + "dead-letter-queue.topic", connector + "dead-letter-queue.topic")
                .orElse("dead-letter-topic-" + topic);
        return new Channel(name, topic, group, deadLetters);
    }

    private static Optional<String> first(Config config, String... properties) {
        return Stream.of(properties)
                .map(property -> config.getOptionalValue(property, String.class))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
