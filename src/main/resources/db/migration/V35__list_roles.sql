-- Per-list roles (owned by accounts: ListRoles). An account holds at most one role on a list; ADMIN
-- accounts hold every role on every list and get no rows here.
--   OWNER      the list's settings, members and roles, and everything below
--   SENDER     compose, test and send campaigns
--   MODERATOR  held posts and the posting settings
--   VIEWER     read the list, its members, campaigns and reports
create table list_roles (
    list_id    bigint      not null references lists (id) on delete cascade,
    user_id    bigint      not null references users (id) on delete cascade,
    role       text        not null check (role in ('OWNER', 'SENDER', 'MODERATOR', 'VIEWER')),
    granted_by text        not null,
    granted_at timestamptz not null default now(),
    primary key (list_id, user_id)
);
create index list_roles_user on list_roles (user_id);

-- Before roles, a STAFF account could read, add members, compose, send and moderate on every list. So
-- that nothing it did before breaks without an admin deciding, it becomes OWNER of every list there is
-- (the one role that covers all of that); an admin then narrows it. granted_by marks these rows.
insert into list_roles (list_id, user_id, role, granted_by)
select l.id, u.id, 'OWNER', 'upgrade to per-list roles'
  from lists l cross join users u
 where u.role = 'STAFF';
