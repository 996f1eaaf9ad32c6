import { z } from 'zod';

const schema = z.object({
  /** How long earnings are held for review before they are released to the streamer's wallet. */
  EARNINGS_REVIEW_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(72 * 3600),
  /** A sample sooner than this after the previous one is a burst: recorded, flagged, not paid. */
  SAMPLE_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(50),
  /** A sample further apart than this from the previous one starts a new stream (FLAT_FEE). */
  STREAM_GAP_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * 60),
  /** Reported viewers above this multiple of the campaign's maxAverageViewers are implausible. */
  VIEWER_PLAUSIBILITY_FACTOR: z.coerce.number().int().min(1).default(5),
  /** Reported viewers above this multiple of the streamer's known peak audience (their profile) are implausible. */
  VIEWER_PEAK_FACTOR: z.coerce.number().int().min(1).default(3),
  /** Reported viewers above this are implausible whatever the campaign. */
  VIEWER_CEILING: z.coerce.number().int().min(1).default(2_000_000),
  /** Clicks of one participation in one minute beyond this are a burst: recorded, flagged, not paid. */
  CLICKS_PER_MINUTE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** Where the overlay and click links point (the public origin); default: the address the request came to. */
  PUBLIC_DELIVERY_URL: z.string().url().optional(),
});

export type DeliveryConfig = z.infer<typeof schema>;

/** Read at each use, so a deployment (or a test) sets them in the environment. */
export function deliveryConfig(): DeliveryConfig {
  return schema.parse(process.env);
}
