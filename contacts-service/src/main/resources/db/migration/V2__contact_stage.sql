-- The relationship stage of every contact; contacts made before stages existed are prospects.
alter table contact add column stage text not null default 'PROSPECT';
alter table contact alter column stage drop default;

create index contact_owner_stage on contact (owner_id, stage, created_at desc, id desc);

-- Every stage a contact has been in, creation included (from_stage null).
create table contact_stage_change (
    id          uuid        primary key,
    contact_id  uuid        not null references contact (id) on delete cascade,
    owner_id    uuid        not null,
    from_stage  text,
    to_stage    text        not null,
    reason      text,
    changed_at  timestamptz not null
);

-- History reads are per contact, oldest first, paged by (changed_at, id).
create index contact_stage_change_contact on contact_stage_change (contact_id, changed_at, id);

insert into contact_stage_change (id, contact_id, owner_id, from_stage, to_stage, reason, changed_at)
select gen_random_uuid(), id, owner_id, null, 'PROSPECT', null, created_at from contact;
