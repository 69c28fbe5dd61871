-- The effect of the test consumer: one row per event it applied.
create table test_effect (
    position bigserial primary key,
    event_id text not null,
    subject  text not null
);
