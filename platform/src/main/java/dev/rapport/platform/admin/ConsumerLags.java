package dev.rapport.platform.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** The lag of each of the service's consumers: the group's committed offsets against the topic's end offsets. */
@ApplicationScoped
public class ConsumerLags {

    private static final long TIMEOUT_SECONDS = 10;

    private final IncomingChannels channels;
    private final String bootstrapServers;

    ConsumerLags(IncomingChannels channels, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.channels = channels;
        this.bootstrapServers = bootstrapServers;
    }

    public List<ConsumerLag> all() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        try (Admin admin = Admin.create(properties)) {
            return channels.all().stream().map(channel -> lag(admin, channel)).toList();
        } catch (KafkaException e) {
            throw DeadLetters.unavailable(e);
        }
    }

    private static ConsumerLag lag(Admin admin, IncomingChannels.Channel channel) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(channel.topic())).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(channel.topic()).partitions().stream()
                    .map(info -> new TopicPartition(channel.topic(), info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(channel.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(offsets(partitions, OffsetSpec.latest()))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> beginnings = admin.listOffsets(offsets(partitions, OffsetSpec.earliest()))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<ConsumerLag.PartitionLag> lags = partitions.stream().map(partition -> {
                OffsetAndMetadata at = committed.get(partition);
                long end = ends.get(partition).offset();
                // Before its first commit the group starts at the beginning (auto.offset.reset=earliest).
                long from = at == null ? beginnings.get(partition).offset() : at.offset();
                return new ConsumerLag.PartitionLag(partition.partition(), at == null ? null : at.offset(), end, Math.max(0, end - from));
            }).toList();
            return new ConsumerLag(channel.name(), channel.topic(), channel.groupId(),
                    lags.stream().mapToLong(ConsumerLag.PartitionLag::lag).sum(), lags);
        } catch (ExecutionException | TimeoutException e) {
            throw DeadLetters.unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeadLetters.unavailable(e);
        }
    }

    private static Map<TopicPartition, OffsetSpec> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec));
    }
}
