import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireOwnerAdminOrService } from '../access/access';
import type { Context } from '../context';
import { brandOwner, ownerKey, streamerOwner } from '../ledger/ledger-owner';
import type { LedgerOwner } from '../ledger/ledger-owner';
import { toWallet } from '../wallet/to-wallet';
import { Wallet } from '../wallet/wallet.type';
import { BrandReference, StreamerReference } from './owner.stand-ins';

/** The owner's wallet, for its owner, admins and services (UNAUTHENTICATED / FORBIDDEN for anyone else). */
async function walletOf(owner: LedgerOwner, ctx: Context): Promise<Wallet | null> {
  requireOwnerAdminOrService(ctx, owner);
  const row = await ctx.loaders.walletByOwner.load(ownerKey(owner));
  return row ? toWallet(row) : null;
}

@Resolver(() => BrandReference)
export class BrandWalletResolver {
  @FieldResolver(() => Wallet, { nullable: true, description: 'Null until money first moves for the brand.' })
  async wallet(@Root() brand: BrandReference, @Ctx() ctx: Context): Promise<Wallet | null> {
    return walletOf(brandOwner(brand.id.toLowerCase()), ctx);
  }
}

@Resolver(() => StreamerReference)
export class StreamerWalletResolver {
  @FieldResolver(() => Wallet, { nullable: true, description: 'Null until the streamer first receives money.' })
  async wallet(@Root() streamer: StreamerReference, @Ctx() ctx: Context): Promise<Wallet | null> {
    return walletOf(streamerOwner(streamer.id.toLowerCase()), ctx);
  }
}
