import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Request, Response } from 'express';

const DEFAULT_QUERY = `# Welcome to the GameTriggers graph.
query Campaigns {
  campaigns(first: 5) {
    nodes {
      name
      status
      budget { amount currency }
      brand { companyName }
      metrics { impressions clicks spend { amount currency } }
    }
  }
}
`;

let page: { html: string; gzip: Buffer } | undefined;

/**
 * GraphiQL with every asset inlined (the page is self-contained: it works offline), subscriptions
 * over graphql-ws on the same endpoint. Rendered and gzipped once per process.
 */
function renderedPage() {
  if (!page) {
    const html = renderGraphiQL({
      title: 'GameTriggers GraphiQL',
      endpoint: '/graphql',
      subscriptionsProtocol: 'WS',
      defaultQuery: DEFAULT_QUERY,
    });
    page = { html, gzip: gzipSync(html) };
  }
  return page;
}

/** Whether a GET to /graphql comes from a browser wanting the IDE rather than an operation. */
export function wantsGraphiQL(req: Request): boolean {
  return req.method === 'GET' && !req.query['query'] && (req.headers.accept ?? '').includes('text/html');
}

export function sendGraphiQL(req: Request, res: Response): void {
  const { html, gzip } = renderedPage();
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  if ((req.headers['accept-encoding'] ?? '').includes('gzip')) {
    res.setHeader('content-encoding', 'gzip');
    res.end(gzip);
  } else {
    res.end(html);
  }
}
