-- The language a person asked for when they asked to join (web form, email command), kept with the
-- confirmation request rather than on the subscriber: anyone can submit a form with any address, so an
-- existing subscriber's own language changes only once the address is confirmed (the token is used).
-- Null: the request named no language.
alter table confirmation_tokens add column language text
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
