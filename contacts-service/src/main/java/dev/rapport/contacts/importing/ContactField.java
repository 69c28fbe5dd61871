package dev.rapport.contacts.importing;

import java.util.List;

/**
 * A profile field an imported row can fill, with the CSV headers that name it. Headers are
 * compared by their letters and digits only, ignoring case: "E-mail", "EMAIL" and "e mail" all
 * name {@link #EMAIL}. {@link #GIVEN_NAME} and {@link #FAMILY_NAME} make the name when no
 * {@link #NAME} is given.
 */
enum ContactField {
    NAME("name", "Name", "Full Name", "Contact Name", "Display Name"),
    GIVEN_NAME("name", "First Name", "Given Name"),
    FAMILY_NAME("name", "Last Name", "Family Name", "Surname"),
    COMPANY("company", "Company", "Organization", "Organisation", "Company Name", "Org"),
    ROLE("role", "Role", "Title", "Job Title", "Position"),
    EMAIL("email", "Email", "E-mail", "Email Address", "E-mail Address"),
    PHONE("phone", "Phone", "Mobile", "Telephone", "Phone Number", "Mobile Phone", "Tel"),
    BUSINESS("business", "Business", "What They Do"),
    TARGET_MARKET("targetMarket", "Target Market"),
    IDEAL_CLIENT("idealClient", "Ideal Client"),
    TAGS("tags", "Tags", "Categories", "Labels"),
    NOTES("notes", "Notes", "Note", "Comments");

    /** The ContactRequest property the field fills, as reasons name it. */
    final String property;
    /** The headers that name the field, as the problem for a header without a name lists them. */
    final List<String> headers;

    ContactField(String property, String... headers) {
        this.property = property;
        this.headers = List.of(headers);
    }

    /** The field a CSV header names, or null. */
    static ContactField ofHeader(String header) {
        String key = key(header);
        for (ContactField field : values()) {
            for (String alias : field.headers) {
                if (key(alias).equals(key)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static String key(String header) {
        StringBuilder key = new StringBuilder();
        header.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
        return key.toString();
    }
}
