-- A digest per owner who asked for one: daily or weekly, at a local time in their time zone.
-- next_at is when the next one is due; the digest sweep reads only due rows.
create table digest_setting (
    owner_id    uuid        primary key,
    enabled     boolean     not null,
    frequency   text        not null,
    at_time     text        not null,
    time_zone   text        not null,
    weekday     text        not null,
    next_at     timestamptz,
    last_at     timestamptz,
    updated_at  timestamptz not null,
    version     bigint      not null
);
create index digest_setting_due on digest_setting (next_at) where next_at is not null;
