-- Invitations: a one-to-one now starts INVITED or SCHEDULED and may be ACCEPTED, DECLINED or
-- left with NO_RESPONSE. A REFERRAL_FIT meeting may override the two-stage rule, on record.
alter table meeting add column invited_at          timestamptz;
alter table meeting add column answered_at         timestamptz;
alter table meeting add column two_stage_overridden boolean not null default false;
alter table meeting add column override_reason     text;

-- Every move of a one-to-one, oldest first: the invitation, its answer, each (re)scheduling
-- with its time and place, and how it ended.
create table meeting_change (
    id            bigserial   primary key,
    meeting_id    uuid        not null references meeting (id) on delete cascade,
    from_status   text,
    to_status     text        not null,
    scheduled_for timestamptz,
    location      text,
    changed_at    timestamptz not null
);
create index meeting_change_meeting on meeting_change (meeting_id, id);

-- Meetings that existed before: their creation and how they ended, so every history starts.
insert into meeting_change (meeting_id, from_status, to_status, scheduled_for, location, changed_at)
select id, null, 'SCHEDULED', scheduled_for, location, created_at from meeting;
insert into meeting_change (meeting_id, from_status, to_status, changed_at)
select id, 'SCHEDULED', status, coalesce(held_at, cancelled_at, updated_at) from meeting where status <> 'SCHEDULED';

-- The follow-up board looks for the owner's one-to-ones with a contact since a moment.
create index meeting_owner_contact_created on meeting (owner_id, contact_id, created_at);

-- Networking events: where the owner meets people, only to find candidates for one-to-ones.
create table networking_event (
    id         uuid        primary key,
    owner_id   uuid        not null,
    name       text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    place      text,
    organiser  text,
    notes      text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null,
    constraint networking_event_ends_after_start check (ends_at >= starts_at)
);
create index networking_event_owner_starts on networking_event (owner_id, starts_at desc, id desc);

-- The owner's contacts met at an event.
create table attendance (
    event_id   uuid        not null references networking_event (id) on delete cascade,
    contact_id uuid        not null,
    owner_id   uuid        not null,
    added_at   timestamptz not null,
    primary key (event_id, contact_id)
);
create index attendance_owner_contact on attendance (owner_id, contact_id);
