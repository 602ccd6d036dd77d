import { PrismaPg } from '@prisma/adapter-pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** How long a query may wait for a pooled connection before it fails (instead of waiting for ever). */
export const POOL_WAIT_MS = 15_000;

/**
 * Prisma's PostgreSQL driver adapter, with transactions that always give their connection back.
 *
 * Prisma 6.19's transaction manager ends an interactive transaction by sending COMMIT (or
 * ROLLBACK) and only then calling the adapter's `commit()` (or `rollback()`), which releases the
 * pg connection. When that COMMIT fails (PostgreSQL restarted, the backend was killed) the release
 * never happens: the connection stays checked out of the pool for good. Under load a PostgreSQL
 * restart leaks the whole pool, and from then on every query of the process waits for ever.
 * Here a failed COMMIT or ROLLBACK releases the connection itself (the pool drops a dead one and
 * reuses a live one: a failed COMMIT has ended the transaction), and a query that cannot get a
 * connection within POOL_WAIT_MS fails with an error instead of hanging.
 * `prisma/test/database.test.ts` kills the backend of open transactions to check both paths.
 */
export function postgresAdapter(url: string, poolSize = 10): PrismaPg {
  const factory = new PrismaPg({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: POOL_WAIT_MS,
  });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => releasingTransactions(await connect());
  factory.connectToShadowDb = async () => releasingTransactions(await connectToShadowDb());
  return factory;
}

function releasingTransactions(adapter: Adapter): Adapter {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => releaseOnFailedEnd(await start(isolationLevel));
  return adapter;
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

function releaseOnFailedEnd(tx: Transaction): Transaction {
  let released = false;
  const once = (release: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await release();
  };
  const commit = once(tx.commit.bind(tx));
  const rollback = once(tx.rollback.bind(tx));
  const executeRaw = tx.executeRaw.bind(tx);
  tx.commit = commit;
  tx.rollback = rollback;
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // Prisma will not call commit()/rollback() after this: give the connection back now.
      if (ENDS_TRANSACTION.test(query.sql)) await rollback().catch(() => undefined);
      throw error;
    }
  };
  return tx;
}
