import { JWKS_PATH } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { assertOwner, buildFederatedSchema, viewerOf } from '@gametriggers/federation';
import type { SubgraphDefinition } from '@gametriggers/federation';
import type express from 'express';
import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { TestKeys } from './test-keys';

interface StubContext {
  viewer?: Viewer;
  request?: express.Request;
}

@ObjectType()
class SeenViewer {
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => String, { nullable: true }) sessionId!: string | null;
  @Field(() => [String]) scopes!: string[];
}

@ObjectType()
class SeenRequest {
  @Field(() => SeenViewer) viewer!: SeenViewer;
  @Field(() => String, { nullable: true }) forwardedFor!: string | null;
  @Field(() => Boolean) authorizationForwarded!: boolean;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
}

/** The same shape as the real campaignMetrics, so the router's subscription route applies. */
@ObjectType()
class LiveMetrics {
  @Field(() => ID) campaignId!: string;
  @Field(() => SeenViewer) seenBy!: SeenViewer;
  @Authorized('BRAND')
  @Field(() => String, { nullable: true, description: 'Only brands may see it.' })
  brandSecret!: string;
}

/** Declared for composition only; the router serves it (see analytics' campaign-metrics.subscription.ts). */
@ObjectType('Subscription')
class StubSubscription {
  @Field(() => LiveMetrics)
  campaignMetricsUpdated(@Arg('campaignId', () => ID) _campaignId: string): LiveMetrics {
    throw new Error('served by the router');
  }
}

const seen = (viewer: Viewer): SeenViewer => ({
  kind: viewer.kind,
  accountId: viewer.accountId ?? null,
  entityId: viewer.entityId ?? null,
  sessionId: viewer.sessionId ?? null,
  scopes: viewer.scopes,
});

@Resolver()
class StubResolver {
  @Query(() => SeenRequest, { description: 'Public: what the subgraph was told about the request.' })
  whoami(@Ctx() context: StubContext): SeenRequest {
    return {
      viewer: seen(viewerOf(context)),
      forwardedFor: context.request?.header('x-forwarded-for') ?? null,
      authorizationForwarded: context.request?.header('authorization') !== undefined,
      userAgent: context.request?.header('user-agent') ?? null,
    };
  }

  @Authorized()
  @Query(() => String, { nullable: true })
  signedIn(): string {
    return 'signed in';
  }

  @Authorized('BRAND')
  @Query(() => String, { nullable: true })
  brandOnly(): string {
    return 'brand';
  }

  @Authorized('STREAMER', 'ADMIN')
  @Query(() => String, { nullable: true })
  streamerOrAdmin(): string {
    return 'streamer or admin';
  }

  @Authorized('scope:wallet:read')
  @Query(() => String, { nullable: true })
  walletRead(): string {
    return 'wallet read';
  }

  @Authorized('BRAND', 'scope:wallet:write')
  @Query(() => String, { nullable: true })
  brandWalletWrite(): string {
    return 'brand wallet write';
  }

  @Authorized('BRNAD')
  @Query(() => String, { nullable: true, description: 'A misspelt role: a programming error, never a grant.' })
  misspelt(): string {
    return 'should never be returned';
  }

  @Query(() => String, { nullable: true, description: "A brand's own record: its account or an admin." })
  brandProfile(@Arg('brandId', () => ID) brandId: string, @Ctx() context: StubContext): string {
    assertOwner(context.viewer, { brandId });
    return `profile of ${brandId}`;
  }

  @Query(() => LiveMetrics)
  campaignMetrics(@Arg('campaignId', () => ID) campaignId: string, @Ctx() context: StubContext): LiveMetrics {
    return { campaignId, seenBy: seen(viewerOf(context)), brandSecret: 'for brands' };
  }
}

/** A subgraph named identity (so the router takes its JWKS from it) that shows what it is told. */
export function viewerSubgraph(
  keys: TestKeys,
): SubgraphDefinition<
  { $queryRawUnsafe: () => Promise<unknown>; $executeRawUnsafe: () => Promise<number>; $disconnect: () => Promise<void> },
  StubContext
> {
  return {
    name: 'identity',
    defaultPort: 0,
    migrationsDir: '/nonexistent',
    // No database: the admin audit has nowhere to write (and nothing to record here).
    createDatabaseClient: () => ({ $queryRawUnsafe: async () => [], $executeRawUnsafe: async () => 0, $disconnect: async () => {} }),
    buildSchema: () => buildFederatedSchema({ resolvers: [StubResolver], orphanedTypes: [StubSubscription] }),
    createContext: (_db, _deps, request) => (request ? { request } : {}),
    routes: (app) => {
      app.get(JWKS_PATH, (_req, res) => {
        res.json(keys.document());
      });
    },
  };
}
