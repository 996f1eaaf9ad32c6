import { Connection } from '@gametriggers/federation';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanSeeCase, assertSubjectOrAdmin } from './kyc-access';
import type { Context } from '../context';
import { BrandReference } from '../subjects/brand.type';
import { StreamerReference } from '../subjects/streamer.type';
import { approveKycCase } from './approve-kyc-case';
import { KycCaseEvent } from './kyc-case-event.type';
import { ApproveKycCaseArgs, KycCasesArgs, OpenKycCaseInput, RejectKycCaseArgs } from './kyc-case.inputs';
import { KycCase } from './kyc-case.type';
import { KycSubjectType } from './kyc-enums';
import { listKycCases } from './list-kyc-cases';
import { openKycCase } from './open-kyc-case';
import { rejectKycCase } from './reject-kyc-case';
import { startKycReview } from './start-kyc-review';
import { submitKycCase } from './submit-kyc-case';
import { toKycCase, toKycCaseEvent } from './to-kyc-case';

@ObjectType()
class KycCaseConnection extends Connection(KycCase) {}

const ILLEGAL = 'Fails with BAD_USER_INPUT on `id`, naming the current status, when the case cannot move this way.';

@Resolver(() => KycCase)
export class KycCaseResolver {
  @Query(() => KycCase, {
    nullable: true,
    description: 'A KYC case by id, for its subject (the streamer or brand) and admins; null with a NOT_FOUND error otherwise.',
  })
  async kycCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<KycCase> {
    return toKycCase(assertCanSeeCase(ctx.viewer, await ctx.loaders.kycCase.load(id), id));
  }

  @Authorized('ADMIN')
  @Query(() => KycCaseConnection, { description: 'KYC cases, newest first: the review queue (admins).' })
  async kycCases(@Args(() => KycCasesArgs) args: KycCasesArgs, @Ctx() ctx: Context): Promise<KycCaseConnection> {
    const page = await listKycCases(ctx.db, args);
    return { ...page, nodes: page.nodes.map(toKycCase) };
  }

  @Mutation(() => KycCase, {
    description: 'Opens a NOT_STARTED case (its subject or an admin); CONFLICT when the subject already has one in progress.',
  })
  async openKycCase(@Arg('input', () => OpenKycCaseInput) input: OpenKycCaseInput, @Ctx() ctx: Context): Promise<KycCase> {
    assertSubjectOrAdmin(ctx.viewer, input);
    return toKycCase(await openKycCase(ctx.db, input));
  }

  @Mutation(() => KycCase, { description: `NOT_STARTED or REJECTED (attempts left) -> PENDING: its subject or an admin. ${ILLEGAL}` })
  async submitKycCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<KycCase> {
    assertCanSeeCase(ctx.viewer, await ctx.loaders.kycCase.load(id), id);
    return toKycCase(await submitKycCase(ctx.db, id));
  }

  @Authorized('ADMIN')
  @Mutation(() => KycCase, { description: `PENDING -> IN_REVIEW (admins). ${ILLEGAL}` })
  async startKycReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<KycCase> {
    return toKycCase(await startKycReview(ctx.db, id));
  }

  @Authorized('ADMIN')
  @Mutation(() => KycCase, { description: `IN_REVIEW -> APPROVED, valid for one year (admins). ${ILLEGAL}` })
  async approveKycCase(@Args(() => ApproveKycCaseArgs) args: ApproveKycCaseArgs, @Ctx() ctx: Context): Promise<KycCase> {
    return toKycCase(await approveKycCase(ctx.db, args.id, args.note));
  }

  @Authorized('ADMIN')
  @Mutation(() => KycCase, { description: `IN_REVIEW -> REJECTED with a reason (admins). ${ILLEGAL}` })
  async rejectKycCase(@Args(() => RejectKycCaseArgs) args: RejectKycCaseArgs, @Ctx() ctx: Context): Promise<KycCase> {
    return toKycCase(await rejectKycCase(ctx.db, args.id, args.reason));
  }

  @FieldResolver(() => [KycCaseEvent], { description: 'Every status change, oldest first.' })
  async events(@Root() kycCase: KycCase, @Ctx() ctx: Context): Promise<KycCaseEvent[]> {
    return (await ctx.loaders.kycCaseEvents.load(kycCase.id)).map(toKycCaseEvent);
  }

  @FieldResolver(() => StreamerReference, { nullable: true, description: 'The subject, when it is a streamer.' })
  streamer(@Root() kycCase: KycCase): StreamerReference | null {
    return kycCase.subjectType === KycSubjectType.STREAMER ? { id: kycCase.subjectId } : null;
  }

  @FieldResolver(() => BrandReference, { nullable: true, description: 'The subject, when it is a brand.' })
  brand(@Root() kycCase: KycCase): BrandReference | null {
    return kycCase.subjectType === KycSubjectType.BRAND ? { id: kycCase.subjectId } : null;
  }
}
