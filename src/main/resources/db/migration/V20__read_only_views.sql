-- Read-only views over other capabilities' tables, for the capabilities that only read them: the bounce
-- reports and the other readers that are not the owner (report_*), and the send job's snapshot of a
-- list's members (member_recipients). Each table is
-- written only by its owner's class; a reader that is not the owner reads one of these views, which name
-- the owner and the columns it promises to keep. They are plain projections (no aggregation, no
-- DISTINCT): PostgreSQL inlines them into the query, so the indexes of the tables below serve them as if
-- the query named the tables. A write through one is refused by report_view_read_only().

create function report_view_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a read-only view (% refused); write through the owner of its table', tg_table_name, tg_op;
end;
$$;

create view report_lists as
    select id, slug, name, deleted_at from lists;
comment on view report_lists is
    'Rows owned by lists (Lists). Read-only, for reports and other capabilities (campaigns show their list): '
    'a list''s id, slug, name and whether it was deleted.';

create view report_subscribers as
    select id, email, name from subscribers;
comment on view report_subscribers is
    'Rows owned by subscriptions (Subscribers). Read-only, for reports and other capabilities (the address of '
    'a delivery''s subscriber): a subscriber''s address and name.';

create view report_memberships as
    select list_id, subscriber_id, status, bounce_score, bounce_last_day, bounce_disabled_at, bounce_warnings,
           bounce_next_warning_at
      from memberships;
comment on view report_memberships is
    'Rows owned by subscriptions (Memberships, MembershipTransitions, BounceStandings). Read-only, for reports: '
    'a membership''s status and bounce standing.';

create view report_consent_events as
    select id, list_id, subscriber_id, old_status, new_status, source, consent_text, created_at
      from consent_events;
comment on view report_consent_events is
    'Rows owned by subscriptions (ConsentLedger, append-only). Read-only, for reports: who changed which '
    'membership, when and why.';

create view report_campaigns as
    select id, list_id, subject, source, status, created_at from campaigns;
comment on view report_campaigns is
    'Rows owned by composing (Campaigns). Read-only, for reports and other capabilities (the list of a '
    'delivery''s campaign): a campaign''s list, subject, source and state.';

create view report_deliveries as
    select id, campaign_id, subscriber_id, status, sent_at from deliveries;
comment on view report_deliveries is
    'Rows owned by sending (Deliveries). Read-only, for reports: one row per recipient of a send, its state '
    'and when it was sent.';

create view report_inbound_messages as
    select id, received_at, source, mail_from, recipient, message_id, subject, raw from inbound_messages;
comment on view report_inbound_messages is
    'Rows owned by inbound (InboundMessages). Read-only, for reports and the bounce job and review queue: a '
    'stored message''s envelope, Message-ID, subject and raw bytes.';

create view member_recipients as
    select m.list_id, m.subscriber_id, m.status, m.delivery_mode, m.receive_own_posts, s.email, s.name,
           s.attributes
      from memberships m join subscribers s on s.id = m.subscriber_id;
comment on view member_recipients is
    'Rows owned by subscriptions (Memberships, Subscribers). Read-only, for sending (DeliverySnapshots): who is '
    'on a list, in which state and mode, with the address and merge attributes a send copies into its ledger.';

create trigger report_lists_read_only instead of insert or update or delete on report_lists
    for each row execute function report_view_read_only();
create trigger report_subscribers_read_only instead of insert or update or delete on report_subscribers
    for each row execute function report_view_read_only();
create trigger report_memberships_read_only instead of insert or update or delete on report_memberships
    for each row execute function report_view_read_only();
create trigger report_consent_events_read_only instead of insert or update or delete on report_consent_events
    for each row execute function report_view_read_only();
create trigger report_campaigns_read_only instead of insert or update or delete on report_campaigns
    for each row execute function report_view_read_only();
create trigger report_deliveries_read_only instead of insert or update or delete on report_deliveries
    for each row execute function report_view_read_only();
create trigger report_inbound_messages_read_only instead of insert or update or delete on report_inbound_messages
    for each row execute function report_view_read_only();
create trigger member_recipients_read_only instead of insert or update or delete on member_recipients
    for each row execute function report_view_read_only();
