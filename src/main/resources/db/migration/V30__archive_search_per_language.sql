-- Archive search per language. Each language gets a text-search configuration of our own that strips
-- accents (unaccent) before its stemmer, so that in a Spanish list "accion" finds "acción" and "derecho"
-- finds "derechos"; a language PostgreSQL has no stemmer for falls back to listserv_simple (unaccent, no
-- stemming). A post keeps the configuration it was indexed with (its list's language when stored) in
-- search_config: to_tsvector(regconfig, text) is immutable only with a regconfig value, so the column is
-- a regconfig and the generated tsvector stays a stored generated column on the GIN index.
create extension if not exists unaccent;

create text search configuration listserv_simple (copy = simple);
alter text search configuration listserv_simple
    alter mapping for hword, hword_part, word with unaccent, simple;

do $$
declare
    lang text;
begin
    foreach lang in array array['english', 'spanish', 'portuguese', 'french', 'italian', 'german', 'dutch',
                                'catalan'] loop
        if exists (select 1 from pg_ts_config where cfgname = lang)
           and not exists (select 1 from pg_ts_config where cfgname = 'listserv_' || lang) then
            execute format('create text search configuration %I (copy = %I)', 'listserv_' || lang, lang);
            execute format('alter text search configuration %I alter mapping for hword, hword_part, word '
                           'with unaccent, %I', 'listserv_' || lang, lang || '_stem');
        end if;
    end loop;
end
$$;

-- The configuration of a language tag ('es', 'pt-BR'): by its primary subtag, else listserv_simple.
create function listserv_search_config(tag text) returns regconfig
    language sql stable
    return coalesce((select c.oid::regconfig from pg_ts_config c
                     where c.cfgname = 'listserv_' || case split_part(lower(coalesce(tag, '')), '-', 1)
                        when 'en' then 'english' when 'es' then 'spanish' when 'pt' then 'portuguese'
                        when 'fr' then 'french' when 'it' then 'italian' when 'de' then 'german'
                        when 'nl' then 'dutch' when 'ca' then 'catalan' else 'simple' end),
                    'listserv_simple'::regconfig);

-- Re-index every post in its list's language. The subject is indexed word for word as before (the search
-- also asks listserv_simple, so a word a stemmer drops, "the", still finds a subject) and by its stems.
drop index posts_search;
alter table posts drop column search;
alter table posts add column search_config regconfig not null default 'listserv_simple';
update posts p set search_config = listserv_search_config(l.language) from lists l where l.id = p.list_id;
alter table posts add column search tsvector generated always as (
    setweight(to_tsvector('listserv_simple', left(coalesce(subject, ''), 2000))
              || to_tsvector(search_config, left(coalesce(subject, ''), 2000)), 'A')
    || setweight(to_tsvector(search_config, left(coalesce(body_text, ''), 100000)), 'B')) stored;
create index posts_search on posts using gin (search);
