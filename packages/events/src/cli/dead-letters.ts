/**
 * Dead letters of a consuming subgraph, and their replay after a fix:
 *   npm run events:dead-letters -- <consumer>                 lists them with their reasons
 *   npm run events:dead-letters -- <consumer> --replay [ids…] puts them (or those ids) back on its queue
 * The transport is the one the subgraphs use: AMQP_URL, else EVENT_BUS_URL (the PostgreSQL bus,
 * default postgresql://postgres@127.0.0.1:5432/gametriggers_bus).
 */
import { pino } from 'pino';
import { createEventTransport } from '../index';

const [consumer, flag, ...ids] = process.argv.slice(2);
if (!consumer || (flag !== undefined && flag !== '--replay')) {
  console.error('usage: npm run events:dead-letters -- <consumer> [--replay [event ids…]]');
  process.exit(2);
}
const url = process.env['AMQP_URL'] || process.env['EVENT_BUS_URL'] || 'postgresql://postgres@127.0.0.1:5432/gametriggers_bus';
try {
  const transport = await createEventTransport(url, pino({ level: 'warn' }));
  if (flag === '--replay') {
    console.log(`replayed ${await transport.replayDeadLetters(consumer, ids.length ? ids : undefined)} event(s) to ${consumer}`);
  } else {
    const dead = await transport.deadLetters(consumer);
    for (const letter of dead) console.log(`${letter.eventId}  ${letter.type}  attempts=${letter.attempts}  ${letter.reason}`);
    console.log(`${dead.length} dead letter(s) for ${consumer}`);
  }
  await transport.close();
  process.exit(0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
