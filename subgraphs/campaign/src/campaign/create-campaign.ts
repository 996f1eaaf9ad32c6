import type { Db } from '../db';
import type { CreateCampaignInput } from './campaign.inputs';
import { amountsData, parseMoney, scheduleData, targetingData } from './campaign-data';

/** Creates a DRAFT campaign with nothing spent. */
export async function createCampaign(db: Db, input: CreateCampaignInput) {
  const amounts = amountsData({
    budget: parseMoney(input.budget, 'input.budget'),
    dailyCap: input.dailyCap ? parseMoney(input.dailyCap, 'input.dailyCap') : null,
    perStreamerCap: input.perStreamerCap ? parseMoney(input.perStreamerCap, 'input.perStreamerCap') : null,
    rate: parseMoney(input.pricing.rate, 'input.pricing.rate'),
  });
  return db.campaign.create({
    data: {
      brandId: input.brandId.toLowerCase(),
      name: input.name.trim(),
      description: input.description.trim(),
      status: 'DRAFT',
      ...scheduleData(input.schedule, 'input.schedule'),
      ...amounts,
      pricingModel: input.pricing.model,
      ...targetingData(input.targeting, 'input.targeting'),
    },
  });
}
