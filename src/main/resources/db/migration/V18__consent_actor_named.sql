-- Every change recorded in the consent ledger names who really acted: an account (its login), the member
-- themselves ('subscriber:<id>', proven by a link or reply mailed to them), 'anonymous' (a web form or a
-- mailed request that proves nobody), or a job ('process-bounces'). Rows written before this release
-- could name nobody; the ledger is append-only (its triggers refuse UPDATE), so they are not rewritten:
-- the constraint is NOT VALID, checking every new row and leaving the history as it was written. The
-- application reads a missing actor of an old row as 'unknown'.
alter table consent_events
    add constraint consent_events_actor_named check (actor is not null and btrim(actor) <> '') not valid;
