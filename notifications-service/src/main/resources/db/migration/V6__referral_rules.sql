-- Projection of each referral, for referral.unacknowledged and referral.won. Referrals whose
-- events came before it are not known to it.
create table referral_activity (
    referral_id     uuid        primary key,
    owner_id        uuid        not null,
    partner_id      uuid        not null,
    direction       text        not null,
    referred_name   text        not null,
    status          text        not null,
    occurred_at     timestamptz not null,
    value_amount    text,
    value_currency  text,
    thanked_at      timestamptz
);
create index referral_activity_partner on referral_activity (owner_id, partner_id);
