-- Where the owner knows a person from: met at a networking event (its id in meetings-service
-- and its name), or introduced or referred by another of the owner's contacts. Following
-- introduced_by gives the chain back to someone the owner met; deleting the introducer ends
-- the chain there.
alter table contact add column introduced_by uuid references contact (id) on delete set null;
alter table contact add column met_at_event_id uuid;
alter table contact add column met_at_event_name varchar(200);
alter table contact add constraint contact_not_introduced_by_itself check (introduced_by <> id);

create index contact_introduced_by on contact (introduced_by) where introduced_by is not null;
