-- Personal API tokens (issue 15): a person makes named tokens with scopes for their scripts and sends one as
-- "Authorization: Bearer lsv_...". Only a SHA-256 of the token is stored (tokens are 256 random bits, so a
-- fast hash is enough and lets a request find its token by an index); the token itself is shown once.
-- A revoked token keeps its row (revoked_at set) and is refused at once: nothing caches a token.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id),
    name         text        not null check (name <> '' and length(name) <= 100),
    scopes       text[]      not null check (cardinality(scopes) > 0
                                             and scopes <@ array['read', 'write', 'send', 'admin']::text[]),
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_tokens_user on api_tokens (user_id) where revoked_at is null;
