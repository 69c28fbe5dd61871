create table contact (
    id            uuid         primary key,
    owner_id      uuid         not null,
    name          text         not null,
    company       text,
    role          text,
    email         text,
    phone         text,
    business      text,
    target_market text,
    ideal_client  text,
    tags          varchar(50)[] not null default '{}',
    notes         text,
    source        text         not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);

-- Lists are per owner, newest first, paged by (created_at, id).
create index contact_owner_created on contact (owner_id, created_at desc, id desc);
create index contact_tags on contact using gin (tags);
