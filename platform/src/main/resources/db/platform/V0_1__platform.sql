-- Shared mechanisms every Rapport service uses. Versions 0.x belong to the platform module;
-- each service's own migrations start at V1.

-- Transactional outbox: written in the same transaction as the change, published by OutboxRelay.
-- The payload is json, not jsonb, so that it is published exactly as it was serialized.
create table outbox_event (
    position     bigserial    primary key,
    id           uuid         not null unique,
    owner_id     uuid         not null,
    subject      text         not null,
    type         text         not null,
    occurred_at  timestamptz  not null,
    payload      json         not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- Idempotent consumers: one row per (consumer, event id) applied, written with the effect.
create table processed_event (
    consumer     text         not null,
    event_id     text         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key on POST: the first answer, replayed for a repeat with the same key and body.
create table idempotency_key (
    owner_id       uuid         not null,
    key            text         not null,
    request_hash   text         not null,
    created_at     timestamptz  not null,
    completed_at   timestamptz,
    status         integer,
    content_type   text,
    location       text,
    etag           text,
    body           text,
    primary key (owner_id, key)
);
