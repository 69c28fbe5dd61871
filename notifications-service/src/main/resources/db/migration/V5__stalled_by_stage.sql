-- relationship.stalled decides by the contact's stage (from contacts-service's events).
alter table contact_activity add column stage text not null default 'PROSPECT';

-- One cadence for every contact becomes the same due threshold for every stage, overdue at
-- 1.5 times it; an owner who kept the old default (P30D) takes the new per-stage defaults.
create or replace function pg_temp.iso_duration(seconds bigint) returns text language sql immutable as $$
    select case when seconds % 86400 = 0 then 'P' || seconds / 86400 || 'D'
                when seconds % 3600 = 0 then 'PT' || seconds / 3600 || 'H'
                when seconds % 60 = 0 then 'PT' || seconds / 60 || 'M'
                else 'PT' || seconds || 'S' end
$$;
update rule_setting s set document = case
        when s.document->>'cadence' is null or s.document->>'cadence' = 'P30D'
            then jsonb_build_object('enabled', s.document->'enabled')
        else jsonb_build_object('enabled', s.document->'enabled', 'stages', jsonb_build_object(
            'prospect', t.thresholds, 'invited', t.thresholds, 'exploring', t.thresholds,
            'qualifying', t.thresholds, 'partner', t.thresholds))
    end
from (select owner_id, jsonb_build_object(
        'due', document->>'cadence',
        'overdue', pg_temp.iso_duration(cast(extract(epoch from cast(document->>'cadence' as interval)) * 3 / 2 as bigint))) as thresholds
      from rule_setting where rule = 'relationship.stalled') t
where s.rule = 'relationship.stalled' and t.owner_id = s.owner_id;

-- Every contact is reviewed again under the thresholds of its stage.
update rule_subject set due_at = now() where rule = 'relationship.stalled';
