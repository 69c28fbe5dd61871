-- What a held meeting yielded besides the two booleans: common ground, the names the contact
-- gave when asked who they know, and the reservations voiced. Kept as the meeting recorded
-- them; null for meetings held before this existed.
alter table meeting add column common_ground       jsonb;
alter table meeting add column names_given         jsonb;
alter table meeting add column reservations_shared jsonb;
