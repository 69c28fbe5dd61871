package dev.rapport.notifications.rules;

/** How notifications name people. */
final class Names {

    private Names() {
    }

    /** The contact's name, or "a contact" when it is not known (yet, or any more). */
    static String display(String name) {
        return name == null || name.isBlank() ? "a contact" : name;
    }
}
