import type { Db } from '../db';
import type { CreateCampaignInput } from './campaign.inputs';
import { amountsData, parseMoney, scheduleData, targetingData } from './campaign-data';
import { writeCampaignChanged } from './write-campaign-changed';

/** Creates a DRAFT campaign with nothing spent, and its CampaignChanged event in the same transaction. */
export async function createCampaign(db: Db, input: CreateCampaignInput) {
  const amounts = amountsData({
    budget: parseMoney(input.budget, 'input.budget'),
    dailyCap: input.dailyCap ? parseMoney(input.dailyCap, 'input.dailyCap') : null,
    perStreamerCap: input.perStreamerCap ? parseMoney(input.perStreamerCap, 'input.perStreamerCap') : null,
    rate: parseMoney(input.pricing.rate, 'input.pricing.rate'),
  });
  const data = {
    brandId: input.brandId.toLowerCase(),
    name: input.name.trim(),
    description: input.description.trim(),
    status: 'DRAFT' as const,
    ...scheduleData(input.schedule, 'input.schedule'),
    ...amounts,
    pricingModel: input.pricing.model,
    ...targetingData(input.targeting, 'input.targeting'),
    landingUrl: input.landingUrl ?? null,
    autoAcceptApplications: input.autoAcceptApplications ?? false,
  };
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({ data });
    await writeCampaignChanged(tx, campaign);
    return campaign;
  });
}
