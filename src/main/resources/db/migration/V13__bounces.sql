-- Bounces (owned by bounces): the queue of received bounce messages, one bounce event per recipient per
-- message with its evidence, each membership's bounce score, and the per-list threshold.

-- Per-list threshold of the bounce score at which a member is disabled; null = listserv.bounces.threshold.
alter table lists add column bounce_threshold numeric(6, 2) check (bounce_threshold is null or bounce_threshold > 0);

-- A membership's bounce score in the manner of GNU Mailman: the score, the day of the last bounce counted
-- (at most one a day), when it was disabled by bounces and the warnings sent since.
alter table memberships
    add column bounce_score           numeric(6, 2) not null default 0,
    add column bounce_last_day        date,
    add column bounce_disabled_at     timestamptz,
    add column bounce_warnings        integer       not null default 0,
    add column bounce_next_warning_at timestamptz;

create index memberships_bounce_warnings on memberships (bounce_next_warning_at)
    where status = 'DISABLED' and bounce_next_warning_at is not null;

-- Synchronous 5xx replies of the send job become bounce events: this marks the ones recorded.
alter table deliveries add column bounce_recorded_at timestamptz;
create index deliveries_bounce_unrecorded on deliveries (id)
    where status = 'FAILED' and bounce_recorded_at is null;

-- Messages received at {slug}-bounces[+token]@ (SMTP or IMAP), waiting for or done by process-bounces.
-- QUEUED: to do; PROCESSED: events recorded; REVIEW: not attributable or not understood (a person
-- decides); ASSIGNED: an admin named the member; NOT_BOUNCE and DISCARDED: an admin's verdict.
create table bounce_messages (
    id                 bigint generated always as identity primary key,
    inbound_message_id bigint      not null unique references inbound_messages (id),
    source             text        not null check (source in ('SMTP', 'IMAP')),
    state              text        not null default 'QUEUED'
                       check (state in ('QUEUED', 'PROCESSED', 'REVIEW', 'ASSIGNED', 'NOT_BOUNCE', 'DISCARDED')),
    kind               text,
    note               text,
    attempts           integer     not null default 0,
    created_at         timestamptz not null default now(),
    processed_at       timestamptz,
    decided_by         text
);

create index bounce_messages_queued on bounce_messages (id) where state = 'QUEUED';
create index bounce_messages_state on bounce_messages (state, id);

-- One row per recipient per bounce message (or per synchronous failure): what happened, the evidence,
-- whether it counted towards the score and what it caused.
create table bounce_events (
    id                 bigint generated always as identity primary key,
    list_id            bigint        not null references lists (id),
    subscriber_id      bigint        not null references subscribers (id),
    campaign_id        bigint        references campaigns (id) on delete set null,
    delivery_id        bigint        references deliveries (id) on delete set null,
    bounce_message_id  bigint        references bounce_messages (id),
    inbound_message_id bigint        references inbound_messages (id),
    source             text          not null check (source in ('SMTP', 'IMAP', 'SYNC')),
    recipient          text          not null,
    kind               text          not null,
    classification     text          not null check (classification in ('HARD', 'SOFT', 'NONE')),
    reason             text,
    status             text,
    reply_code         integer,
    diagnostic         text,
    counted            boolean       not null default false,
    score              numeric(6, 2) not null default 0,
    action             text          check (action in ('DISABLED', 'REMOVED', 'UNSUBSCRIBED')),
    created_at         timestamptz   not null default now()
);

create unique index bounce_events_message_recipient on bounce_events (bounce_message_id, subscriber_id)
    where bounce_message_id is not null;
create unique index bounce_events_delivery_sync on bounce_events (delivery_id) where source = 'SYNC';
create index bounce_events_list_time on bounce_events (list_id, created_at);
create index bounce_events_time on bounce_events (created_at);
create index bounce_events_subscriber on bounce_events (subscriber_id, id);
create index bounce_events_campaign on bounce_events (campaign_id) where campaign_id is not null;

-- The dashboard lists what process-bounces did, newest first, from the consent ledger.
create index consent_events_bounce_job on consent_events (id) where source = 'BOUNCE_JOB';
