-- Languages (BCP 47 tags, lower-case primary subtag first: 'es', 'en', 'pt-BR'). A list has a default
-- language, in which its members without a language of their own are written to; a subscriber may have a
-- preferred language (one for all their lists: a person reads one language first); an account may pick
-- the language of its admin pages (null: the browser's). Which languages are offered is configuration
-- (listserv.languages.supported); the check only keeps the column a well-formed tag.
alter table lists add column language text not null default 'en'
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
alter table subscribers add column language text
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
alter table users add column language text
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
