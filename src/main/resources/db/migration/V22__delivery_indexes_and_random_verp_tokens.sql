-- Deliveries (owned by sending): two partial indexes for queries that otherwise read the whole ledger,
-- and VERP tokens from a cryptographic source.

-- SendingScheduler's due retries (Deliveries.campaignsWithDueRetries), every scheduler tick:
-- deferred rows only, by due time; the campaign id in the index answers it without the table.
create index deliveries_due_retries on deliveries (next_attempt_at, campaign_id) where status = 'DEFERRED';

-- The reports by day of sending (BounceReports.days: messages sent since a day): only sent rows have a time.
create index deliveries_sent_at on deliveries (sent_at) where sent_at is not null;

-- Same format as before (20 lower-case hex digits, what ListAddress parses after "bounces+"), from
-- gen_random_uuid() (a cryptographic random source, core since PostgreSQL 13) instead of md5(random()),
-- whose input is a guessable pseudo-random number and the clock. The first 20 hex digits of a version-4
-- UUID hold 74 random bits (the version digit is fixed, the variant digit has 2 random bits of 4).
alter table deliveries
    alter column verp_token set default substr(replace(gen_random_uuid()::text, '-', ''), 1, 20);
