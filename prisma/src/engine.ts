import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as runtime from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

let instantiated: Promise<void> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly: migrations without the native binary,
 * which cannot be downloaded on our machines. Node 20 cannot import a .wasm module, so it is
 * instantiated by hand (see shared/STACK.md).
 */
async function instantiate(): Promise<void> {
  const dir = path.dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm'));
  const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './schema_engine_bg.js': runtime as never });
  runtime.__wbg_set_wasm(wasm.exports);
  (wasm.exports as { __wbindgen_start: () => void }).__wbindgen_start();
}

/**
 * adapter-pg's executeScript splits a migration on every ";", which breaks trigger and function
 * bodies. PostgreSQL's simple query protocol runs a whole multi-statement script as sent, so the
 * migrator's connections send it whole.
 */
function wholeScriptAdapter(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError: (error: unknown) => never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

/**
 * Runs `work` with a schema engine bound to its own single-connection pool. The engine takes a
 * session advisory lock it never releases, so the pool is closed afterwards to free it.
 */
export async function withSchemaEngine<T>(connectionString: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  instantiated ??= instantiate();
  await instantiated;
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    const factory = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg(pool), pool) as never);
    const engine = await runtime.SchemaEngine.new({ datamodels: undefined } as never, () => {}, factory);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}
