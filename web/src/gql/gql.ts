/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CampaignList($first: Int!, $after: String) {\n  campaigns(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      status\n      budget {\n        amount\n        currency\n      }\n      brand {\n        id\n        companyName\n      }\n      metrics {\n        impressions\n        clicks\n        spend {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CampaignDetail($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    description\n    status\n    budget {\n      amount\n      currency\n    }\n    brand {\n      id\n      companyName\n    }\n    metrics {\n      ...LiveMetrics\n    }\n    conflicts {\n      severity\n      reason\n    }\n    participations(first: 50) {\n      nodes {\n        id\n        status\n        streamer {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}\n\nfragment LiveMetrics on CampaignMetrics {\n  impressions\n  clicks\n  viewMinutes\n  spend {\n    amount\n    currency\n  }\n  lastUpdatedAt\n}\n\nsubscription CampaignMetricsLive($campaignId: ID!) {\n  campaignMetricsUpdated(campaignId: $campaignId) {\n    ...LiveMetrics\n  }\n}": typeof types.CampaignListDocument,
};
const documents: Documents = {
    "query CampaignList($first: Int!, $after: String) {\n  campaigns(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      status\n      budget {\n        amount\n        currency\n      }\n      brand {\n        id\n        companyName\n      }\n      metrics {\n        impressions\n        clicks\n        spend {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CampaignDetail($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    description\n    status\n    budget {\n      amount\n      currency\n    }\n    brand {\n      id\n      companyName\n    }\n    metrics {\n      ...LiveMetrics\n    }\n    conflicts {\n      severity\n      reason\n    }\n    participations(first: 50) {\n      nodes {\n        id\n        status\n        streamer {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}\n\nfragment LiveMetrics on CampaignMetrics {\n  impressions\n  clicks\n  viewMinutes\n  spend {\n    amount\n    currency\n  }\n  lastUpdatedAt\n}\n\nsubscription CampaignMetricsLive($campaignId: ID!) {\n  campaignMetricsUpdated(campaignId: $campaignId) {\n    ...LiveMetrics\n  }\n}": types.CampaignListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CampaignList($first: Int!, $after: String) {\n  campaigns(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      status\n      budget {\n        amount\n        currency\n      }\n      brand {\n        id\n        companyName\n      }\n      metrics {\n        impressions\n        clicks\n        spend {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CampaignDetail($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    description\n    status\n    budget {\n      amount\n      currency\n    }\n    brand {\n      id\n      companyName\n    }\n    metrics {\n      ...LiveMetrics\n    }\n    conflicts {\n      severity\n      reason\n    }\n    participations(first: 50) {\n      nodes {\n        id\n        status\n        streamer {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}\n\nfragment LiveMetrics on CampaignMetrics {\n  impressions\n  clicks\n  viewMinutes\n  spend {\n    amount\n    currency\n  }\n  lastUpdatedAt\n}\n\nsubscription CampaignMetricsLive($campaignId: ID!) {\n  campaignMetricsUpdated(campaignId: $campaignId) {\n    ...LiveMetrics\n  }\n}"): (typeof documents)["query CampaignList($first: Int!, $after: String) {\n  campaigns(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      status\n      budget {\n        amount\n        currency\n      }\n      brand {\n        id\n        companyName\n      }\n      metrics {\n        impressions\n        clicks\n        spend {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery CampaignDetail($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    description\n    status\n    budget {\n      amount\n      currency\n    }\n    brand {\n      id\n      companyName\n    }\n    metrics {\n      ...LiveMetrics\n    }\n    conflicts {\n      severity\n      reason\n    }\n    participations(first: 50) {\n      nodes {\n        id\n        status\n        streamer {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}\n\nfragment LiveMetrics on CampaignMetrics {\n  impressions\n  clicks\n  viewMinutes\n  spend {\n    amount\n    currency\n  }\n  lastUpdatedAt\n}\n\nsubscription CampaignMetricsLive($campaignId: ID!) {\n  campaignMetricsUpdated(campaignId: $campaignId) {\n    ...LiveMetrics\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;