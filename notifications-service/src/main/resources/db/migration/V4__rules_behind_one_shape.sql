-- Every rule runs the same way: one row per (owner, rule, subject) carrying when the subject is
-- next due for review; the sweep reads only due rows, through a partial index.
create table rule_subject (
    owner_id    uuid        not null,
    rule        text        not null,
    subject_id  uuid        not null,
    due_at      timestamptz,
    primary key (owner_id, rule, subject_id)
);
create index rule_subject_due on rule_subject (due_at) where due_at is not null;

-- Every existing subject is reviewed once by the first sweep, under the rules as they are now.
insert into rule_subject (owner_id, rule, subject_id, due_at)
select owner_id, 'relationship.stalled', contact_id, case when deleted then null else now() end from contact_activity;
insert into rule_subject (owner_id, rule, subject_id, due_at)
select owner_id, 'referral.unreturned', partner_id, now() from partner_ledger;

drop index contact_activity_stall_due;
alter table contact_activity drop column stall_due_at;
drop index partner_ledger_unreturned_due;
alter table partner_ledger drop column unreturned_due_at;

-- Settings: one validated JSON document per (owner, rule), laid over the configured defaults.
create table rule_setting (
    owner_id    uuid        not null,
    rule        text        not null,
    document    jsonb       not null,
    updated_at  timestamptz not null,
    version     bigint      not null,
    primary key (owner_id, rule)
);

-- P30D for whole days, else hours, minutes or seconds: the API's ISO-8601 form.
create function pg_temp.iso_duration(seconds bigint) returns text language sql immutable as $$
    select case when seconds % 86400 = 0 then 'P' || seconds / 86400 || 'D'
                when seconds % 3600 = 0 then 'PT' || seconds / 3600 || 'H'
                when seconds % 60 = 0 then 'PT' || seconds / 60 || 'M'
                else 'PT' || seconds || 'S' end
$$;

insert into rule_setting (owner_id, rule, document, updated_at, version)
select owner_id, 'referral.unreturned',
       jsonb_build_object('enabled', unreturned_enabled, 'minCount', unreturned_min_count,
                          'after', pg_temp.iso_duration(unreturned_after_seconds)),
       updated_at, 0
from rule_settings;
insert into rule_setting (owner_id, rule, document, updated_at, version)
select owner_id, 'relationship.stalled',
       jsonb_build_object('enabled', stalled_enabled, 'cadence', pg_temp.iso_duration(stalled_cadence_seconds)),
       updated_at, 0
from rule_settings;
drop table rule_settings;

-- A notification says how far its condition has gone (DUE, then OVERDUE, which supersedes it)
-- and links its subject; one open notification per (owner, rule, subject, threshold).
alter table notification add column threshold text not null default 'DUE', add column link text;
drop index notification_one_open;
create unique index notification_one_open on notification (owner_id, rule, subject_id, threshold) where status = 'OPEN';
