/**
 * Creates an admin account:
 *   npm run identity:create-admin -- --email ops@example.com
 * The password comes from ADMIN_PASSWORD, or is asked for (twice, not echoed) on a terminal.
 * Database: DATABASE_URL (see cli-database.ts). Exits 0 created, 1 refused, 2 usage.
 */
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createAdmin } from '../admin/create-admin';
import { cliDatabase } from './cli-database';

async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = rl.question(prompt);
  muted = true;
  try {
    return await answer;
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function password(): Promise<string> {
  const fromEnv = process.env['ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error('set ADMIN_PASSWORD, or run on a terminal to be asked for the password');
  const first = await askPassword('Password: ');
  if ((await askPassword('Again: ')) !== first) throw new Error('the passwords differ');
  return first;
}

let email: string | undefined;
try {
  ({ email } = parseArgs({ options: { email: { type: 'string' } } }).values);
} catch {
  email = undefined;
}
if (!email) {
  console.error('usage: npm run identity:create-admin -- --email <email>   (password from ADMIN_PASSWORD or asked for)');
  process.exit(2);
}
const { db, url } = cliDatabase();
try {
  const admin = await createAdmin(db, { email, password: await password() });
  console.log(`created admin ${admin.email} (${admin.id}) in ${url}`);
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`not created: ${(error as Error).message}`);
  await db.$disconnect();
  process.exit(1);
}
