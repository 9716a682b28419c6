-- One subscriber per address. Addresses keep the case of their local part as typed, but two
-- addresses that differ only in case are one person: uniqueness is on lower(email).
create table subscribers (
    id          bigint generated always as identity primary key,
    email       text        not null check (length(email) <= 254 and email like '%_@_%'),
    name        text        not null default '',
    attributes  jsonb       not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create unique index subscribers_email_key on subscribers (lower(email));

create table memberships (
    id                bigint generated always as identity primary key,
    list_id           bigint      not null references lists (id),
    subscriber_id     bigint      not null references subscribers (id),
    status            text        not null check (status in ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'DISABLED', 'REMOVED')),
    delivery_mode     text        not null default 'REGULAR' check (delivery_mode in ('REGULAR', 'DIGEST')),
    subscribed_at     timestamptz,
    status_changed_at timestamptz not null default now(),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    -- subscriber first: the same index finds all lists of one subscriber (preference page)
    unique (subscriber_id, list_id)
);

create index memberships_list_status on memberships (list_id, status);
