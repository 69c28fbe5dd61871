-- Issue 9: who was referred, the lifecycle as ledger entries, corrections as reversals, thanks.

-- The referred person: one of the owner's contacts, or a name with optional details that may be
-- shared only with their agreement. Warmth: how warm the introduction was, 1 (cold) to 5.
alter table referral
    add column referred_contact_id    uuid,
    add column referred_company       text,
    add column referred_email         text,
    add column referred_phone         text,
    add column referred_agreed        boolean not null default false,
    add column warmth                 smallint check (warmth between 1 and 5),
    -- The value of the referral's current WON status (null unless WON), and when it was won:
    -- the ledger's sum for this referral, kept here for balances and summaries.
    add column won_amount             numeric(14, 2),
    add column won_currency           char(3),
    add column status_at              timestamptz,
    add column thanked_at             timestamptz,
    -- The number of ledger entries: the next one is entry_count + 1.
    add column entry_count            integer not null default 1,
    -- Set when the referred person, or the partner, was erased (the right to be forgotten).
    add column erased_at              timestamptz,
    add constraint referral_won_value check ((won_amount is null) = (won_currency is null)
        and ((status = 'WON') = (won_amount is not null)));

update referral set status_at = occurred_at where status_at is null;
alter table referral alter column status_at set not null;

create index referral_owner_referred_contact on referral (owner_id, referred_contact_id) where referred_contact_id is not null;

-- What an entry is: a status reached, the reversal of an earlier status entry (a correction),
-- or the thanks for a won referral received. Who made it: the owner (the token's subject).
-- Reversals carry the reversed value negated, so that a referral's won value is the sum of its
-- entries' values. Adding columns fires no row trigger: the append-only rule is untouched.
alter table referral_entry
    add column kind         text not null default 'STATUS' check (kind in ('STATUS', 'REVERSAL', 'THANKED')),
    add column author_id    uuid,
    add column reverses_seq integer,
    add constraint referral_entry_reversal check ((kind = 'REVERSAL') = (reverses_seq is not null));

-- Entries' notes are personal text, so they live beside the ledger rather than in it: erasure
-- removes a note and leaves the entry (status, value, times, author) exactly as it was.
create table referral_entry_note (
    referral_id uuid    not null,
    seq         integer not null,
    note        text    not null,
    primary key (referral_id, seq),
    foreign key (referral_id, seq) references referral_entry (referral_id, seq)
);

-- TRUNCATE bypasses row triggers; the ledger refuses it too.
create trigger referral_entry_no_truncate before truncate on referral_entry
    for each statement execute function referral_entry_append_only();
