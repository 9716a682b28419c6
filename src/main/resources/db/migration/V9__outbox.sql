-- Notices (confirm, welcome, goodbye, command replies...) are written here in the transaction that
-- causes them and sent afterwards by the outbox sender, which retries: SMTP being down never loses a
-- notice nor makes a web request fail or wait.
create table outbox (
    id              bigint generated always as identity primary key,
    kind            text        not null,
    from_address    text        not null,
    from_name       text        not null default '',
    to_address      text        not null,
    reply_to        text,
    subject         text        not null,
    text_body       text        not null,
    html_body       text,
    headers         jsonb       not null default '{}',
    state           text        not null default 'PENDING' check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);

create index outbox_due on outbox (next_attempt_at) where state = 'PENDING';
