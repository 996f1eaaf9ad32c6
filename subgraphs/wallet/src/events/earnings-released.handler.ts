import { formatAmount } from '@gametriggers/federation';
import type { EarningsReleased, EventData } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import type { Tx } from '../ledger/post-ledger-transaction';
import { writeLedgerTransaction } from '../ledger/post-ledger-transaction';
import { earningsPosting } from '../transaction/pay-earnings';

/** The prefix of the ledger keys of released earnings (clients may not use it). */
export const RELEASE_KEY_PREFIX = 'campaign-release:';

/**
 * campaign.earnings.released: the campaign subgraph's reviewed earnings of one participation are due
 * to the streamer. Paid like creditEarnings (brand HELD -> streamer AVAILABLE less the configured
 * platform fee, EarningsCredited event) inside the inbox transaction, keyed by the release id. If the
 * brand's held budget does not cover it, the handler fails: the event is retried, then dead-lettered
 * with the reason, and can be replayed once the budget is there (npm run events:dead-letters).
 */
export async function applyEarningsReleased(tx: Tx, config: WalletConfig, data: EventData<typeof EarningsReleased>): Promise<void> {
  const key = `${RELEASE_KEY_PREFIX}${data.releaseId}`;
  if (await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: key } })) return;
  const exponent = config.currencies[data.currency];
  if (exponent === undefined) throw new Error(`earnings release ${data.releaseId}: ${data.currency} is not a wallet currency`);
  await writeLedgerTransaction(
    tx,
    earningsPosting(
      config,
      {
        brandId: data.brandId,
        streamerId: data.streamerId,
        campaignId: data.campaignId,
        amount: { amount: formatAmount(BigInt(data.amountMinor), data.currency), currency: data.currency },
        feeBasisPoints: config.earningsFeeBasisPoints,
        idempotencyKey: key,
        description: `Earnings: campaign ${data.campaignId}, ${data.earningIds.length} deliveries`,
      },
      'SERVICE:campaign',
    ),
  );
}
