import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Subgraphs that own a Prisma schema, in name order. */
export async function subgraphNames(): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, 'subgraphs'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(repoRoot, 'subgraphs', entry.name, 'prisma', 'schema.prisma')))
    .map((entry) => entry.name)
    .sort();
}
