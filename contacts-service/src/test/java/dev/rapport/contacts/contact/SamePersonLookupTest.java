package dev.rapport.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The SQL side of {@link SamePerson}: the same cases as the import's DuplicateCheckTest, against stored contacts. */
@QuarkusTest
class SamePersonLookupTest {

    @Inject
    ContactService service;

    @Inject
    ContactRepository contacts;

    @Test
    @TestTransaction
    void findsTheSamePersonByEmailOrByNameAndCompany() {
        UUID owner = UUID.randomUUID();
        UUID sam = create(owner, "Sam Carter", "Carter & Co ", "Sam@Carter.example");
        UUID jo = create(owner, "Jo Patel", null, null);

        assertThat(contacts.findSamePerson(owner, " sam@CARTER.example", "Samuel C", null)).get().extracting(c -> c.id).isEqualTo(sam);
        assertThat(contacts.findSamePerson(owner, "other@carter.example", " sam carter ", "CARTER & CO")).get()
                .extracting(c -> c.id).isEqualTo(sam);
        assertThat(contacts.findSamePerson(owner, null, "Sam Carter", "Carter and Co")).isEmpty();
        assertThat(contacts.findSamePerson(owner, null, "Sam Carter", null)).isEmpty();
        assertThat(contacts.findSamePerson(owner, null, "jo patel", null)).get().extracting(c -> c.id).isEqualTo(jo);
        assertThat(contacts.findSamePerson(owner, null, "jo patel", "Patel Design")).isEmpty();
        assertThat(contacts.findSamePerson(UUID.randomUUID(), "sam@carter.example", "Sam Carter", "Carter & Co")).isEmpty();
    }

    private UUID create(UUID owner, String name, String company, String email) {
        ContactRequest request = new ContactRequest(name, company, null, email, null, null, null, null, List.of(), null,
                null, null, null, null, null);
        return service.create(owner, request).contact().id();
    }
}
