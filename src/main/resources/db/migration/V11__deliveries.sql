-- Deliveries: the ledger of the send job (owned by sending). One row per recipient of a campaign,
-- written when the send starts (a snapshot of the active members) and moved on in the same transaction
-- as the chunk that hands the message to SMTP, so a restart never skips anyone.
create table deliveries (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references campaigns (id) on delete cascade,
    subscriber_id   bigint      not null,
    address         text        not null,
    -- the merge values as they were at send time: the job renders from this row alone
    name            text        not null default '',
    attributes      jsonb       not null default '{}',
    status          text        not null default 'QUEUED'
                    check (status in ('QUEUED', 'SENT', 'DEFERRED', 'FAILED', 'EXPIRED')),
    -- names the delivery in the VERP envelope sender {slug}-bounces+{token}@{domain}
    verp_token      text        not null default substr(md5(random()::text || clock_timestamp()::text), 1, 20),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    smtp_reply      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (campaign_id, subscriber_id)
);

-- The send step reads the rows still to send of one campaign in id order (keyset): only those are indexed.
create index deliveries_pending on deliveries (campaign_id, id) where status in ('QUEUED', 'DEFERRED');
create unique index deliveries_verp_token on deliveries (verp_token);
