-- Mailing lists and their settings. A deleted list keeps its row (the consent ledger points at it)
-- and frees its slug for a new list.
create table lists (
    id                  bigint generated always as identity primary key,
    slug                text        not null check (slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' and length(slug) <= 32),
    name                text        not null check (length(name) between 1 and 200),
    description         text        not null default '',
    kind                text        not null check (kind in ('ACTION', 'INFORMATIONAL')),
    subscription_policy text        not null check (subscription_policy in ('CONFIRM', 'SINGLE', 'APPROVE')),
    posting_policy      text        not null check (posting_policy in ('ANNOUNCE', 'MEMBERS', 'OPEN', 'MODERATED')),
    from_name           text        not null default '',
    from_address        text        not null default '',
    reply_to            text        not null default '',
    footer              text        not null default '',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz
);

create unique index lists_live_slug on lists (slug) where deleted_at is null;
