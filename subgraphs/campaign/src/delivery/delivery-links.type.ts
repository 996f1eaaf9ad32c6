import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "A participation's public links. Replace them with rotateParticipationLinks if they leak." })
export class ParticipationLinks {
  @Field(() => String, {
    description:
      'The overlay to add to OBS as a browser source: shows the creative and reports a viewer sample every minute. Private to the streamer: it can report deliveries. Append `?viewers=<n>` if your tooling keeps the live viewer count current.',
  })
  overlayUrl!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The tracked link for chat: counts a click, then redirects to the campaign landing page. Null when the campaign has no landing page.',
  })
  clickUrl!: string | null;
}

@ObjectType({ description: 'How a brand reports conversions (CPA) to the campaign: a signed HTTP POST.' })
export class ConversionPostback {
  @Field(() => String, { description: 'POST here a JSON body `{ "participationId": "...", "conversionId": "..." }`.' })
  url!: string;
  @Field(() => String, {
    description: 'Sign the raw body with HMAC-SHA256 under this secret and send `X-GameTriggers-Signature: sha256=<hex>`. Keep it secret.',
  })
  secret!: string;
}
