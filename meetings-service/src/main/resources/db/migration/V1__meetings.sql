-- The owner's contacts as contacts-service announced them on rapport.contacts.v1: just enough
-- to refuse references to unknown, deleted or foreign contacts. A deleted contact stays as a
-- tombstone so that a late or replayed event cannot bring it back.
create table contact_replica (
    contact_id uuid        primary key,
    owner_id   uuid        not null,
    name       text        not null,
    deleted    boolean     not null default false,
    updated_at timestamptz
);

create table meeting (
    id                       uuid        primary key,
    owner_id                 uuid        not null,
    contact_id               uuid        not null,
    stage                    text        not null,
    status                   text        not null,
    scheduled_for            timestamptz,
    location                 text,
    agenda                   text,
    held_at                  timestamptz,
    notes                    text,
    asked_who_they_know      boolean,
    both_agreed_to_follow_up boolean,
    cancelled_at             timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  bigint      not null
);

-- Lists are per owner, newest first, paged by (created_at, id); the REFERRAL_FIT rule looks
-- for the owner's held discovery meetings with one contact.
create index meeting_owner_created on meeting (owner_id, created_at desc, id desc);
create index meeting_owner_contact on meeting (owner_id, contact_id, stage, status);

create table touchpoint (
    id          uuid        primary key,
    owner_id    uuid        not null,
    contact_id  uuid        not null,
    kind        text        not null,
    occurred_at timestamptz not null,
    note        text,
    created_at  timestamptz not null,
    version     bigint      not null
);

-- Lists are per owner (and contact), latest first, paged by (occurred_at, id).
create index touchpoint_owner_occurred on touchpoint (owner_id, occurred_at desc, id desc);
create index touchpoint_owner_contact on touchpoint (owner_id, contact_id, occurred_at desc, id desc);
