package dev.rapport.contacts.contact;

import java.util.Locale;

/**
 * When two of an owner's contacts are the same person: the same email, or the same name and the
 * same company, each compared by its key below (ignoring case and surrounding blanks; no company
 * counts as empty, no email matches no one). The import compares the keys in memory
 * ({@code DuplicateCheck}) and {@link ContactRepository#findSamePerson} compares the keys each
 * contact stores, so the two cannot disagree.
 */
public final class SamePerson {

    private SamePerson() {
    }

    /** The key of an email, or null for no email. */
    public static String emailKey(String email) {
        return email == null ? null : normalised(email);
    }

    public static String nameKey(String name) {
        return name == null ? "" : normalised(name);
    }

    public static String companyKey(String company) {
        return company == null ? "" : normalised(company);
    }

    private static String normalised(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
