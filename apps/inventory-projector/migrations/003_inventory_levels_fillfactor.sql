-- Every event rewrites its row. With room left in each page, Postgres keeps the new row version
-- on the old one's page and leaves the primary key alone (a heap-only update); in full pages it
-- must also insert into the index. Measured on 200,000 upserts over 20,000 rows: heap-only
-- updates 42 % → 88 % (fillfactor 80) → 98 % (60), Postgres CPU per event 16–18 µs → 13–15 µs.
-- Pages written from now on keep this room; a VACUUM FULL rewrites the older ones.
ALTER TABLE inventory_levels SET (fillfactor = 70);
