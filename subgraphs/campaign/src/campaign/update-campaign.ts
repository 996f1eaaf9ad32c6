import { BadUserInputError, ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { UpdateCampaignInput } from './campaign.inputs';
import { amountsData, parseMoney, scheduleData, storedAmount, targetingData } from './campaign-data';
import type { Amount } from './campaign-data';
import type { MoneyInput } from '@gametriggers/federation';
import { factsDiffer, writeCampaignChanged } from './write-campaign-changed';

/** A cap as it will be: unchanged when not given, cleared by null, else the new amount. */
function capAfter(given: MoneyInput | null | undefined, storedMinor: bigint | null, currency: string, field: string): Amount | null {
  if (given === undefined) return storedMinor === null ? null : storedAmount(storedMinor, currency);
  return given === null ? null : parseMoney(given, field);
}

/**
 * Edits a DRAFT campaign. The amounts are checked as they will be after the change (a new budget
 * currency must match the caps and rate kept), and the write only lands if the campaign is still
 * the DRAFT revision that was checked, so a concurrent submit or edit is never overwritten. When the
 * edit changes the facts other subgraphs copy (schedule, targeting), CampaignChanged is written in
 * the same transaction.
 */
export async function updateCampaign(db: Db, id: string, input: UpdateCampaignInput) {
  return db.$transaction(async (tx) => {
    const row = isUuid(id) ? await tx.campaign.findUnique({ where: { id } }) : null;
    if (!row) throw new NotFoundError('Campaign', id);
    if (row.status !== 'DRAFT') throw new BadUserInputError('id', `Only DRAFT campaigns can be edited; this one is ${row.status}`);
    const currency = row.currency;
    const changesAmounts = input.budget || input.dailyCap !== undefined || input.perStreamerCap !== undefined || input.pricing;
    const data = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.schedule ? scheduleData(input.schedule, 'input.schedule') : {}),
      ...(changesAmounts
        ? amountsData({
            budget: input.budget ? parseMoney(input.budget, 'input.budget') : storedAmount(row.budgetMinor, currency),
            dailyCap: capAfter(input.dailyCap, row.dailyCapMinor, currency, 'input.dailyCap'),
            perStreamerCap: capAfter(input.perStreamerCap, row.perStreamerCapMinor, currency, 'input.perStreamerCap'),
            rate: input.pricing ? parseMoney(input.pricing.rate, 'input.pricing.rate') : storedAmount(row.rateMinor, currency),
          })
        : {}),
      ...(input.pricing ? { pricingModel: input.pricing.model } : {}),
      ...(input.targeting ? targetingData(input.targeting, 'input.targeting') : {}),
      ...(input.landingUrl !== undefined ? { landingUrl: input.landingUrl } : {}),
    };
    const { count } = await tx.campaign.updateMany({
      where: { id, status: 'DRAFT', revision: row.revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (count !== 1) {
      const now = await tx.campaign.findUnique({ where: { id }, select: { status: true } });
      if (now && now.status !== 'DRAFT') throw new BadUserInputError('id', `Only DRAFT campaigns can be edited; this one is ${now.status}`);
      throw new ConflictError('The campaign was changed at the same time; read it again and retry');
    }
    const updated = await tx.campaign.findUniqueOrThrow({ where: { id } });
    if (factsDiffer(row, updated)) await writeCampaignChanged(tx, updated);
    return updated;
  });
}

/**
 * The auto-approval rule may change in any status but the final ones (it decides future
 * applications only); BAD_USER_INPUT on `id` for a COMPLETED or CANCELLED campaign.
 */
export async function setAutoAccept(db: Db, id: string, enabled: boolean) {
  const { count } = await db.campaign.updateMany({
    where: { id, status: { notIn: ['COMPLETED', 'CANCELLED'] } },
    data: { autoAcceptApplications: enabled },
  });
  if (count !== 1) throw new BadUserInputError('id', 'A COMPLETED or CANCELLED campaign takes no more applications');
  return db.campaign.findUniqueOrThrow({ where: { id } });
}
