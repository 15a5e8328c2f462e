import { storageError } from './errors.js';
import type { SqlExecutor } from './executor.js';
import type { SessionShared, TransactionOpener } from './session/types.js';

/**
 * Nested transactions of a session at `depth` (1 = directly inside BEGIN): savepoints named by
 * depth, one at a time per session.
 */
export function savepointOpener(
  shared: SessionShared,
  executor: SqlExecutor,
  depth: number,
): TransactionOpener {
  const name = `sk_sp_${depth + 1}`;
  let chain: Promise<unknown> = Promise.resolve();
  return (work) => {
    // Siblings wait for each other: two savepoints open side by side would release each other.
    const next = chain.then(async () => {
      await exec(shared, executor, `SAVEPOINT ${name}`, 'savepoint');
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await work(executor, depth + 1);
      } catch (error) {
        await exec(shared, executor, `ROLLBACK TO SAVEPOINT ${name}`, 'rollback').catch(
          () => undefined,
        );
        await exec(shared, executor, `RELEASE SAVEPOINT ${name}`, 'rollback').catch(
          () => undefined,
        );
        throw error;
      }
      await exec(shared, executor, `RELEASE SAVEPOINT ${name}`, 'savepoint');
      return result;
    });
    chain = next.catch(() => undefined);
    return next;
  };
}

/** Runs a statement without parameters, mapping failures. */
export async function exec(
  shared: SessionShared,
  executor: SqlExecutor,
  text: string,
  operation: string,
): Promise<void> {
  try {
    await executor.execute(text, []);
  } catch (error) {
    throw storageError(error, shared.dialect, { operation });
  }
}
