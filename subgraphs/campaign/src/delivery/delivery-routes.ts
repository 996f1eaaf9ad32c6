import { createHash, randomBytes } from 'node:crypto';
import type { SubgraphDependencies } from '@gametriggers/federation';
import express from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { deliveryConfig } from './delivery-config';
import { deliverySecret, readLinkToken, verifyPostbackSignature } from './delivery-tokens';
import type { LinkPurpose } from './delivery-tokens';
import { overlayHtml } from './overlay-page';
import { DeliveryRefusedError, recordDelivery } from './record-delivery';
import type { DeliveryReport, RecordedDelivery } from './record-delivery';

const SampleBody = z.object({
  sampleId: z.uuid(),
  viewers: z.number().int().min(0).max(100_000_000).optional(),
});
const PostbackBody = z.object({
  participationId: z.uuid(),
  /** The brand's own id of the conversion (order number, sign-up id): a conversion is counted once. */
  conversionId: z.string().min(1).max(200),
});

const REFUSAL_STATUS = { UNKNOWN_LINK: 404, NOT_TAKING_PART: 409, CAMPAIGN_NOT_RUNNING: 409 } as const;

type Reply = express.Response;
const problem = (res: Reply, status: number, code: string, message: string, field?: string) =>
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });

/** Records a delivery and answers with what became of it. */
async function answer(res: Reply, work: () => Promise<RecordedDelivery>, logger: SubgraphDependencies['logger']) {
  try {
    const { delivery, duplicate } = await work();
    res.status(duplicate ? 200 : 201).json({
      delivery: { id: delivery.id, status: delivery.status, costMinor: delivery.costMinor.toString(), reason: delivery.reason, duplicate },
    });
  } catch (error) {
    if (error instanceof DeliveryRefusedError) return problem(res, REFUSAL_STATUS[error.code], error.code, error.message);
    logger.error({ err: error }, 'delivery could not be recorded');
    return problem(res, 500, 'INTERNAL_SERVER_ERROR', 'The delivery could not be recorded; try again');
  }
}

/** The first problem of a zod result as (field, message). */
const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || 'body', message: issue?.message ?? 'invalid body' };
};

/**
 * The public delivery endpoints of the campaign subgraph (see delivery-tokens.ts for the links):
 *  - GET  /overlay/:token           the OBS browser source page
 *  - POST /overlay/:token/samples   a viewer sample { sampleId, viewers? } from that page
 *  - GET  /c/:token                 a tracked click: counted, then redirected to the landing page
 *  - POST /postback/:campaignId     a conversion { participationId, conversionId }, signed by the
 *                                   brand: X-GameTriggers-Signature: sha256=<HMAC of the raw body>
 * Answers are JSON `{ delivery }` (201 recorded, 200 already recorded) or `{ error: { code, message } }`.
 */
export function deliveryRoutes(app: express.Express, db: Db, deps: SubgraphDependencies): void {
  const logger = deps.logger.child({ component: 'delivery' });
  const link = async (purpose: LinkPurpose, token: string | undefined) => readLinkToken(await deliverySecret(db), purpose, token ?? '');

  app.get('/overlay/:token', async (req, res) => {
    const named = await link('overlay', req.params.token);
    const participation =
      named && (await db.participation.findUnique({ where: { id: named.participationId }, include: { campaign: true } }));
    if (!named || !participation || participation.overlayGeneration !== named.generation) {
      return res.status(404).type('text/plain').send('This overlay link is not valid (it may have been replaced).');
    }
    const nonce = randomBytes(16).toString('base64');
    // The campaign's newest ready creative: an image (its overlay rendition) or a short video (as uploaded).
    const creative = await db.campaignAsset.findFirst({
      where: { campaignId: participation.campaignId, status: 'READY' },
      orderBy: { id: 'desc' },
    });
    const overlayKey = ((creative?.renditions ?? []) as { name: string; key: string }[]).find(
      (rendition) => rendition.name === 'overlay',
    )?.key;
    const videoKey = creative?.kind === 'VIDEO' ? creative.storageKey : null;
    res
      .set(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self'; media-src 'self'; connect-src 'self'`,
      )
      .set('Cache-Control', 'no-store')
      .set('Referrer-Policy', 'no-referrer')
      .type('html')
      .send(
        overlayHtml({
          campaignName: participation.campaign.name,
          description: participation.campaign.description,
          imageUrl: overlayKey ? `/assets/${overlayKey}` : undefined,
          videoUrl: videoKey ? `/assets/${videoKey}` : undefined,
          samplesUrl: `./${encodeURIComponent(req.params.token)}/samples`,
          nonce,
        }),
      );
  });

  app.post('/overlay/:token/samples', express.json({ limit: '4kb' }), async (req, res) => {
    const named = await link('overlay', req.params.token);
    if (!named) return problem(res, 404, 'UNKNOWN_LINK', 'No such overlay');
    const body = SampleBody.safeParse(req.body);
    if (!body.success) {
      const { field, message } = firstIssue(body.error);
      return problem(res, 400, 'BAD_USER_INPUT', message, field);
    }
    const report: DeliveryReport = {
      participationId: named.participationId,
      generation: named.generation,
      kind: 'VIEWER_SAMPLE',
      dedupKey: body.data.sampleId,
      quantity: BigInt(body.data.viewers ?? 0),
    };
    await answer(res, () => recordDelivery(db, report), logger);
  });

  app.get('/c/:token', async (req, res) => {
    const named = await link('click', req.params.token);
    const participation =
      named && (await db.participation.findUnique({ where: { id: named.participationId }, include: { campaign: true } }));
    const landingUrl = participation?.campaign.landingUrl;
    if (!named || !participation || participation.overlayGeneration !== named.generation || !landingUrl) {
      return res.status(404).type('text/plain').send('This link is not valid (it may have been replaced).');
    }
    // One click per visitor (address and browser) and minute; the visitor is redirected either way.
    const minute = Math.floor(Date.now() / 60_000);
    const visitor = createHash('sha256')
      .update(`${req.ip}|${req.get('user-agent') ?? ''}|${minute}`)
      .digest('hex')
      .slice(0, 32);
    try {
      await recordDelivery(db, {
        participationId: named.participationId,
        generation: named.generation,
        kind: 'CLICK',
        dedupKey: visitor,
        quantity: 1n,
      });
    } catch (error) {
      if (!(error instanceof DeliveryRefusedError)) logger.error({ err: error }, 'click could not be recorded');
    }
    const target = new URL(landingUrl);
    target.searchParams.set('utm_source', 'gametriggers');
    target.searchParams.set('utm_campaign', participation.campaignId);
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').redirect(302, target.toString());
  });

  app.post('/postback/:campaignId', express.raw({ type: () => true, limit: '16kb' }), async (req, res) => {
    const campaignId = req.params.campaignId;
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!z.uuid().safeParse(campaignId).success) return problem(res, 404, 'UNKNOWN_LINK', 'No such campaign');
    if (!verifyPostbackSignature(await deliverySecret(db), campaignId, raw, req.get('x-gametriggers-signature'))) {
      return problem(res, 401, 'UNAUTHENTICATED', 'The signature is missing or wrong: sign the raw body with the campaign postback secret');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return problem(res, 400, 'BAD_USER_INPUT', 'The body is not JSON', 'body');
    }
    const body = PostbackBody.safeParse(json);
    if (!body.success) {
      const { field, message } = firstIssue(body.error);
      return problem(res, 400, 'BAD_USER_INPUT', message, field);
    }
    const participation = await db.participation.findUnique({ where: { id: body.data.participationId }, select: { campaignId: true } });
    if (participation?.campaignId !== campaignId)
      return problem(res, 404, 'UNKNOWN_LINK', 'No such participation in this campaign', 'participationId');
    await answer(
      res,
      () =>
        recordDelivery(db, {
          participationId: body.data.participationId,
          kind: 'CONVERSION',
          dedupKey: body.data.conversionId,
          quantity: 1n,
        }),
      logger,
    );
  });
}

const HOST = /^[a-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9a-f:.]+\](:[0-9]{1,5})?$/i;

/**
 * The public origin of the delivery links: PUBLIC_DELIVERY_URL; else where the client reached the
 * router (x-forwarded-host/-proto, which the router sets on GraphQL requests, the only ones that
 * get here, and which serves these paths itself); else the address the request came to.
 */
export function deliveryOrigin(request: express.Request | undefined): string {
  const configured = deliveryConfig().PUBLIC_DELIVERY_URL;
  if (configured) return configured.replace(/\/+$/, '');
  if (!request) return '';
  const forwardedHost = request.get('x-forwarded-host');
  const forwardedProto = request.get('x-forwarded-proto');
  if (forwardedHost && HOST.test(forwardedHost)) return `${forwardedProto === 'https' ? 'https' : 'http'}://${forwardedHost}`;
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
