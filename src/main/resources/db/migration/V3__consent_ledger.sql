-- The consent ledger: one row for every change of a membership's status, with who or what made it,
-- from where, and the text the person agreed to. Append-only: the triggers refuse UPDATE, DELETE and
-- TRUNCATE, so not even a bug in the application can rewrite history.
create table consent_events (
    id            bigint generated always as identity primary key,
    subscriber_id bigint      not null references subscribers (id),
    list_id       bigint      not null references lists (id),
    old_status    text check (old_status in ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'DISABLED', 'REMOVED')),
    new_status    text        not null check (new_status in ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'DISABLED', 'REMOVED')),
    source        text        not null check (source in ('WEB_FORM', 'EMAIL_COMMAND', 'IMPORT', 'ADMIN', 'BOUNCE_JOB', 'API')),
    actor         text,
    ip            text,
    message_id    text,
    consent_text  text,
    created_at    timestamptz not null default now()
);

create index consent_events_subscriber on consent_events (subscriber_id, id);

create function consent_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_events is append-only (% refused)', tg_op;
end;
$$;

create trigger consent_events_no_update_delete before update or delete on consent_events
    for each row execute function consent_events_append_only();
create trigger consent_events_no_truncate before truncate on consent_events
    for each statement execute function consent_events_append_only();
