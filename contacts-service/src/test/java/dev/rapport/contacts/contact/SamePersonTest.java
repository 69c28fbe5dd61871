package dev.rapport.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamePersonTest {

    @Test
    void anEmailIsKeyedIgnoringCaseAndSurroundingBlanks() {
        assertThat(SamePerson.emailKey(" Sam@CARTER.example\t")).isEqualTo(SamePerson.emailKey("sam@carter.example"));
        assertThat(SamePerson.emailKey("sam@carter.example")).isNotEqualTo(SamePerson.emailKey("sam@carter.example.com"));
    }

    @Test
    void noEmailHasNoKey() {
        assertThat(SamePerson.emailKey(null)).isNull();
    }

    @Test
    void aNameAndACompanyAreKeyedIgnoringCaseAndSurroundingBlanks() {
        assertThat(SamePerson.nameKey(" sam CARTER ")).isEqualTo(SamePerson.nameKey("Sam Carter"));
        assertThat(SamePerson.companyKey("CARTER & CO ")).isEqualTo(SamePerson.companyKey("Carter & Co"));
        assertThat(SamePerson.companyKey("Carter and Co")).isNotEqualTo(SamePerson.companyKey("Carter & Co"));
    }

    @Test
    void noCompanyIsKeyedAsAnEmptyOne() {
        assertThat(SamePerson.companyKey(null)).isEqualTo(SamePerson.companyKey(" ")).isEqualTo("");
    }
}
