-- "The same person" (same email, or same name and company) is decided by keys that the service
-- computes in Java (SamePerson) and writes with every profile, so that finding the same person
-- by SQL and by the import's in-memory check cannot disagree. Rows written before this migration
-- are keyed here the same way: lower case, without surrounding blanks, no company as empty.
alter table contact add column email_key text;
alter table contact add column name_key text;
alter table contact add column company_key text;

update contact set
    email_key = lower(regexp_replace(email, '^[[:space:]]+|[[:space:]]+$', '', 'g')),
    name_key = lower(regexp_replace(name, '^[[:space:]]+|[[:space:]]+$', '', 'g')),
    company_key = lower(regexp_replace(coalesce(company, ''), '^[[:space:]]+|[[:space:]]+$', '', 'g'));

-- One index per half of the rule; a lookup by both is a bitmap OR of the two.
create index contact_same_email on contact (owner_id, email_key) where email_key is not null;
create index contact_same_name_company on contact (owner_id, name_key, company_key);
