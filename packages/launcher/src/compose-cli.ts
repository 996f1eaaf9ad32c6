/**
 * `npm run compose`: writes each subgraph's SDL (`subgraphs/<name>/schema.graphql`, from its code),
 * composes them as supergraph.yaml lists them, and writes `router/supergraph.graphql` (what the
 * router can serve with SUPERGRAPH_PATH) and `router/schema.graphql` (the API schema clients and
 * codegen see). With --check nothing is written: it fails when any of these files is stale.
 * A composition error fails with the composition messages.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { CompositionError, composeSupergraph, loadSubgraphSources, readSupergraphConfig } from '@gametriggers/router';
import { allSubgraphs } from './subgraphs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

async function emit(file: string, content: string): Promise<void> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : undefined;
  if (current === content) return;
  if (check) stale.push(path.relative(repoRoot, file));
  else await writeFile(file, content);
}

try {
  const configPath = path.join(repoRoot, 'supergraph.yaml');
  const entries = await readSupergraphConfig(configPath);
  for (const definition of allSubgraphs) {
    const entry = entries.find((candidate) => candidate.name === definition.name);
    if (!entry) throw new Error(`supergraph.yaml does not list the ${definition.name} subgraph`);
    await emit(entry.schemaFile, `${(await definition.buildSchema()).sdl}\n`);
  }
  const sources = check
    ? await Promise.all(
        allSubgraphs.map(async (d) => ({
          name: d.name,
          url: entries.find((e) => e.name === d.name)!.routingUrl,
          sdl: `${(await d.buildSchema()).sdl}\n`,
        })),
      )
    : await loadSubgraphSources(configPath);
  const { supergraphSdl, apiSchema } = composeSupergraph(sources);
  await emit(path.join(repoRoot, 'router', 'supergraph.graphql'), supergraphSdl);
  await emit(path.join(repoRoot, 'router', 'schema.graphql'), `${printSchema(apiSchema)}\n`);
  if (stale.length) {
    console.error(`Generated schema files are stale (run npm run compose):\n${stale.map((file) => `  ${file}`).join('\n')}`);
    process.exit(1);
  }
  console.log(check ? 'schemas: subgraph SDL and supergraph are up to date' : `composed ${sources.length} subgraphs`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : `compose failed: ${(error as Error).message}`);
  process.exit(1);
}
