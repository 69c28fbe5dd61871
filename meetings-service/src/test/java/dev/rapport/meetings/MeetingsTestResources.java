package dev.rapport.meetings;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The test topics, for every test of this module (QuarkusTestResource is global). */
@QuarkusTestResource(value = dev.rapport.platform.testing.TestTopics.class, initArgs = @ResourceArg(name = "topics",
        value = "test.rapport.meetings.v1,test.rapport.contacts.v1,test.rapport.dlq.meetings-service"))
public class MeetingsTestResources {
}
