-- The owner's contacts as far as referrals need them, built from rapport.contacts.v1.
-- A deleted contact stays as a tombstone: referrals recorded with them keep their partner.
create table contact_replica (
    contact_id uuid        primary key,
    owner_id   uuid        not null,
    name       text        not null,
    deleted    boolean     not null default false,
    updated_at timestamptz
);

-- A referral given to, or received from, a partner contact. What it was about never changes;
-- its status is the status of its latest ledger entry, kept here so lists can filter by it.
create table referral (
    id            uuid        primary key,
    owner_id      uuid        not null,
    direction     text        not null check (direction in ('GIVEN', 'RECEIVED')),
    partner_id    uuid        not null,
    referred_name text        not null,
    need          text,
    occurred_at   timestamptz not null,
    notes         text,
    status        text        not null check (status in ('OPEN', 'CONTACTED', 'MEETING', 'WON', 'LOST', 'DECLINED')),
    created_at    timestamptz not null,
    version       bigint      not null
);

-- Lists are per owner (optionally per partner), newest first, paged by (occurred_at, id);
-- the per-partner index also serves the balance aggregates.
create index referral_owner_occurred on referral (owner_id, occurred_at desc, id desc);
create index referral_owner_partner on referral (owner_id, partner_id, occurred_at desc, id desc);

-- The ledger: one entry per status a referral reaches, the first one OPEN. Entries are only
-- ever added; (referral_id, seq) makes two concurrent changes of one referral collide.
create table referral_entry (
    referral_id    uuid          not null references referral (id),
    seq            integer       not null check (seq > 0),
    status         text          not null check (status in ('OPEN', 'CONTACTED', 'MEETING', 'WON', 'LOST', 'DECLINED')),
    value_amount   numeric(14, 2),
    value_currency char(3),
    at             timestamptz   not null,
    recorded_at    timestamptz   not null,
    primary key (referral_id, seq),
    check ((value_amount is null) = (value_currency is null))
);

create function referral_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'referral_entry is append-only: % refused', tg_op;
end $$;

create trigger referral_entry_append_only before update or delete on referral_entry
    for each row execute function referral_entry_append_only();
