-- The pgbench twin's tables: copies of contacts-service's contact and the platform's outbox_event
-- in a scratch schema of the contacts database, with the same columns, defaults, checks,
-- generated search column and indexes (LIKE ... INCLUDING ALL), but no foreign keys and a
-- sequence of their own. Nothing reads them: the outbox relay and the services never see a row.
-- deploy/bench/run drops the schema at the end.
drop schema if exists bench cascade;
create schema bench;
create table bench.contact (like public.contact including all);
create table bench.outbox_event (like public.outbox_event including all);
create sequence bench.outbox_event_position_seq owned by bench.outbox_event.position;
alter table bench.outbox_event alter column position set default nextval('bench.outbox_event_position_seq');
