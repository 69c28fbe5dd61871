-- Connections: who knows whom among one owner's contacts. Undirected, stored once per pair in
-- canonical order (contact_a < contact_b), so a duplicate in either direction and a self-link
-- are impossible by constraint. The primary key serves lookups from contact_a, the second
-- index those from contact_b; both cover the other end, so a graph walk reads indexes only.

-- Lets a connection reference (owner_id, id): both ends are the same owner's, by constraint.
alter table contact add constraint contact_owner_id unique (owner_id, id);

create table contact_connection (
    owner_id    uuid         not null,
    contact_a   uuid         not null,
    contact_b   uuid         not null,
    note        varchar(200),
    origin      text         not null check (origin in ('MANUAL', 'INTRODUCTION')),
    created_at  timestamptz  not null,
    primary key (owner_id, contact_a, contact_b),
    check (contact_a < contact_b),
    -- Deleting (or erasing) a contact removes its connections.
    foreign key (owner_id, contact_a) references contact (owner_id, id) on delete cascade,
    foreign key (owner_id, contact_b) references contact (owner_id, id) on delete cascade
);

create index contact_connection_b on contact_connection (owner_id, contact_b, contact_a);

-- Full-text search over what a contact does and whom they serve ("who serves or knows target
-- market X"): English stemming (accountants finds accountant), weighted so that target market
-- and ideal client (A) outrank business and tags (B), which outrank notes (C). A function, so
-- that the generated column can use it: array_to_string is only stable in general, but on
-- varchar[] it is immutable. Changing the function later needs the column dropped and re-added.
create function contact_search_document(business text, target_market text, ideal_client text,
                                        tags varchar(50)[], notes text)
    returns tsvector language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', coalesce(target_market, '')), 'A')
        || setweight(to_tsvector('english', coalesce(ideal_client, '')), 'A')
        || setweight(to_tsvector('english', coalesce(business, '')), 'B')
        || setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B')
        || setweight(to_tsvector('english', coalesce(notes, '')), 'C')
$$;

alter table contact add column search tsvector not null
    generated always as (contact_search_document(business, target_market, ideal_client, tags, notes)) stored;

-- One index answers "this owner's contacts matching the query": btree_gin lets the owner id be a
-- key of the GIN index, so a common word in other owners' contacts costs nothing here. The
-- extension is trusted (PostgreSQL 13+): the database's owner may create it.
create extension if not exists btree_gin;
create index contact_search on contact using gin (owner_id, search);
