package dev.rapport.contacts.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import dev.rapport.platform.testing.KafkaBrokerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service at a broker of the test's own, which the test may stop and start. */
public class DedicatedKafka implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's field that receives the broker. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Broker {
    }

    private KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBrokerProcess.start();
        broker.createTopics("test.contacts-service.contacts.v1");
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "rapport.outbox.delivery-timeout", "3s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker, new TestInjector.AnnotatedAndMatchesType(Broker.class, KafkaBrokerProcess.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
