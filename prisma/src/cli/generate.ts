/**
 * Generates each subgraph's Prisma client (`subgraphs/<name>/src/generated/prisma`).
 * Skips a schema whose client was generated from the same text, so later starts stay fast.
 * `prisma generate` downloads the schema-engine binary first though it never uses it; pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any file skips that (see shared/STACK.md).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, subgraphNames } from '../workspace';

const run = promisify(execFile);
const prismaBin = path.join(repoRoot, 'node_modules', '.bin', 'prisma');

async function generate(name: string): Promise<string> {
  const schemaPath = path.join(repoRoot, 'subgraphs', name, 'prisma', 'schema.prisma');
  const outDir = path.join(repoRoot, 'subgraphs', name, 'src', 'generated', 'prisma');
  const stampPath = path.join(outDir, '.schema-hash');
  const hash = createHash('sha256')
    .update(await readFile(schemaPath))
    .update(await readFile(prismaBin))
    .digest('hex');
  if (existsSync(stampPath) && (await readFile(stampPath, 'utf8')) === hash) return `${name}: up to date`;
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  if (!env['PRISMA_SCHEMA_ENGINE_BINARY']) env['PRISMA_SCHEMA_ENGINE_BINARY'] = '/bin/true';
  await run(prismaBin, ['generate', '--schema', schemaPath], { env, cwd: path.dirname(schemaPath) });
  await writeFile(stampPath, hash);
  return `${name}: generated`;
}

const names = await subgraphNames();
// Two at a time: our machines have two cores.
for (let i = 0; i < names.length; i += 2) {
  for (const line of await Promise.all(names.slice(i, i + 2).map(generate))) console.log(`prisma client ${line}`);
}
