-- InventoryLevelSet v2 carries the quantity in transit and the bin, when the WMS tracks bins.
ALTER TABLE inventory_levels
  ADD COLUMN in_transit bigint NOT NULL DEFAULT 0,
  ADD COLUMN bin_code   text;
