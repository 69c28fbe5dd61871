package dev.rapport.notifications.notification;

/**
 * What a notification says: its title, a sentence a person would write, and a link to its
 * subject in the API (e.g. {@code /contacts/{id}}), so a client can open what it is about.
 */
public record NotificationContent(String subjectName, String title, String message, String link) {
}
