-- A snoozed notification is out of sight until snoozed_until, then comes back unread, once.
alter table notification add column snoozed_until timestamptz;
create index notification_snoozed on notification (snoozed_until) where snoozed_until is not null;
-- The inbox filtered by subject (and rule).
create index notification_subject on notification (owner_id, subject_id, rule);
