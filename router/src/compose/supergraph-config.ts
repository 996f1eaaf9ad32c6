import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { SubgraphSource } from './compose';

const configSchema = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string(),
    z.object({
      routing_url: z.string().url(),
      schema: z.object({ file: z.string() }),
    }),
  ),
});

export interface SupergraphConfigEntry {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's SDL file. */
  schemaFile: string;
}

/** Reads supergraph.yaml (rover's format): each subgraph's name, routing URL and SDL file. */
export async function readSupergraphConfig(configPath: string): Promise<SupergraphConfigEntry[]> {
  const parsed = configSchema.safeParse(parseYaml(await readFile(configPath, 'utf8')));
  if (!parsed.success) throw new Error(`${configPath} is not a valid supergraph config: ${parsed.error.message}`);
  const base = path.dirname(configPath);
  return Object.entries(parsed.data.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    schemaFile: path.resolve(base, entry.schema.file),
  }));
}

/**
 * The subgraphs of supergraph.yaml with their SDL files, routed to `overrides[name]` when given
 * (e.g. SUBGRAPH_BRAND_URL), else to the file's routing URL.
 */
export async function loadSubgraphSources(configPath: string, overrides: Record<string, string> = {}): Promise<SubgraphSource[]> {
  const entries = await readSupergraphConfig(configPath);
  return Promise.all(
    entries.map(async (entry) => ({
      name: entry.name,
      url: overrides[entry.name] ?? entry.routingUrl,
      sdl: await readFile(entry.schemaFile, 'utf8'),
    })),
  );
}
