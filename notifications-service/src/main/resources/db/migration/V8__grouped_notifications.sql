-- A flood (one sweep raising more of a rule's notifications for one owner than the flood limit)
-- is grouped: the new notifications become members of one summary notification, which alone is
-- published, sent to webhooks and shown in the inbox's default list; its link lists them.
alter table notification add column group_id uuid, add column member_count integer;
create index notification_group on notification (group_id) where group_id is not null;
