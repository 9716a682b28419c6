-- Confirmation tokens: random, single use, expiring, bound to one membership and purpose. Only a
-- SHA-256 of the token is stored, so the table does not hand out working links if it leaks.
create table confirmation_tokens (
    id            bigint generated always as identity primary key,
    token_hash    text        not null unique,
    purpose       text        not null check (purpose in ('SUBSCRIBE', 'UNSUBSCRIBE')),
    subscriber_id bigint      not null references subscribers (id),
    list_id       bigint      not null references lists (id),
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);

create index confirmation_tokens_membership on confirmation_tokens (subscriber_id, list_id);

-- Application secrets shared by every instance on this database (the key that signs unsubscribe and
-- preference links). Made once, at the first start.
create table app_secrets (
    name       text primary key,
    value      bytea       not null,
    created_at timestamptz not null default now()
);
