-- The archive's search of sent campaigns per language, as V30 did for posts: a campaign is indexed with its
-- list's configuration (the language of its own subject and body) and each other-language version with its
-- own language's (listserv_search_config). The configuration is set when the row is written (Campaigns) and
-- kept: a campaign stays indexed as it was written when its list later changes language.
-- report_lists (read-only, owned by lists) gains the list's language, which composing reads for this; a new
-- column goes at the end, as create or replace view requires.
create or replace view report_lists as
    select id, slug, name, deleted_at, language from lists;
comment on view report_lists is
    'Rows owned by lists (Lists). Read-only, for reports and other capabilities (campaigns show their list): '
    'a list''s id, slug, name, whether it was deleted and its language.';

alter table campaigns add column search_config regconfig not null default 'listserv_simple';
update campaigns c set search_config = listserv_search_config(l.language) from lists l where l.id = c.list_id;
drop index campaigns_search;
alter table campaigns drop column search;
alter table campaigns add column search tsvector generated always as (
    setweight(to_tsvector('listserv_simple', left(coalesce(subject, ''), 2000))
              || to_tsvector(search_config, left(coalesce(subject, ''), 2000)), 'A')
    || setweight(to_tsvector(search_config, left(coalesce(body, ''), 100000)), 'B')) stored;
create index campaigns_search on campaigns using gin (search);

alter table campaign_versions add column search_config regconfig not null default 'listserv_simple';
update campaign_versions set search_config = listserv_search_config(language);
alter table campaign_versions add column search tsvector generated always as (
    setweight(to_tsvector('listserv_simple', left(coalesce(subject, ''), 2000))
              || to_tsvector(search_config, left(coalesce(subject, ''), 2000)), 'A')
    || setweight(to_tsvector(search_config, left(coalesce(body, ''), 100000)), 'B')) stored;
create index campaign_versions_search on campaign_versions using gin (search);
