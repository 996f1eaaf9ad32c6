import { registerEnumType } from 'type-graphql';

/** Streaming platforms a streamer broadcasts on and a campaign can target. */
export enum Platform {
  TWITCH = 'TWITCH',
  YOUTUBE = 'YOUTUBE',
  TIKTOK = 'TIKTOK',
  KICK = 'KICK',
}
registerEnumType(Platform, { name: 'Platform', description: 'A live-streaming platform.' });

/** Audience age brackets, as the platforms report them. */
export enum AgeRange {
  AGE_13_17 = 'AGE_13_17',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_34 = 'AGE_25_34',
  AGE_35_44 = 'AGE_35_44',
  AGE_45_54 = 'AGE_45_54',
  AGE_55_PLUS = 'AGE_55_PLUS',
}
registerEnumType(AgeRange, { name: 'AgeRange', description: 'An audience age bracket.' });

/** Lowercase slug of a content category ("fps", "just-chatting"), shared by brands, streamers and campaigns. */
export const CATEGORY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ISO 3166-1 alpha-2 country code. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** ISO 639-1 language code. */
export const LANGUAGE_PATTERN = /^[a-z]{2}$/;
