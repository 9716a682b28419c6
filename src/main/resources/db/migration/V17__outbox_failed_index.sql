-- The relay health details and the sending page count the notices given up at every call; the outbox
-- keeps every notice ever sent, so the count reads this small partial index instead of the whole table.
create index outbox_failed on outbox (id) where state = 'FAILED';
