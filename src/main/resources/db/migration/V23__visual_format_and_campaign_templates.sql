-- Issue 13, the campaign editor: a third way to write a body (VISUAL, the rich-text editor's HTML, sanitised
-- like HTML), and templates staff save a campaign as and start new campaigns from. Owned by composing.
alter table campaigns drop constraint campaigns_format_check;
alter table campaigns add constraint campaigns_format_check check (format in ('MARKDOWN', 'HTML', 'VISUAL'));

-- A template is not tied to a list: the sender comes from the list of the campaign started from it.
create table campaign_templates (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 200),
    subject     text        not null default '',
    preheader   text        not null default '',
    body        text        not null default '',
    format      text        not null default 'MARKDOWN' check (format in ('MARKDOWN', 'HTML', 'VISUAL')),
    layout      text        not null,
    created_by  text        not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Two templates with the same name (in any case) could not be told apart in the "Start from" menu.
create unique index campaign_templates_name on campaign_templates (lower(name));
