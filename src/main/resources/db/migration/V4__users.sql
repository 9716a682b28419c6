-- People who log in: admins and staff. Passwords are stored by Spring Security's delegating encoder
-- ({bcrypt}..., {argon2}...), so the algorithm can change without a migration.
create table users (
    id            bigint generated always as identity primary key,
    email         text        not null,
    name          text        not null default '',
    password_hash text        not null,
    role          text        not null check (role in ('ADMIN', 'STAFF')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create unique index users_email_key on users (lower(email));
