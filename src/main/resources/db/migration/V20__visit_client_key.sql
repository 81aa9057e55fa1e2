-- An import looks its chunk's keys up by client_key alone: the unique key (visitor_id, client_key)
-- starts with the visitor, and a few officials hold most visits, so it would scan them all.
create index visit_client_key_lookup on visit (client_key);
