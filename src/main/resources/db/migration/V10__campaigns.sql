-- Campaigns: a newsletter or an action alert written by staff for one list. Only DRAFT and SCHEDULED
-- campaigns can be edited; the send job (next release) moves them on from SCHEDULED.
create table campaigns (
    id            bigint generated always as identity primary key,
    list_id       bigint      not null references lists (id),
    status        text        not null default 'DRAFT'
                  check (status in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED', 'FAILED')),
    subject       text        not null default '',
    preheader     text        not null default '',
    body          text        not null default '',
    format        text        not null default 'MARKDOWN' check (format in ('MARKDOWN', 'HTML')),
    layout        text        not null,
    from_name     text        not null default '',
    from_address  text        not null,
    scheduled_at  timestamptz,
    -- ACTION lists only: how urgently the send job takes it, and the time after which it must not go out
    priority      text        check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    expires_at    timestamptz,
    created_by    text        not null default '',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index campaigns_by_list on campaigns (list_id, created_at desc);
create index campaigns_due on campaigns (scheduled_at) where status = 'SCHEDULED';
