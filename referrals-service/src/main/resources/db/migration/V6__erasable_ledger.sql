-- The ledger stays append-only, except for the erasure of a whole account (the right to be
-- forgotten), which deletes the account's entries with the rest of its data. The platform marks
-- such a transaction with the setting rapport.erasing_account (Accounts.ERASING_SETTING); no
-- other statement sets it.
create or replace function referral_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('rapport.erasing_account', true) = 'on' then
        return old;
    end if;
    raise exception 'referral_entry is append-only: % refused', tg_op;
end $$;
