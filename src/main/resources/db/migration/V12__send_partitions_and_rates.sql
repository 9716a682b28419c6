-- Sending on several instances (owned by sending). A campaign's deliveries are cut into id ranges when the
-- send starts; the send step's workers, on this instance and on any other sharing the database, claim the
-- ranges one at a time with FOR UPDATE SKIP LOCKED and a lease, so each range (and so each delivery) has one
-- sender at a time. A send "round" (the first send, a resume, a retry round) is a number on the campaign;
-- a range is done for a round when its owner found nothing more to send in it.
alter table campaigns add column send_round bigint not null default 0;

create table send_partitions (
    id           bigint generated always as identity primary key,
    campaign_id  bigint      not null references campaigns (id) on delete cascade,
    first_id     bigint      not null,
    last_id      bigint      not null check (last_id >= first_id),
    done_round   bigint      not null default 0,
    -- {instance}/{job execution}/{worker}: who works on the range now; null or an expired lease = free
    owner        text,
    lease_until  timestamptz,
    unique (campaign_id, first_id)
);

-- which instance handed the message to SMTP (the two-instance proof, and support questions)
alter table deliveries add column sent_by text;

-- Sending rates, editable by an admin at run time: domain '*' is the global rate, any other row the rate for
-- one recipient domain. The row is also the token bucket that every instance draws from (tokens, refreshed_at),
-- so the rate holds across restarts and instances.
create table send_rate_limits (
    domain        text             primary key check (domain = '*' or domain ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'),
    per_second    double precision not null check (per_second > 0 and per_second <= 1000000),
    burst         double precision not null check (burst >= 1),
    tokens        double precision not null,
    refreshed_at  timestamptz      not null default clock_timestamp(),
    updated_by    text             not null default '',
    updated_at    timestamptz      not null default now()
);
