-- Room in every page for the row's next version, as inventory_levels has (heap-only updates:
-- a status change leaves the primary key alone). Pages written from now on keep it.
ALTER TABLE shipments SET (fillfactor = 70);
