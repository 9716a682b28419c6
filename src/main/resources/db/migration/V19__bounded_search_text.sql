-- Archive search indexes the start of each text only. A tsvector holds at most 1 MB, and a post of
-- 900 KB of distinct words made one of 1.3 MB: the insert failed and the post never reached its list.
-- 100,000 characters (some 15,000 words) make at most about half of that, whatever the words.
drop index posts_search;
alter table posts drop column search;
alter table posts add column search tsvector generated always as (
    setweight(to_tsvector('simple', left(coalesce(subject, ''), 2000)), 'A')
    || setweight(to_tsvector('english', left(coalesce(body_text, ''), 100000)), 'B')) stored;
create index posts_search on posts using gin (search);

drop index campaigns_search;
alter table campaigns drop column search;
alter table campaigns add column search tsvector generated always as (
    setweight(to_tsvector('simple', left(coalesce(subject, ''), 2000)), 'A')
    || setweight(to_tsvector('english', left(coalesce(body, ''), 100000)), 'B')) stored;
create index campaigns_search on campaigns using gin (search);
