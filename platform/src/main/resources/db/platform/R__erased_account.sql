-- Accounts erased on this service (the right to be forgotten): only their id and when. An event
-- about such an account that occurred before its erasure and arrives after it is not applied
-- (IdempotentConsumer), so a late event cannot bring the account's data back.
--
-- A repeatable migration: it runs after each service's own versioned migrations, so that the
-- platform adds the table to every existing database without a version of its own. It must stay
-- idempotent, and no versioned migration may refer to the table.
create table if not exists erased_account (
    owner_id  uuid        primary key,
    erased_at timestamptz not null
);
