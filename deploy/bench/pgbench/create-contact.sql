-- The twin of POST /contacts at the database: in one transaction, the contact row and the
-- outbox row of its rapport.contact.created.v1 event, as ContactService.create and
-- Outbox.publishAll write them (the same columns and a payload of the same shape and size).
-- :users is set by deploy/bench/run (-D users=N), as many owners as benchmark users. pgbench
-- takes any colon and name for a variable, even in a string: hence ": null" in the JSON.
\set owner random(1, :users)
\set n random(1, 1000000000000)
begin;
insert into bench.contact (id, owner_id, name, company, email, tags, source, stage, created_at, updated_at, version,
    email_key, name_key, company_key)
values (md5('c' || :n::text)::uuid, md5('bench-owner-' || :owner::text)::uuid, 'Bench ' || :n::text, 'Bench Co',
    'bench-' || :n::text || '@bench.example', '{bench}', 'OTHER', 'PROSPECT', now(), now(), 0,
    'bench-' || :n::text || '@bench.example', 'bench ' || :n::text, 'bench co');
insert into bench.outbox_event (id, owner_id, subject, type, occurred_at, payload)
values (md5('e' || :n::text)::uuid, md5('bench-owner-' || :owner::text)::uuid, md5('c' || :n::text)::uuid::text, 'rapport.contact.created.v1', now(),
    cast('{"contactId":"' || md5('c' || :n::text)::uuid || '","name":"Bench ' || :n::text || '","company":"Bench Co","role": null,'
        || '"email":"bench-' || :n::text || '@bench.example","phone": null,"business": null,"targetMarket": null,"idealClient": null,'
        || '"tags":["bench"],"source":"OTHER","introducedBy": null,"metAtEventId": null,"metAtEventName": null,'
        || '"stage":"PROSPECT","stayInTouchEvery": null,"createdAt":"' || now() || '"}' as json));
commit;
