package dev.rapport.notifications;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;

/** Publishes the other services' events onto the test topics, as their outbox relays would. */
public final class Feed implements AutoCloseable {

    private final CloudEventProducer contacts = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.contacts.v1", "/rapport/contacts-service");
    private final CloudEventProducer meetings = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1", "/rapport/meetings-service");
    private final CloudEventProducer referrals = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.referrals.v1", "/rapport/referrals-service");

    public UUID contactCreated(UUID owner, String name, Instant createdAt) {
        return contactCreated(owner, name, createdAt, null);
    }

    /** A contact with its own stay-in-touch cadence ({@code stayInTouchEvery} null: the owner's default). */
    public UUID contactCreated(UUID owner, String name, Instant createdAt, String stayInTouchEvery) {
        return contactCreated(owner, name, createdAt, stayInTouchEvery, "PROSPECT");
    }

    /** A contact added at a stage other than PROSPECT (e.g. imported partners). */
    public UUID contactCreated(UUID owner, String name, Instant createdAt, String stayInTouchEvery, String stage) {
        UUID contactId = UUID.randomUUID();
        contacts.send(owner.toString(), "rapport.contact.created.v1", contactId.toString(), """
                {"contactId":"%s","name":"%s","company":null,"role":null,"email":null,"phone":null,"business":null,
                 "targetMarket":null,"idealClient":null,"tags":[],"source":"OTHER","stage":"%s",
                 "stayInTouchEvery":%s,"createdAt":"%s"}"""
                .formatted(contactId, name, stage, json(stayInTouchEvery), createdAt));
        return contactId;
    }

    public void stageChanged(UUID owner, UUID contactId, String from, String to, Instant at) {
        contacts.send(owner.toString(), "rapport.contact.stage-changed.v1", contactId.toString(), """
                {"contactId":"%s","from":"%s","to":"%s","reason":null,"at":"%s"}""".formatted(contactId, from, to, at));
    }

    public void contactUpdated(UUID owner, UUID contactId, String name, String stayInTouchEvery, Instant at) {
        contacts.send(owner.toString(), "rapport.contact.updated.v1", contactId.toString(), """
                {"contactId":"%s","name":"%s","company":null,"role":null,"email":null,"phone":null,"business":null,
                 "targetMarket":null,"idealClient":null,"tags":[],"source":"OTHER","stage":"PROSPECT",
                 "stayInTouchEvery":%s,"updatedAt":"%s"}"""
                .formatted(contactId, name, json(stayInTouchEvery), at));
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    public void contactDeleted(UUID owner, UUID contactId, Instant at) {
        contacts.send(owner.toString(), "rapport.contact.deleted.v1", contactId.toString(),
                "{\"contactId\":\"%s\",\"deletedAt\":\"%s\"}".formatted(contactId, at));
    }

    public void contactErased(UUID owner, UUID contactId, Instant at) {
        contacts.send(owner.toString(), "rapport.contact.erased.v1", contactId.toString(),
                "{\"contactId\":\"%s\",\"erasedAt\":\"%s\"}".formatted(contactId, at));
    }

    public void touchpoint(UUID owner, UUID contactId, Instant at) {
        UUID id = UUID.randomUUID();
        meetings.send(owner.toString(), "rapport.touchpoint.logged.v1", id.toString(),
                "{\"touchpointId\":\"%s\",\"contactId\":\"%s\",\"kind\":\"CALL\",\"occurredAt\":\"%s\"}".formatted(id, contactId, at));
    }

    public void meetingHeld(UUID owner, UUID contactId, Instant at) {
        UUID id = UUID.randomUUID();
        meetings.send(owner.toString(), "rapport.meeting.held.v1", id.toString(),
                "{\"meetingId\":\"%s\",\"contactId\":\"%s\",\"stage\":\"DISCOVERY\",\"heldAt\":\"%s\"}".formatted(id, contactId, at));
    }

    /** Sends a referral event with a given id, so a test can deliver the same one twice. */
    public String referral(String eventId, UUID owner, String direction, UUID partnerId, Instant at) {
        UUID id = UUID.randomUUID();
        return referrals.send(eventId, owner.toString(), "rapport.referral." + direction + ".v1", id.toString(), """
                {"referralId":"%s","partnerId":"%s","referredName":"Jo Bloggs","need":"bookkeeping","occurredAt":"%s"}"""
                .formatted(id, partnerId, at));
    }

    /** A referral given or received, answering its referral id. */
    public UUID referralWithId(UUID owner, String direction, UUID partnerId, String referredName, Instant at) {
        UUID id = UUID.randomUUID();
        referrals.send(owner.toString(), "rapport.referral." + direction + ".v1", id.toString(), """
                {"referralId":"%s","partnerId":"%s","referredName":"%s","need":null,"occurredAt":"%s"}"""
                .formatted(id, partnerId, referredName, at));
        return id;
    }

    public void referralStatusChanged(UUID owner, UUID referralId, UUID partnerId, String direction, String from, String to, Instant at,
            boolean reversal) {
        referrals.send(owner.toString(), "rapport.referral.status-changed.v1", referralId.toString(), """
                {"referralId":"%s","partnerId":"%s","direction":"%s","from":"%s","to":"%s","at":"%s","reversal":%s,"value":null}"""
                .formatted(referralId, partnerId, direction, from, to, at, reversal));
    }

    public void referralWon(UUID owner, UUID referralId, UUID partnerId, String direction, String amount, Instant at) {
        referrals.send(owner.toString(), "rapport.referral.won.v1", referralId.toString(), """
                {"referralId":"%s","partnerId":"%s","direction":"%s","value":{"amount":"%s","currency":"EUR"},"wonAt":"%s"}"""
                .formatted(referralId, partnerId, direction, amount, at));
    }

    public void referralThanked(UUID owner, UUID referralId, UUID partnerId, Instant at) {
        referrals.send(owner.toString(), "rapport.referral.thanked.v1", referralId.toString(), """
                {"referralId":"%s","partnerId":"%s","thankedAt":"%s"}""".formatted(referralId, partnerId, at));
    }

    public String referral(UUID owner, String direction, UUID partnerId, Instant at) {
        return referral(UUID.randomUUID().toString(), owner, direction, partnerId, at);
    }

    public void poison(String key, String value) {
        referrals.sendRaw(key, value);
    }

    @Override
    public void close() {
        contacts.close();
        meetings.close();
        referrals.close();
    }
}
