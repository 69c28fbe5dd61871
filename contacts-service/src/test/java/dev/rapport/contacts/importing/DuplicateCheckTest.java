package dev.rapport.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.contact.ContactRepository.ContactIdentity;

class DuplicateCheckTest {

    private static final UUID SAM = UUID.randomUUID();
    private final DuplicateCheck check = new DuplicateCheck(
            List.of(new ContactIdentity(SAM, "Sam Carter", "Carter & Co", "Sam@Carter.example")));

    @Test
    void theSameEmailIgnoringCaseIsADuplicateOfTheExistingContact() {
        assertThat(check.find(" sam@CARTER.example", "Samuel C", null))
                .isEqualTo(new DuplicateCheck.Match(SAM, null, "the same email as an existing contact"));
    }

    @Test
    void theSameNameAndCompanyIgnoringCaseAndBlanksIsADuplicate() {
        assertThat(check.find("other@carter.example", " sam carter ", "CARTER & CO "))
                .isEqualTo(new DuplicateCheck.Match(SAM, null, "the same name and company as an existing contact"));
        assertThat(check.find(null, "Sam Carter", "Carter and Co")).isNull();
        assertThat(check.find(null, "Sam Carter", null)).isNull();
    }

    @Test
    void aMissingCompanyMatchesAMissingCompany() {
        check.willCreate(1, null, "Jo Patel", null);

        assertThat(check.find(null, "jo patel", "Patel Design")).isNull();
        assertThat(check.find(null, "jo patel", null)).isEqualTo(new DuplicateCheck.Match(null, 1, "the same name and company as row 1"));
    }

    @Test
    void anEarlierRowToBeCreatedIsNamedByItsRow() {
        check.willCreate(3, "jo@patel.example", "Jo Patel", "Patel Design");

        assertThat(check.find("JO@patel.example", "Joanna", null)).isEqualTo(new DuplicateCheck.Match(null, 3, "the same email as row 3"));
    }
}
