import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toConflictRule } from '../conflict-rule/to-conflict-rule';
import type { Context } from '../context';
import { CampaignConflict, CampaignReference } from './campaign.type';

@Resolver(() => CampaignReference)
export class CampaignConflictsResolver {
  @FieldResolver(() => [CampaignConflict], {
    description:
      'The enabled rules this campaign breaks together with another campaign, by rule priority then severity; none without recorded facts. evaluateConflicts gives every violation (frequency caps, custom rules about the campaign alone) and the decision.',
  })
  async conflicts(@Root() campaign: CampaignReference, @Ctx() ctx: Context): Promise<CampaignConflict[]> {
    const evaluation = await ctx.loaders.evaluations.load(campaign.id);
    return (evaluation?.violations ?? [])
      .filter((violation) => violation.rule.type !== 'FREQUENCY_CAP' && violation.otherCampaignIds.length === 1)
      .map((violation) => ({
        rule: toConflictRule(violation.rule),
        severity: violation.severity,
        conflictingCampaign: { id: violation.otherCampaignIds[0]! },
        reason: violation.explanation,
      }));
  }
}
