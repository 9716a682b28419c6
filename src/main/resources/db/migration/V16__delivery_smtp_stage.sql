-- Which SMTP command a refusal answered (RCPT, MAIL or DATA): bounce handling believes "no such user" at
-- RCPT, and reads the same words after DATA as a content filter's.
alter table deliveries add column smtp_stage text check (smtp_stage in ('MAIL', 'RCPT', 'DATA'));
