-- Reservations about a contact, raised in a stage-2 (referral fit) one-to-one: ME holds mine
-- about them, THEM holds theirs about me. OPEN until resolved or confirmed (a deal-breaker).
create table reservation (
    id           uuid          primary key,
    owner_id     uuid          not null,
    contact_id   uuid          not null references contact (id) on delete cascade,
    holder       text          not null check (holder in ('ME', 'THEM')),
    concern      text          not null check (concern in ('COMPETENCE', 'CONSISTENCY', 'INTEGRITY',
                                   'CONFIDENTIALITY', 'RELIABILITY', 'REACH', 'OTHER')),
    note         varchar(2000) not null,
    status       text          not null check (status in ('OPEN', 'RESOLVED', 'CONFIRMED')),
    raised_at    timestamptz   not null,
    closed_at    timestamptz,
    closing_note varchar(2000),
    version      bigint        not null,
    check ((status = 'OPEN') = (closed_at is null))
);

-- Lists are per contact, oldest first, paged by (raised_at, id), optionally of one status.
create index reservation_contact on reservation (contact_id, raised_at, id);
create index reservation_contact_status on reservation (contact_id, status, raised_at, id);
-- The check before a move to PARTNER: the open ones of one contact.
create index reservation_open on reservation (contact_id) where status = 'OPEN';
