-- The media library: images staff upload for campaigns, served without login at /media/{id}/{filename}
-- (mail clients load them). The bytes live here, beside everything else a backup of the database keeps.
-- The same bytes are stored once (sha256); type is what the content is, read from its magic bytes.
create table media_files (
    id           bigint generated always as identity primary key,
    filename     text        not null check (length(filename) between 1 and 120),
    type         text        not null check (type in ('PNG', 'JPEG', 'GIF', 'WEBP')),
    content      bytea       not null,
    size         integer     not null check (size > 0),
    sha256       text        not null unique check (length(sha256) = 64),
    width        integer     not null check (width > 0),
    height       integer     not null check (height > 0),
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now()
);

create index media_files_newest on media_files (uploaded_at desc, id desc);
