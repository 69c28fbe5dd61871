-- "Unreturned" is decided by dates, not by the order events arrive: keep the dates of the
-- referrals given since the last one received back. A referral received at R returns every
-- one given at or before R; one given before the last received one was never unreturned.
alter table partner_ledger add column unreturned_given_at timestamptz[] not null default '{}';
update partner_ledger set unreturned_given_at = array_fill(oldest_unreturned_at, array[unreturned_count])
where unreturned_count > 0 and oldest_unreturned_at is not null;
alter table partner_ledger drop column unreturned_count, drop column oldest_unreturned_at;
