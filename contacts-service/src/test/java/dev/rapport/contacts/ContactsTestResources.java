package dev.rapport.contacts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The test topics, for every test of this module (QuarkusTestResource is global). */
@QuarkusTestResource(value = dev.rapport.platform.testing.TestTopics.class,
        initArgs = @ResourceArg(name = "topics", value = "test.contacts-service.contacts.v1,test.rapport.meetings.v1,test.rapport.dlq.contacts-service"))
public class ContactsTestResources {
}
