-- The word a greeting uses when a member has no name ("Dear friend," rather than "Dear ,"): used by the
-- preview, the test send, the web version and the real send alike.
alter table lists add column greeting_fallback text not null default 'friend'
    check (length(greeting_fallback) between 1 and 100);

-- A notice that failed once and waits for its next attempt is RETRYING (it was PENDING with attempts > 0):
-- the outbox page filters on it, and the due index covers both states that may still be sent.
alter table outbox drop constraint outbox_state_check;
update outbox set state = 'RETRYING' where state = 'PENDING' and attempts > 0;
alter table outbox add constraint outbox_state_check check (state in ('PENDING', 'RETRYING', 'SENT', 'FAILED'));
drop index outbox_due;
create index outbox_due on outbox (next_attempt_at) where state in ('PENDING', 'RETRYING');
-- the outbox page: newest first, optionally of one state
create index outbox_newest on outbox (state, id);
