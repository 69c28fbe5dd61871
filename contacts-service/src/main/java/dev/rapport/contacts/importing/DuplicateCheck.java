package dev.rapport.contacts.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.rapport.contacts.contact.ContactRepository.ContactIdentity;

/**
 * Tells whether a row is a contact the caller already has: the same email (ignoring case), or
 * the same name and company (ignoring case and surrounding blanks; a missing company counts as
 * empty), as one of their existing contacts or as a row this import has created.
 */
final class DuplicateCheck {

    /** What a row duplicates: an existing contact ({@code contactId}) or an earlier row to be created ({@code row}). */
    record Match(UUID contactId, Integer row, String reason) {
    }

    /** An existing contact (its id) or a row to be created (its number). */
    private record Known(UUID contactId, Integer row) {
    }

    private final Map<String, Known> byEmail = new HashMap<>();
    private final Map<String, Known> byNameAndCompany = new HashMap<>();

    DuplicateCheck(List<ContactIdentity> existing) {
        existing.forEach(contact -> remember(contact.email(), contact.name(), contact.company(), new Known(contact.id(), null)));
    }

    /** The contact this one duplicates, or null. */
    Match find(String email, String name, String company) {
        Known known = email == null ? null : byEmail.get(emailKey(email));
        if (known != null) {
            return match(known, "the same email as ");
        }
        known = byNameAndCompany.get(nameAndCompanyKey(name, company));
        return known == null ? null : match(known, "the same name and company as ");
    }

    /** Remembers that row {@code row} will be created, so that later rows like it are duplicates. */
    void willCreate(int row, String email, String name, String company) {
        remember(email, name, company, new Known(null, row));
    }

    private void remember(String email, String name, String company, Known known) {
        if (email != null) {
            byEmail.putIfAbsent(emailKey(email), known);
        }
        byNameAndCompany.putIfAbsent(nameAndCompanyKey(name, company), known);
    }

    private static Match match(Known known, String same) {
        return new Match(known.contactId(), known.row(),
                same + (known.row() == null ? "an existing contact" : "row " + known.row()));
    }

    private static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String nameAndCompanyKey(String name, String company) {
        return name.strip().toLowerCase(Locale.ROOT) + "\n" + (company == null ? "" : company.strip().toLowerCase(Locale.ROOT));
    }
}
