package dev.rapport.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** A discovery one-to-one held in which "who do you know?" was asked, and no names were given. */
    public void meetingHeld(UUID owner, UUID contactId, Instant at) {
        meetingHeld(owner, UUID.randomUUID(), contactId, "DISCOVERY", at, true);
    }

    /** A one-to-one held, with what it yielded: whether "who do you know?" was asked, and the names given. */
    public UUID meetingHeld(UUID owner, UUID meetingId, UUID contactId, String stage, Instant at, boolean askedWhoTheyKnow,
            String... namesGiven) {
        String names = Arrays.stream(namesGiven)
                .map(name -> "{\"name\":\"%s\",\"company\":null,\"email\":null,\"phone\":null,\"note\":null}".formatted(name))
                .collect(Collectors.joining(",", "[", "]"));
        meetings.send(owner.toString(), "rapport.meeting.held.v1", meetingId.toString(), """
                {"meetingId":"%s","contactId":"%s","stage":"%s","heldAt":"%s","askedWhoTheyKnow":%s,"bothAgreedToFollowUp":true,
                 "commonGround":null,"namesGiven":%s,"reservationsShared":[]}"""
                .formatted(meetingId, contactId, stage, at, askedWhoTheyKnow, names));
        return meetingId;
    }

    /** An invitation event: {@code type} sent, accepted, declined or expired; answers the invitation's (the one-to-one's) id. */
    public UUID invitation(UUID owner, String type, UUID invitationId, UUID contactId, Instant at) {
        meetings.send(owner.toString(), "rapport.invitation." + type + ".v1", invitationId.toString(), """
                {"invitationId":"%s","contactId":"%s","stage":"DISCOVERY","at":"%s"}""".formatted(invitationId, contactId, at));
        return invitationId;
    }

    public void meetingScheduled(UUID owner, UUID meetingId, UUID contactId, Instant at) {
        meetings.send(owner.toString(), "rapport.meeting.scheduled.v1", meetingId.toString(), """
                {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","scheduledFor":null,"createdAt":"%s"}"""
                .formatted(meetingId, contactId, at));
    }

    public void meetingCancelled(UUID owner, UUID meetingId, UUID contactId, Instant at) {
        meetings.send(owner.toString(), "rapport.meeting.cancelled.v1", meetingId.toString(), """
                {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","cancelledAt":"%s"}""".formatted(meetingId, contactId, at));
    }

    /** A networking event recorded; answers its id. */
    public UUID networkingEvent(UUID owner, String name, Instant startsAt, Instant endsAt) {
        UUID id = UUID.randomUUID();
        meetings.send(owner.toString(), "rapport.networking-event.created.v1", id.toString(), """
                {"eventId":"%s","name":"%s","startsAt":"%s","endsAt":"%s","place":null,"organiser":null,"at":"%s"}"""
                .formatted(id, name, startsAt, endsAt, endsAt));
        return id;
    }

    public void networkingEventDeleted(UUID owner, UUID eventId, Instant at) {
        meetings.send(owner.toString(), "rapport.networking-event.deleted.v1", eventId.toString(),
                "{\"eventId\":\"%s\",\"at\":\"%s\"}".formatted(eventId, at));
    }

    /** {@code change} added or removed. */
    public void attendee(UUID owner, String change, UUID eventId, UUID contactId, Instant at) {
        meetings.send(owner.toString(), "rapport.networking-event.attendee-" + change + ".v1", eventId.toString(),
                "{\"eventId\":\"%s\",\"contactId\":\"%s\",\"at\":\"%s\"}".formatted(eventId, contactId, at));
    }

    /** A reservation raised about the contact ({@code holder} ME or THEM); answers its id. */
    public UUID reservationRaised(UUID owner, UUID contactId, String holder, String concern, Instant at) {
        UUID id = UUID.randomUUID();
        contacts.send(owner.toString(), "rapport.reservation.raised.v1", contactId.toString(), """
                {"reservationId":"%s","contactId":"%s","holder":"%s","concern":"%s","note":"Said something odd","status":"OPEN","at":"%s"}"""
                .formatted(id, contactId, holder, concern, at));
        return id;
    }

    /** {@code status} RESOLVED or CONFIRMED. */
    public void reservationSettled(UUID owner, UUID reservationId, UUID contactId, String status, Instant at) {
        contacts.send(owner.toString(), "rapport.reservation." + status.toLowerCase(Locale.ROOT) + ".v1", contactId.toString(), """
                {"reservationId":"%s","contactId":"%s","holder":"ME","concern":"OTHER","note":null,"status":"%s","at":"%s"}"""
                .formatted(reservationId, contactId, status, at));
    }

    /** Two contacts connected; {@code origin} MANUAL or INTRODUCTION (someone the first named in a one-to-one). */
    public void contactConnected(UUID owner, UUID contactId, UUID otherContactId, String origin, Instant at) {
        contacts.send(owner.toString(), "rapport.contact.connected.v1", contactId.toString(), """
                {"contactId":"%s","otherContactId":"%s","note":null,"origin":"%s","at":"%s"}"""
                .formatted(contactId, otherContactId, origin, at));
    }

    /** Any meetings-service event, as given (a test of malformed ones). */
    public void meetingsEvent(UUID owner, String type, UUID subject, String json) {
        meetings.send(owner.toString(), type, subject.toString(), json);
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
