-- The trace an outbox event was written in (W3C Trace Context), which the relay sends on as the
-- CloudEvents distributed-tracing extension (ce_traceparent, ce_tracestate). Null when the event
-- was written outside any trace, and for events written before tracing.
--
-- A repeatable migration, as R__erased_account.sql explains: it adds the columns to every
-- existing database without a platform version of its own, so it must stay idempotent.
alter table outbox_event add column if not exists traceparent text;
alter table outbox_event add column if not exists tracestate text;
