-- Subscriptions: whether a list shows on the public pages, the text a person agrees to when joining,
-- and what a PENDING membership waits for (the person's confirmation, or an admin's approval).
alter table lists add column public boolean not null default true;
alter table lists add column consent_text text not null default '';
alter table lists add column goodbye_notice boolean not null default true;

alter table memberships add column awaiting text
    check (awaiting in ('CONFIRMATION', 'APPROVAL'));
update memberships set awaiting = 'CONFIRMATION' where status = 'PENDING';
alter table memberships add constraint memberships_awaiting_only_pending
    check ((status = 'PENDING') = (awaiting is not null));
create index memberships_awaiting_approval on memberships (list_id) where awaiting = 'APPROVAL';
