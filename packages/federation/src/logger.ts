import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** One JSON logger per service; LOG_LEVEL sets the level (default info, "silent" in tests). */
export function createLogger(service: string): Logger {
  return pino({ name: service, level: process.env['LOG_LEVEL'] ?? 'info' });
}
