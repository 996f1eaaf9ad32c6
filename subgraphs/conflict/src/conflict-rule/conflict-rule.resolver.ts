import { NotFoundError, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, Authorized, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection } from '@gametriggers/federation';
import type { Context } from '../context';
import { ConflictRulesArgs, CreateConflictRuleInput, UpdateConflictRuleInput } from './conflict-rule.inputs';
import { ConflictRule } from './conflict-rule.type';
import { createConflictRule } from './create-conflict-rule';
import { deleteConflictRule } from './delete-conflict-rule';
import { setConflictRuleEnabled } from './set-conflict-rule-enabled';
import { toConflictRule } from './to-conflict-rule';
import { updateConflictRule } from './update-conflict-rule';

@ObjectType()
class ConflictRuleConnection extends Connection(ConflictRule) {}

/** Rules are managed by admins only; a rule is seen by others only as the one a violation names. */
@Resolver(() => ConflictRule)
export class ConflictRuleResolver {
  @Authorized('ADMIN')
  @Query(() => ConflictRule, { nullable: true, description: 'A rule by id; null with a NOT_FOUND error when there is none.' })
  async conflictRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConflictRule> {
    const row = await ctx.loaders.conflictRule.load(id);
    if (!row) throw new NotFoundError('ConflictRule', id);
    return toConflictRule(row);
  }

  @Authorized('ADMIN')
  @Query(() => ConflictRuleConnection, { description: 'Rules, newest first.' })
  async conflictRules(@Args(() => ConflictRulesArgs) args: ConflictRulesArgs, @Ctx() ctx: Context): Promise<ConflictRuleConnection> {
    const where = { ...(args.type ? { type: args.type } : {}), ...(args.enabled != null ? { enabled: args.enabled } : {}) };
    const page = await paginate(args, (window) => ctx.db.conflictRule.findMany({ ...pageQuery(window), where }));
    return { ...page, nodes: page.nodes.map(toConflictRule) };
  }

  @Authorized('ADMIN')
  @Mutation(() => ConflictRule)
  async createConflictRule(
    @Arg('input', () => CreateConflictRuleInput) input: CreateConflictRuleInput,
    @Ctx() ctx: Context,
  ): Promise<ConflictRule> {
    return toConflictRule(await createConflictRule(ctx.db, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ConflictRule)
  async updateConflictRule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateConflictRuleInput) input: UpdateConflictRuleInput,
    @Ctx() ctx: Context,
  ): Promise<ConflictRule> {
    return toConflictRule(await updateConflictRule(ctx.db, id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ConflictRule, { description: 'Turns a rule on or off without losing it.' })
  async setConflictRuleEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<ConflictRule> {
    return toConflictRule(await setConflictRuleEnabled(ctx.db, id, enabled));
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes a rule for good; returns its id.' })
  async deleteConflictRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return deleteConflictRule(ctx.db, id);
  }
}
