package dev.rapport.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure a module's test topics exist on the shared broker before the application
 * subscribes or publishes (the brokers here never auto-create topics). Tests use their own
 * topics ({@code test.rapport.…}), so a running local stack never sees test events.
 * Init arg {@code topics}: comma-separated names.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    private String[] topics = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault("topics", "").split(",");
    }

    @Override
    public Map<String, String> start() {
        KafkaTopics.ensure(KafkaTopics.SHARED_BROKER, topics);
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
