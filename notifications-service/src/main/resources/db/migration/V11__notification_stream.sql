-- The live stream's log: each owner's notification events numbered 1, 2, 3... in the order
-- their transactions commit, so that a client resuming with Last-Event-ID: n misses nothing.
-- Positions are taken from the owner's counter row, locked until the commit: a transaction
-- that takes n+1 waits for the one holding n to commit, so no smaller position can appear
-- after a larger one is visible (a sequence would hand out numbers at insert, and rows would
-- commit out of order).
create table notification_stream_owner (
    owner_id           uuid   primary key,
    last_position      bigint not null,
    -- The highest position deleted by retention: resuming from before it has missed events.
    forgotten_through  bigint not null default 0
);

create table notification_stream (
    owner_id    uuid        not null,
    position    bigint      not null,
    event_id    uuid        not null,
    event_type  text        not null,
    -- What the client receives as the event's data: {"type", "timestamp", "data"}, as a webhook.
    payload     text        not null,
    created_at  timestamptz not null,
    primary key (owner_id, position)
);
create index notification_stream_created on notification_stream (created_at);
