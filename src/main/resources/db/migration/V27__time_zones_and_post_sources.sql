-- Time zones for the times staff read and type. Instants stay timestamptz (UTC); a zone only says how a
-- time is shown and how a typed local time is read.
-- The organisation's zone, set by an admin on the settings page: one row at most (no row: the zone of
-- listserv.web.time-zone). Zone ids (IANA names such as America/Bogota) are checked in Java against the
-- JDK's zone database, which a CHECK constraint cannot see.
create table organisation_settings (
    id         boolean     primary key default true check (id),
    time_zone  text        not null check (time_zone <> '' and length(time_zone) <= 64),
    updated_by text        not null,
    updated_at timestamptz not null default now()
);

-- A person's own zone; null means the organisation's.
alter table users add column time_zone text check (time_zone <> '' and length(time_zone) <= 64);

-- The received message a post came from, so that a moderator's decision can update that message's note
-- (it said "held for moderation" long after the post was approved). Null for posts stored before this.
alter table posts add column inbound_message_id bigint references inbound_messages (id);
