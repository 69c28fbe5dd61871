-- The trace the test consumer's effect ran in, as the outbox would store it.
alter table test_effect add column traceparent text;
