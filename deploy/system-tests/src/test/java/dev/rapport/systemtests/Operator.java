package dev.rapport.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an operator looks at to prove that nothing was lost or kept too long: row counts in the
 * services' databases, the end offsets of topics and their settings. Only the restart,
 * retention and erasure tests use it; every other test stays on the public surfaces.
 */
final class Operator {

    private static final String POSTGRES = System.getProperty("rapport.postgres", "jdbc:postgresql://127.0.0.1:55432");
    private static final String KAFKA = System.getProperty("rapport.kafka", "127.0.0.1:9092");

    private Operator() {
    }

    /** The first column of every row a query answers, as text, sorted. */
    static List<String> column(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "/" + database, "rapport", "rapport");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            Collections.sort(values);
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + database + ": " + e.getMessage(), e);
        }
    }

    /** The broker's settings of each topic but Kafka's internal ones, by topic and name. */
    static Map<String, Map<String, String>> topicConfigs() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin admin = Admin.create(config)) {
            List<ConfigResource> topics = admin.listTopics().names().get().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            return admin.describeConfigs(topics).all().get().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                    e -> e.getValue().entries().stream().filter(entry -> entry.value() != null)
                            .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' settings: " + e.getCause().getMessage(), e);
        }
    }

    /** How many members each consumer group has now, by group id. */
    static Map<String, Integer> consumerGroupMembers(List<String> groups) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin admin = Admin.create(config)) {
            return admin.describeConsumerGroups(groups).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().members().size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the consumer groups: " + e.getCause().getMessage(), e);
        }
    }

    /** How many records each topic holds in all, from its partitions' end offsets. */
    static Map<String, Long> endOffsets(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return topics.stream().collect(Collectors.toMap(topic -> topic, topic -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                        .mapToLong(Long::longValue).sum();
            }));
        }
    }
}
