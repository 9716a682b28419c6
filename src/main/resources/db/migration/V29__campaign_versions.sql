-- Campaigns in several languages (owned by composing: Campaigns). The campaign row keeps the version in its
-- list's default language; each other language a campaign is written in has one row here.
create table campaign_versions (
    campaign_id bigint not null references campaigns (id) on delete cascade,
    language    text   not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    subject     text   not null default '',
    preheader   text   not null default '',
    body        text   not null default '',
    primary key (campaign_id, language)
);

-- The deliveries ledger (owned by sending) records which version each member got: the language of the
-- version, chosen when the send's snapshot is written (null: rows written before this, posts and digests,
-- which got the only version there is).
alter table deliveries add column language text;

-- member_recipients (read-only, owned by subscriptions) gains the subscriber's language, for the snapshot;
-- a new column goes at the end, as create or replace view requires.
create or replace view member_recipients as
    select m.list_id, m.subscriber_id, m.status, m.delivery_mode, m.receive_own_posts, s.email, s.name,
           s.attributes, s.language
      from memberships m join subscribers s on s.id = m.subscriber_id;
