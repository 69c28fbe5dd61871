package dev.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.rapport.contacts.contact.ContactRequest;
import dev.rapport.contacts.contact.ContactSource;
import dev.rapport.platform.json.TextRules;

/**
 * The values one row or card gives, collected field by field, then turned into the
 * {@link ContactRequest} that POST /contacts would take. Values are trimmed and blank ones left
 * out; the first value of a field wins (a card's first EMAIL), except notes, which add up.
 */
final class CardFields {

    private final Map<ContactField, String> values = new EnumMap<>(ContactField.class);
    private final List<String> tags = new ArrayList<>();

    void put(ContactField field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return;
        }
        if (field == ContactField.TAGS) {
            tags.add(text);
        } else if (field == ContactField.NOTES && values.containsKey(field)) {
            values.put(field, values.get(field) + "\n" + text);
        } else {
            values.putIfAbsent(field, text);
        }
    }

    /** The row: text the API refuses anywhere (NUL, lone surrogates) makes it unreadable; the rest is for validation. */
    ImportRow toRow(int row) {
        for (Map.Entry<ContactField, String> value : values.entrySet()) {
            String problem = TextRules.problemWith(value.getValue());
            if (problem != null) {
                return new ImportRow.Unreadable(row, value.getKey().property + ": " + problem);
            }
        }
        for (String tag : tags) {
            String problem = TextRules.problemWith(tag);
            if (problem != null) {
                return new ImportRow.Unreadable(row, "tags: " + problem);
            }
        }
        return new ImportRow.Readable(row, new ContactRequest(name(), get(ContactField.COMPANY), get(ContactField.ROLE),
                get(ContactField.EMAIL), get(ContactField.PHONE), get(ContactField.BUSINESS),
                get(ContactField.TARGET_MARKET), get(ContactField.IDEAL_CLIENT), tags.isEmpty() ? null : List.copyOf(tags),
                get(ContactField.NOTES), ContactSource.BUSINESS_CARD, null, null, null, null));
    }

    /** The full name, or else the given and family names joined; null when none is given. */
    private String name() {
        if (values.containsKey(ContactField.NAME)) {
            return get(ContactField.NAME);
        }
        List<String> parts = new ArrayList<>();
        for (ContactField part : List.of(ContactField.GIVEN_NAME, ContactField.FAMILY_NAME)) {
            if (values.containsKey(part)) {
                parts.add(get(part));
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private String get(ContactField field) {
        return values.get(field);
    }
}
