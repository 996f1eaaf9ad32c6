import type { z } from 'zod';

/**
 * An event type, declared once: its name, version, the subgraph that produces it and the schema
 * of its payload. Producers cannot write, and consumers do not accept, a payload that breaks it.
 */
export interface EventContract<TSchema extends z.ZodType = z.ZodType> {
  /** `<domain>.<aggregate>.<past-tense verb>`, e.g. `campaign.campaign.changed`. */
  type: string;
  version: number;
  /** The producing subgraph: the exchange its events travel on. */
  source: string;
  description: string;
  schema: TSchema;
}

export type EventData<TContract extends EventContract> = z.infer<TContract['schema']>;

export function defineEvent<TSchema extends z.ZodType>(contract: EventContract<TSchema>): EventContract<TSchema> {
  if (!/^[a-z]+\.[a-z-]+\.[a-z-]+$/.test(contract.type)) throw new Error(`event type ${contract.type} is not <domain>.<aggregate>.<verb>`);
  return contract;
}

/**
 * What travels: CloudEvents 1.0 attributes (id, source, type, time, subject, datacontenttype)
 * plus our extensions `dataversion` and `correlationid`, and the validated payload.
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  id: string;
  /** `/subgraphs/<source>` */
  source: string;
  type: string;
  dataversion: number;
  /** The aggregate the event is about (its id); events of one subject keep their order. */
  subject: string;
  time: string;
  correlationid: string;
  datacontenttype: 'application/json';
  data: TData;
}

/** The exchange (RabbitMQ) or channel (embedded bus) of a producing subgraph. */
export const sourceOf = (envelope: Pick<EventEnvelope, 'source'>) => envelope.source.replace(/^\/subgraphs\//, '');
