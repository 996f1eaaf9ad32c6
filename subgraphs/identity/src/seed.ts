import { demoIds } from '@gametriggers/prisma-tools';
import { AccountKind } from './account/account.type';
import { findLiveAccount } from './account/find-live-account';
import { hashPassword } from './account/password';
import type { Db } from './db';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-password-2026';

const { brands, streamers } = demoIds;
const VERIFIED_AT = new Date('2026-01-15T09:00:00Z');

/** One account per demo brand (its contact) and streamer (their contact email), and one admin. */
const demoAccounts = [
  { kind: AccountKind.BRAND, email: 'dana@voltage.example', brandId: brands.voltage },
  { kind: AccountKind.BRAND, email: 'sam@pixelforge.example', brandId: brands.pixelforge },
  { kind: AccountKind.BRAND, email: 'erik@nordwind.example', brandId: brands.nordwind },
  { kind: AccountKind.STREAMER, email: 'business@kiraplays.example', streamerId: streamers.kiraplays },
  { kind: AccountKind.STREAMER, email: 'team@gridlock.example', streamerId: streamers.gridlock },
  { kind: AccountKind.STREAMER, email: 'hello@lunastreams.example', streamerId: streamers.lunastreams },
  { kind: AccountKind.STREAMER, email: 'contact@tactician.example', streamerId: streamers.tactician },
  { kind: AccountKind.ADMIN, email: 'admin@gametriggers.example' },
];

/** Creates what is missing by kind and email, so a restart changes nothing (and keeps passwords changed since). */
export async function seedDemo(db: Db): Promise<void> {
  for (const account of demoAccounts) {
    if (await findLiveAccount(db, account.kind, account.email)) continue;
    // Hashed per account: each gets its own salt, so equal passwords do not show as equal hashes.
    await db.account.create({ data: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: VERIFIED_AT } });
  }
}
