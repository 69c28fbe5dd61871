-- The contact's own stay-in-touch cadence, from contacts-service's events; null: the owner's
-- default (rule_settings.stalled_cadence_seconds or the configured one).
alter table contact_activity add column stay_in_touch_seconds bigint;
