// Which transaction, if any, the current async call chain is inside. Two mistakes hang SQLite
// (one connection behind a mutex) and silently break atomicity on PostgreSQL (a second pooled
// connection): opening a transaction inside another, and querying through the root handle while
// a transaction is open. Both are refused at once with an error that says what to do instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

interface OpenTransaction {
  readonly openedBy: string;
}

const scope = new AsyncLocalStorage<OpenTransaction>();

export class NestedTransactionError extends Error {
  constructor(openedBy: string, what: string) {
    super(
      `${what} inside the transaction opened by ${openedBy}: nested transactions are refused. ` +
        'Compose steps (tx, input) inside one transaction instead, and read through tx.db.',
    );
    this.name = 'NestedTransactionError';
  }
}

export function currentTransaction(): OpenTransaction | undefined {
  return scope.getStore();
}

/** Runs `work` as the body of a transaction; refuses if one is already open in this call chain. */
export function withinTransactionScope<T>(openedBy: string, work: () => Promise<T>): Promise<T> {
  const open = scope.getStore();
  if (open) return Promise.reject(new NestedTransactionError(open.openedBy, `${openedBy} tried to open a transaction`));
  return scope.run({ openedBy }, work);
}

/** Refuses when this call chain has a transaction open: `what` would run outside it. */
export function assertNoOpenTransaction(what: string): void {
  const open = scope.getStore();
  if (open) throw new NestedTransactionError(open.openedBy, what);
}

/**
 * Installed on the root database handle only (transactions run without it): a query through the
 * root handle while this call chain has a transaction open would run outside that transaction.
 */
export class OutsideTransactionGuard implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    assertNoOpenTransaction('a query ran on the root database handle');
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
