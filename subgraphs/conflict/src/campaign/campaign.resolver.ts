import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toConflictRule } from '../conflict-rule/to-conflict-rule';
import type { Context } from '../context';
import { CampaignConflict, CampaignReference } from './campaign.type';

@Resolver(() => CampaignReference)
export class CampaignConflictsResolver {
  @FieldResolver(() => [CampaignConflict], {
    description:
      "The enabled rules this campaign breaks with other brands' campaigns, by rule priority then severity; none without recorded facts.",
  })
  async conflicts(@Root() campaign: CampaignReference, @Ctx() ctx: Context): Promise<CampaignConflict[]> {
    const found = await ctx.loaders.conflicts.load(campaign.id);
    return found.map((conflict) => ({
      rule: toConflictRule(conflict.rule),
      severity: conflict.rule.severity,
      conflictingCampaign: { id: conflict.conflictingCampaignId },
      reason: conflict.reason,
    }));
  }
}
