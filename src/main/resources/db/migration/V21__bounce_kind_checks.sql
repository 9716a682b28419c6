-- Every state a type: the kinds of bounce messages and bounce events get the CHECK constraints their
-- states (bounce_messages.state, bounce_events.action, .source, .classification) had from V13. The values
-- are the Java enums' names: BounceKind for a message (null until it is classified), BounceEventKind (a
-- BounceKind, or SMTP_REPLY for a refusal at the SMTP dialogue) for an event; no other value was ever
-- written. Added NOT VALID, then validated: the check of the existing rows takes no lock that stops the
-- bounce job or the reports.
alter table bounce_messages add constraint bounce_messages_kind_check
    check (kind in ('DSN', 'NON_STANDARD', 'COMPLAINT', 'AUTO_REPLY', 'NOT_A_BOUNCE')) not valid;
alter table bounce_messages validate constraint bounce_messages_kind_check;

alter table bounce_events add constraint bounce_events_kind_check
    check (kind in ('DSN', 'NON_STANDARD', 'COMPLAINT', 'AUTO_REPLY', 'NOT_A_BOUNCE', 'SMTP_REPLY')) not valid;
alter table bounce_events validate constraint bounce_events_kind_check;
