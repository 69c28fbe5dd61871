-- Period summaries: referrals each way per partner and UTC month, kept by a trigger. A summary
-- of a long period reads its whole UTC months here (at most partners × months rows) and only
-- its edges — from its start to the first month boundary, and from the last one to its end —
-- from the referrals themselves, so it stays exact in any time zone. Referrals are never
-- deleted and their direction, partner and occurred_at never change: counts only grow.
create table referral_month (
    owner_id   uuid        not null,
    month      timestamptz not null,
    partner_id uuid        not null,
    given      integer     not null default 0,
    received   integer     not null default 0,
    primary key (owner_id, month, partner_id) include (given, received)
);

create function referral_month_count() returns trigger language plpgsql as $$
begin
    insert into referral_month as m (owner_id, month, partner_id, given, received)
    values (new.owner_id, date_trunc('month', new.occurred_at, 'UTC'), new.partner_id,
            case when new.direction = 'GIVEN' then 1 else 0 end,
            case when new.direction = 'RECEIVED' then 1 else 0 end)
    on conflict (owner_id, month, partner_id) do update set
        given    = m.given + excluded.given,
        received = m.received + excluded.received;
    return null;
end $$;

create trigger referral_month_count after insert on referral
    for each row execute function referral_month_count();

insert into referral_month (owner_id, month, partner_id, given, received)
select owner_id, date_trunc('month', occurred_at, 'UTC'), partner_id,
       count(*) filter (where direction = 'GIVEN'), count(*) filter (where direction = 'RECEIVED')
from referral group by 1, 2, 3;
