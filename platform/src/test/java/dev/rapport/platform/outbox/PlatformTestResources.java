package dev.rapport.platform.outbox;

import dev.rapport.platform.testing.TestTopics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The platform tests' topics, for every test of this module (QuarkusTestResource is global). */
@QuarkusTestResource(value = TestTopics.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,platform-test.inbound,platform-test.inbound.dlq"))
public class PlatformTestResources {
}
