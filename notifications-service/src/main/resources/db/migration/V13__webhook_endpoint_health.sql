-- Each endpoint's health, so that a failing one is parked on its own (a circuit breaker) instead
-- of slowing everyone's deliveries; why it is disabled; and the secret it had before a rotation,
-- which still signs until it expires.
alter table webhook_subscription
    add column disabled_reason            text check (disabled_reason in ('BY_OWNER', 'GONE', 'FAILING')),
    add column consecutive_failures       integer not null default 0,
    add column times_parked               integer not null default 0,
    add column failing_since              timestamptz,
    add column paused_until               timestamptz,
    add column previous_secret            text,
    add column previous_secret_expires_at timestamptz;
update webhook_subscription set disabled_reason = 'FAILING' where not enabled;
alter table webhook_subscription add constraint webhook_subscription_disabled_has_reason
    check (enabled = (disabled_reason is null));

-- Deliveries are claimed endpoint by endpoint: the endpoints with pending deliveries are found by
-- skipping through this index, then each one's earliest due deliveries read from it.
create index webhook_delivery_pending on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
drop index webhook_delivery_due;
