-- Digests (owned by posting): one row per list and period, written in the send-digests job's chunk
-- transaction together with its campaign row (source DIGEST) and deliveries, so a restart never sends a
-- list's digest twice for one cut-off.
create table digests (
    id            bigint generated always as identity primary key,
    list_id       bigint      not null references lists (id),
    period_start  timestamptz not null,
    period_end    timestamptz not null,
    post_count    integer     not null,
    message       bytea       not null,
    campaign_id   bigint      references campaigns (id),
    created_at    timestamptz not null default now(),
    unique (list_id, period_end)
);

create index digests_campaign on digests (campaign_id) where campaign_id is not null;
