import pg from 'pg';

/**
 * Runs `start` while a row is locked by another transaction, and lets go once `waiters` sessions
 * are blocked on it (or after a timeout). Concurrent requests then all read the row before any of
 * them can write it: the race a conditional update must win, made certain instead of likely.
 */
export async function whileRowLocked<T>(
  databaseUrl: string,
  table: 'Campaign' | 'Participation',
  id: string,
  waiters: number,
  start: () => Promise<T>,
): Promise<T> {
  const locker = new pg.Client({ connectionString: databaseUrl });
  // A second session to watch: pg_stat_activity is a snapshot that stays fixed inside a transaction.
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([locker.connect(), watcher.connect()]);
  try {
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
    const running = start();
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const { rows } = await watcher.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((rows[0]?.waiting ?? 0) >= waiters) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await locker.query('COMMIT');
    return await running;
  } finally {
    await Promise.all([locker.end(), watcher.end()]);
  }
}
