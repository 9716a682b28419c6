-- Two-factor login (TOTP, RFC 6238) and password reset by mail (issue 15).

-- The TOTP secret, encrypted (AES-GCM under the app secret "totp-key", see web.SealedSecrets); it is set at
-- enrolment and used once the person confirmed a first code (totp_enabled_at). totp_last_step is the last
-- 30-second step whose code was accepted: a code of that step or an earlier one is refused (no replay).
alter table users add column totp_secret     bytea;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step  bigint;
-- When the password was last set: a page session logged in with a password given before that is ended.
alter table users add column password_changed_at timestamptz;

-- The ten recovery codes of an account with two-factor login, each usable once; hashed with the password
-- encoder (bcrypt), so the table does not hand out working codes if it leaks.
create table recovery_codes (
    id        bigint generated always as identity primary key,
    user_id   bigint      not null references users (id),
    code_hash text        not null,
    used_at   timestamptz
);

create index recovery_codes_user on recovery_codes (user_id) where used_at is null;

-- An admin can require two-factor login of every account. The settings row may now exist without a chosen
-- time zone (null: listserv.web.time-zone).
alter table organisation_settings alter column time_zone drop not null;
alter table organisation_settings add column two_factor_required boolean not null default false;

-- Password reset links: random, single use, expiring (an hour), stored as a SHA-256 only.
create table password_resets (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references users (id),
    token_hash text        not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_resets_user on password_resets (user_id) where used_at is null;
