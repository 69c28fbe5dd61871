-- Issue 9: live balances per partner, kept incrementally, and the indexes of period summaries.
--
-- A balance is a sum over the owner's referrals with the partner. Rather than summing up to
-- 100,000 ledger rows per request, each row below holds the sums, and a trigger on referral
-- adds every insert's and every status change's difference in the same transaction: a balance
-- can never disagree with the referrals, whichever code path writes them. Referrals are never
-- deleted and their direction, partner and occurred_at never change, so counts only grow and
-- the last/first times only move outwards.
create table partner_balance (
    owner_id         uuid        not null,
    partner_id       uuid        not null,
    given            integer     not null default 0,
    received         integer     not null default 0,
    open_given       integer     not null default 0,
    open_received    integer     not null default 0,
    last_given_at    timestamptz,
    last_received_at timestamptz,
    -- the latest and the first referral either way: the list's default order, and new partners
    last_at          timestamptz not null,
    first_at         timestamptz not null,
    primary key (owner_id, partner_id)
);
create index partner_balance_recent on partner_balance (owner_id, last_at desc, partner_id desc);
create index partner_balance_by_balance on partner_balance (owner_id, (given - received), partner_id);
create index partner_balance_first on partner_balance (owner_id, first_at);

-- Value won each way per currency: the referrals currently WON with the partner (a reversed
-- win is subtracted again; a currency whose count falls to 0 is not shown).
create table partner_balance_value (
    owner_id   uuid           not null,
    partner_id uuid           not null,
    direction  text           not null check (direction in ('GIVEN', 'RECEIVED')),
    currency   char(3)        not null,
    amount     numeric(18, 2) not null,
    won        integer        not null,
    primary key (owner_id, partner_id, direction, currency)
);

create function referral_balance() returns trigger language plpgsql as $$
declare
    was_open integer := 0;
    is_open  integer := case when new.status in ('OPEN', 'CONTACTED', 'MEETING') then 1 else 0 end;
    counted  integer := 0;
begin
    if tg_op = 'UPDATE' then
        if old.status = new.status and old.won_amount is not distinct from new.won_amount
                and old.won_currency is not distinct from new.won_currency then
            return null;
        end if;
        was_open := case when old.status in ('OPEN', 'CONTACTED', 'MEETING') then 1 else 0 end;
        if old.won_amount is not null then
            update partner_balance_value set amount = amount - old.won_amount, won = won - 1
            where owner_id = old.owner_id and partner_id = old.partner_id and direction = old.direction
              and currency = old.won_currency;
        end if;
    else
        counted := 1;
    end if;
    insert into partner_balance as b (owner_id, partner_id, given, received, open_given, open_received,
                                      last_given_at, last_received_at, last_at, first_at)
    values (new.owner_id, new.partner_id,
            case when new.direction = 'GIVEN' then counted else 0 end,
            case when new.direction = 'RECEIVED' then counted else 0 end,
            case when new.direction = 'GIVEN' then is_open - was_open else 0 end,
            case when new.direction = 'RECEIVED' then is_open - was_open else 0 end,
            case when new.direction = 'GIVEN' then new.occurred_at end,
            case when new.direction = 'RECEIVED' then new.occurred_at end,
            new.occurred_at, new.occurred_at)
    on conflict (owner_id, partner_id) do update set
        given            = b.given + excluded.given,
        received         = b.received + excluded.received,
        open_given       = b.open_given + excluded.open_given,
        open_received    = b.open_received + excluded.open_received,
        last_given_at    = greatest(b.last_given_at, excluded.last_given_at),
        last_received_at = greatest(b.last_received_at, excluded.last_received_at),
        last_at          = greatest(b.last_at, excluded.last_at),
        first_at         = least(b.first_at, excluded.first_at);
    if new.won_amount is not null then
        insert into partner_balance_value as v (owner_id, partner_id, direction, currency, amount, won)
        values (new.owner_id, new.partner_id, new.direction, new.won_currency, new.won_amount, 1)
        on conflict (owner_id, partner_id, direction, currency) do update set
            amount = v.amount + excluded.amount, won = v.won + 1;
    end if;
    return null;
end $$;

create trigger referral_balance after insert or update on referral
    for each row execute function referral_balance();

-- The referrals recorded before: their sums, once.
insert into partner_balance (owner_id, partner_id, given, received, open_given, open_received,
                             last_given_at, last_received_at, last_at, first_at)
select owner_id, partner_id,
       count(*) filter (where direction = 'GIVEN'),
       count(*) filter (where direction = 'RECEIVED'),
       count(*) filter (where direction = 'GIVEN' and status in ('OPEN', 'CONTACTED', 'MEETING')),
       count(*) filter (where direction = 'RECEIVED' and status in ('OPEN', 'CONTACTED', 'MEETING')),
       max(occurred_at) filter (where direction = 'GIVEN'),
       max(occurred_at) filter (where direction = 'RECEIVED'),
       max(occurred_at), min(occurred_at)
from referral group by owner_id, partner_id;
insert into partner_balance_value (owner_id, partner_id, direction, currency, amount, won)
select owner_id, partner_id, direction, won_currency, sum(won_amount), count(*)
from referral where won_amount is not null group by owner_id, partner_id, direction, won_currency;

-- Period summaries read index-only: referrals by when they happened, wins by when they were won.
create index referral_owner_period on referral (owner_id, occurred_at) include (direction, partner_id);
create index referral_owner_won on referral (owner_id, status_at) include (direction, won_currency, won_amount)
    where status = 'WON';
