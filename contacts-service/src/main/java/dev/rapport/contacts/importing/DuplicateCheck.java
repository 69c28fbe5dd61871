package dev.rapport.contacts.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.contacts.contact.ContactRepository.ContactIdentity;
import dev.rapport.contacts.contact.SamePerson;

/**
 * Tells whether a row is a contact the caller already has: the {@link SamePerson same person} as
 * one of their existing contacts or as a row this import has created. In memory, so that an
 * import of thousands of rows reads the owner's contacts once.
 */
final class DuplicateCheck {

    /** What a row duplicates: an existing contact ({@code contactId}) or an earlier row to be created ({@code row}). */
    record Match(UUID contactId, Integer row, String reason) {
    }

    /** An existing contact (its id) or a row to be created (its number). */
    private record Known(UUID contactId, Integer row) {
    }

    private final Map<String, Known> byEmail = new HashMap<>();
    private final Map<NameAndCompany, Known> byNameAndCompany = new HashMap<>();

    DuplicateCheck(List<ContactIdentity> existing) {
        existing.forEach(contact -> remember(contact.email(), contact.name(), contact.company(), new Known(contact.id(), null)));
    }

    /** The contact this one duplicates, or null. */
    Match find(String email, String name, String company) {
        Known known = email == null ? null : byEmail.get(SamePerson.emailKey(email));
        if (known != null) {
            return match(known, "the same email as ");
        }
        known = byNameAndCompany.get(NameAndCompany.of(name, company));
        return known == null ? null : match(known, "the same name and company as ");
    }

    /** Remembers that row {@code row} will be created, so that later rows like it are duplicates. */
    void willCreate(int row, String email, String name, String company) {
        remember(email, name, company, new Known(null, row));
    }

    private void remember(String email, String name, String company, Known known) {
        if (email != null) {
            byEmail.putIfAbsent(SamePerson.emailKey(email), known);
        }
        byNameAndCompany.putIfAbsent(NameAndCompany.of(name, company), known);
    }

    private static Match match(Known known, String same) {
        return new Match(known.contactId(), known.row(),
                same + (known.row() == null ? "an existing contact" : "row " + known.row()));
    }

    private record NameAndCompany(String nameKey, String companyKey) {

        static NameAndCompany of(String name, String company) {
            return new NameAndCompany(SamePerson.nameKey(name), SamePerson.companyKey(company));
        }
    }
}
