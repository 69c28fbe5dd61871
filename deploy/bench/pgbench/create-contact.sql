-- The twin of POST /contacts at the database: in one transaction, the contact row and the
-- outbox row of its rapport.contact.created.v1 event, as ContactService.create and
-- Outbox.publishAll write them (the same columns and a payload of the same shape and size).
-- :users is set by deploy/bench/run (-D users=N), as many owners as benchmark users.
\set owner random(1, :users)
\set n random(1, 1000000000000)
begin;
insert into bench.contact (id, owner_id, name, company, email, tags, source, stage, created_at, updated_at, version,
    email_key, name_key, company_key)
values (md5('c' || :n)::uuid, md5('bench-owner-' || :owner)::uuid, 'Bench ' || :n, 'Bench Co',
    'bench-' || :n || '@bench.example', '{bench}', 'OTHER', 'PROSPECT', now(), now(), 0,
    'bench-' || :n || '@bench.example', 'bench ' || :n, 'bench co');
insert into bench.outbox_event (id, owner_id, subject, type, occurred_at, payload)
values (md5('e' || :n)::uuid, md5('bench-owner-' || :owner)::uuid, md5('c' || :n)::uuid::text, 'rapport.contact.created.v1', now(),
    cast('{"contactId":"' || md5('c' || :n)::uuid || '","name":"Bench ' || :n || '","company":"Bench Co","role":null,'
        || '"email":"bench-' || :n || '@bench.example","phone":null,"business":null,"targetMarket":null,"idealClient":null,'
        || '"tags":["bench"],"source":"OTHER","introducedBy":null,"metAtEventId":null,"metAtEventName":null,'
        || '"stage":"PROSPECT","stayInTouchEvery":null,"createdAt":"' || now() || '"}' as json));
commit;
