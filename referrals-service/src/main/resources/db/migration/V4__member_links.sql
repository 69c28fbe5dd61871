-- Issue 9, part 5: two users of Rapport who know each other link their records, and a referral
-- one gives the other is shared: the receiver gets a copy, and the giver's copy follows it.

-- An invitation to link: the inviter names their contact for the person invited; the code is
-- shown once, only its SHA-256 is kept. Accepted once, before it expires.
create table link_invitation (
    id          uuid        primary key,
    owner_id    uuid        not null,
    partner_id  uuid        not null,
    code_sha256 text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz
);
create index link_invitation_owner on link_invitation (owner_id, created_at desc, id desc);

-- A link, one row per side with the same id: the owner's contact for the other member, and the
-- other member. One link per partner contact and per other member; unlinking deletes both rows.
create table member_link (
    id            uuid        not null,
    owner_id      uuid        not null,
    partner_id    uuid        not null,
    peer_owner_id uuid        not null,
    linked_at     timestamptz not null,
    primary key (owner_id, id),
    unique (owner_id, partner_id),
    unique (owner_id, peer_owner_id),
    check (owner_id <> peer_owner_id)
);
create index member_link_id on member_link (id);

-- A shared referral: link_id while its link stands (both copies), and the other side's copy.
-- The receiver's copy is made once per referral given.
alter table referral
    add column link_id          uuid,
    add column peer_referral_id uuid;
create unique index referral_shared_copy on referral (owner_id, peer_referral_id) where peer_referral_id is not null;
create index referral_link on referral (link_id) where link_id is not null;
