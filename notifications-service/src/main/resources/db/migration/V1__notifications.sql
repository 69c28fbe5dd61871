-- Per-user rule settings; an owner without a row has the configured defaults.
create table rule_settings (
    owner_id                   uuid        primary key,
    unreturned_enabled         boolean     not null,
    unreturned_min_count       integer     not null,
    unreturned_after_seconds   bigint      not null,
    stalled_enabled            boolean     not null,
    stalled_cadence_seconds    bigint      not null,
    updated_at                 timestamptz not null,
    version                    bigint      not null
);

-- Projection of contacts and the owner's interactions with them (meetings held, touchpoints).
-- stall_due_at is when relationship.stalled fires next; the sweep reads only rows that are due.
create table contact_activity (
    contact_id           uuid        primary key,
    owner_id             uuid        not null,
    name                 text        not null,
    added_at             timestamptz not null,
    last_interaction_at  timestamptz,
    deleted              boolean     not null default false,
    stall_due_at         timestamptz
);
create index contact_activity_owner on contact_activity (owner_id);
create index contact_activity_stall_due on contact_activity (stall_due_at) where stall_due_at is not null;

-- Projection of the referral ledger per partner. "Unreturned" counts referrals given since the
-- last one received back; unreturned_due_at is when referral.unreturned fires next.
create table partner_ledger (
    owner_id              uuid        not null,
    partner_id            uuid        not null,
    given_count           integer     not null default 0,
    received_count        integer     not null default 0,
    unreturned_count      integer     not null default 0,
    oldest_unreturned_at  timestamptz,
    last_given_at         timestamptz,
    last_received_at      timestamptz,
    unreturned_due_at     timestamptz,
    primary key (owner_id, partner_id)
);
create index partner_ledger_unreturned_due on partner_ledger (unreturned_due_at) where unreturned_due_at is not null;

create table notification (
    id            uuid        primary key,
    owner_id      uuid        not null,
    rule          text        not null,
    subject_id    uuid        not null,
    subject_name  text,
    title         text        not null,
    message       text        not null,
    status        text        not null,
    created_at    timestamptz not null,
    read_at       timestamptz,
    dismissed_at  timestamptz,
    resolved_at   timestamptz,
    version       bigint      not null
);
-- One open notification per (owner, rule, subject), whatever the number of sweeps or instances.
create unique index notification_one_open on notification (owner_id, rule, subject_id) where status = 'OPEN';
create index notification_inbox on notification (owner_id, created_at desc, id desc);

create table webhook_subscription (
    id           uuid        primary key,
    owner_id     uuid        not null,
    url          text        not null,
    description  text,
    event_types  varchar(100)[] not null,
    secret       text        not null,
    enabled      boolean     not null,
    created_at   timestamptz not null,
    version      bigint      not null
);
create index webhook_subscription_owner on webhook_subscription (owner_id, created_at desc, id desc);

create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    owner_id         uuid        not null,
    event_id         text        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc, id desc);

create table webhook_attempt (
    id            bigserial   primary key,
    delivery_id   uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    duration_ms   integer     not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
