-- Written by hand: the GiST on ("brandId", "window") of the previous migration answered a lookup of
-- a few brands in 10-30 ms on 100,000 campaigns (btree_gist on random uuids overlaps badly); the
-- B-tree on "brandId" (a brand has tens of campaigns) with the window checked on its rows takes
-- well under a millisecond. See load-candidates.ts.
DROP INDEX IF EXISTS "CampaignFacts_brandId_window_gist";
