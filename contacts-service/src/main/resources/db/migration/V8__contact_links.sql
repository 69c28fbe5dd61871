-- Each connection once from each end: (owner_id, contact_id, other_id). A graph walk finds all
-- the connections of a frontier in this one index, one descent per contact, where the canonical
-- pairs of contact_connection need a descent in each of its two indexes; and each level's list
-- comes out of one scan. Kept by triggers on contact_connection, so that every writer (the API,
-- introductions, cascades from deleted contacts, bulk inserts) keeps it whole.
create table contact_link (
    owner_id    uuid  not null,
    contact_id  uuid  not null,
    other_id    uuid  not null,
    primary key (owner_id, contact_id, other_id)
);

insert into contact_link (owner_id, contact_id, other_id)
select owner_id, contact_a, contact_b from contact_connection
union all
select owner_id, contact_b, contact_a from contact_connection;

create function contact_link_connected() returns trigger language plpgsql as $$
begin
    insert into contact_link (owner_id, contact_id, other_id)
    select owner_id, contact_a, contact_b from connected
    union all
    select owner_id, contact_b, contact_a from connected;
    return null;
end
$$;

create trigger contact_link_connected after insert on contact_connection
    referencing new table as connected for each statement execute function contact_link_connected();

create function contact_link_disconnected() returns trigger language plpgsql as $$
begin
    delete from contact_link l
    using (select owner_id, contact_a as contact_id, contact_b as other_id from disconnected
           union all
           select owner_id, contact_b, contact_a from disconnected) d
    where l.owner_id = d.owner_id and l.contact_id = d.contact_id and l.other_id = d.other_id;
    return null;
end
$$;

create trigger contact_link_disconnected after delete on contact_connection
    referencing old table as disconnected for each statement execute function contact_link_disconnected();

-- A connection's ends are its identity: changing them would leave its links behind.
create function contact_connection_ends_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'a connection''s ends do not change: delete it and connect again';
end
$$;

create trigger contact_connection_ends_fixed before update of owner_id, contact_a, contact_b on contact_connection
    for each row execute function contact_connection_ends_fixed();
