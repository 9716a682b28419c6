-- Every message received for a list address, stored before the SMTP 250 (or the IMAP delete), one row
-- per (message, recipient), so nothing received is lost. The raw bytes are kept as they arrived; the
-- other columns are for display and for the processor.
create table inbound_messages (
    id           bigint generated always as identity primary key,
    received_at  timestamptz not null default now(),
    source       text        not null check (source in ('SMTP', 'IMAP')),
    -- the envelope sender; '' is the null sender <> (bounces)
    mail_from    text        not null,
    recipient    text        not null,
    message_id   text,
    subject      text        not null default '',
    size         integer     not null check (size >= 0),
    raw          bytea       not null,
    state        text        not null default 'RECEIVED'
                             check (state in ('RECEIVED', 'HANDLED', 'HELD', 'FAILED')),
    note         text,
    attempts     integer     not null default 0 check (attempts >= 0),
    processed_at timestamptz
);

-- The processor takes RECEIVED rows oldest first, the admin page filters by state newest first:
-- both walk this index. The unfiltered admin page walks the primary key backwards.
create index inbound_messages_state on inbound_messages (state, id);
