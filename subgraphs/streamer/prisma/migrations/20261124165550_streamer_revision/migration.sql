-- AlterTable
ALTER TABLE "Streamer" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- Written by hand: streamers created before StreamerProfileChanged existed get one now (revision 1,
-- their whole current state), so consumers (conflict, campaign) hold every streamer's facts, not
-- only those of streamers that change from now on. The envelope is writeEvent's
-- (@gametriggers/events); one event id per streamer (gen_random_uuid in the CTE's select list).
WITH "current" AS (
    SELECT gen_random_uuid() AS "eventId", s.* FROM "Streamer" s
)
INSERT INTO "OutboxEvent" ("id", "type", "subject", "envelope")
SELECT c."eventId", 'streamer.profile.changed', c."id"::text, jsonb_build_object(
    'specversion', '1.0',
    'id', c."eventId",
    'source', '/subgraphs/streamer',
    'type', 'streamer.profile.changed',
    'dataversion', 1,
    'subject', c."id"::text,
    'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'correlationid', c."eventId",
    'datacontenttype', 'application/json',
    'data', jsonb_build_object(
        'streamerId', c."id",
        'country', c."country",
        'languages', to_jsonb(c."languages"),
        'audienceAgeRanges', to_jsonb(c."audienceAgeRanges"::text[]),
        'platforms', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'platform', p."platform", 'averageViewers', p."averageViewers",
                'peakViewers', p."peakViewers", 'categories', to_jsonb(p."categories")
            ) ORDER BY p."platform")
            FROM "StreamerPlatformProfile" p WHERE p."streamerId" = c."id"
        ), '[]'::jsonb),
        'revision', c."revision"
    )
)
FROM "current" c
ORDER BY c."createdAt", c."id";
