-- Discussion lists (posting). Posts sent to {slug}@ are stored here with the verdict of every rule that
-- ran; an accepted post is distributed as a campaign row with source 'POST' (sending's job, ledger, VERP).

-- Campaign rows made for posts (and digests) are not staff campaigns: pages and the API filter on this.
alter table campaigns add column source text not null default 'CAMPAIGN'
    check (source in ('CAMPAIGN', 'POST', 'DIGEST'));

-- Whether a member gets a copy of their own posts (default no).
alter table memberships add column receive_own_posts boolean not null default false;

-- The posting settings of a list (owned by posting; a list with no row has the defaults).
create table posting_settings (
    list_id              bigint      primary key references lists (id),
    subject_prefix       text,       -- null: "[slug]"; '' for none
    reply_to             text        not null default 'SENDER' check (reply_to in ('SENDER', 'LIST')),
    max_size             integer     not null default 524288 check (max_size > 0),
    max_recipients       integer     not null default 10 check (max_recipients > 0),
    emergency_moderation boolean     not null default false,
    -- members-only by default: members' posts are made public only by an admin's choice
    archive              text        not null default 'MEMBERS' check (archive in ('PUBLIC', 'MEMBERS', 'OFF')),
    digest_frequency     text        not null default 'DAILY' check (digest_frequency in ('DAILY', 'WEEKLY')),
    updated_at           timestamptz not null default now()
);

-- Senders a list always accepts (moderators' "approve and always accept") or always refuses.
create table posting_senders (
    list_id    bigint      not null references lists (id),
    address    text        not null,
    kind       text        not null check (kind in ('ALLOWED', 'BANNED')),
    added_by   text        not null default '',
    created_at timestamptz not null default now(),
    primary key (list_id, address)
);

create table posts (
    id                bigint generated always as identity primary key,
    list_id           bigint      not null references lists (id),
    -- sha-256 of the raw bytes: the inbound handler may run twice for one message
    raw_sha256        text        not null,
    status            text        not null
                      check (status in ('HELD', 'DISTRIBUTED', 'REFUSED', 'COMMAND', 'REJECTED', 'DISCARDED', 'EXPIRED')),
    sender            text        not null,
    sender_name       text        not null default '',
    subject           text        not null default '',
    message_id        text,
    in_reply_to       text,
    thread_root_id    bigint      references posts (id),
    body_text         text        not null default '',
    verdicts          jsonb       not null default '[]',
    hold_reason       text,
    raw               bytea       not null,
    decorated         bytea,
    campaign_id       bigint      references campaigns (id),
    moderation_token  text,       -- sha-256 of the token in {slug}-confirm+{token}@ (held posts only)
    decided_by        text,
    decision_note     text,
    received_at       timestamptz not null default now(),
    decided_at        timestamptz,
    distributed_at    timestamptz,
    -- archive search: subject weighs more than the body
    search            tsvector    generated always as (
                          setweight(to_tsvector('simple', coalesce(subject, '')), 'A')
                          || setweight(to_tsvector('english', coalesce(body_text, '')), 'B')) stored,
    unique (list_id, raw_sha256)
);

create index posts_held on posts (list_id, received_at) where status = 'HELD';
create index posts_archive on posts (list_id, distributed_at) where status = 'DISTRIBUTED';
create index posts_by_message_id on posts (list_id, message_id);
create unique index posts_moderation_token on posts (moderation_token) where moderation_token is not null;
create index posts_campaign on posts (campaign_id) where campaign_id is not null;
create index posts_search on posts using gin (search);

-- The list archive finds sent campaigns by a word too.
alter table campaigns add column search tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(subject, '')), 'A')
    || setweight(to_tsvector('english', coalesce(body, '')), 'B')) stored;
create index campaigns_search on campaigns using gin (search);
