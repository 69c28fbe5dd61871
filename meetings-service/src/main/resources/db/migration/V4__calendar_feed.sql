-- One calendar feed per owner, at a secret URL. Only the token's SHA-256 is kept: the URL is
-- shown once, and a stolen database does not open anyone's calendar.
create table calendar_feed (
    owner_id   uuid        primary key,
    token_hash bytea       not null unique,
    created_at timestamptz not null
);
