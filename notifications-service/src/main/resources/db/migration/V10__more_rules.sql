-- Projections for relationship.dormant, event.follow-up, meeting.no-response,
-- meeting.ask-who-they-know and reservation.unresolved. They hold ids, times and enums only:
-- people are named through contact_activity, which an erasure blanks.

-- Each one-to-one (meetings-service's meeting; an invitation is one that starts INVITED).
-- arranged_at: when it was first known to be arranged (invitation sent, meeting scheduled or held).
create table one_to_one (
    meeting_id           uuid        primary key,
    owner_id             uuid        not null,
    contact_id           uuid        not null,
    stage                text        not null,
    status               text        not null,
    arranged_at          timestamptz not null,
    invited_at           timestamptz,
    held_at              timestamptz,
    asked_who_they_know  boolean,
    names_given          integer
);
create index one_to_one_contact on one_to_one (owner_id, contact_id);

-- The people a contact named in a one-to-one, as contacts-service connects them to the person
-- met (rapport.contact.connected.v1 with origin INTRODUCTION): meeting.held.v1 carries names,
-- not the contacts made of them.
create table introduction (
    owner_id       uuid        not null,
    introducer_id  uuid        not null,
    contact_id     uuid        not null,
    introduced_at  timestamptz not null,
    primary key (owner_id, introducer_id, contact_id)
);
create index introduction_contact on introduction (owner_id, contact_id);

-- Networking events and who was met there.
create table networking_event (
    event_id   uuid        primary key,
    owner_id   uuid        not null,
    name       text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null
);

create table event_attendee (
    owner_id    uuid not null,
    event_id    uuid not null,
    contact_id  uuid not null,
    primary key (owner_id, event_id, contact_id)
);
create index event_attendee_contact on event_attendee (owner_id, contact_id);

-- Reservations about contacts; the note (free text) is not kept.
create table reservation_activity (
    reservation_id  uuid        primary key,
    owner_id        uuid        not null,
    contact_id      uuid        not null,
    holder          text        not null,
    concern         text        not null,
    status          text        not null,
    raised_at       timestamptz not null
);
create index reservation_activity_contact on reservation_activity (owner_id, contact_id);

-- Every known contact is reviewed once for relationship.dormant by the first sweep.
insert into rule_subject (owner_id, rule, subject_id, due_at)
select owner_id, 'relationship.dormant', contact_id, now() from contact_activity where not deleted
on conflict (owner_id, rule, subject_id) do nothing;
