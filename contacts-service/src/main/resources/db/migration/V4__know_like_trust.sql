-- Know, like and trust: the owner's ratings of a contact, 0 to 5 each. The latest is kept on
-- the contact (for lists, search ranking and events); every rating stays in contact_rating.
alter table contact add column know_rating  smallint check (know_rating between 0 and 5);
alter table contact add column like_rating  smallint check (like_rating between 0 and 5);
alter table contact add column trust_rating smallint check (trust_rating between 0 and 5);
alter table contact add column rated_at     timestamptz;

-- How often the owner means to be in touch with this contact; null: the owner's default.
alter table contact add column stay_in_touch_seconds bigint check (stay_in_touch_seconds > 0);

create table contact_rating (
    id          uuid          primary key,
    owner_id    uuid          not null,
    contact_id  uuid          not null references contact (id) on delete cascade,
    know        smallint      not null check (know between 0 and 5),
    "like"      smallint      not null check ("like" between 0 and 5),
    trust       smallint      not null check (trust between 0 and 5),
    note        varchar(2000),
    rated_at    timestamptz   not null
);

-- History reads are per contact, newest first, paged by (rated_at, id).
create index contact_rating_contact on contact_rating (contact_id, rated_at desc, id desc);
