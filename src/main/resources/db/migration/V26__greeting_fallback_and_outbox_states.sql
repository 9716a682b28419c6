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

-- A PENDING member whose confirmation request is still to be mailed (an import in PENDING mode, or an
-- admin's "send the confirmation again to all"): the confirmation round mails a few a minute, oldest first,
-- and clears it. In the table rather than in the outbox so that the link's expiry starts when it is mailed.
alter table memberships add column confirmation_due_at timestamptz;
create index memberships_confirmation_due on memberships (confirmation_due_at) where confirmation_due_at is not null;
