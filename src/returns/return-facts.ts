// The port through which later stages tell returns what happened to the goods. Returns does not
// import them (they build on returns); the composition root hands returns one loader that asks
// every stage for its facts about a set of returns (see src/workflows/return-facts.ts).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { mergeLineFacts, NO_FACTS, type LineFacts } from './domain/return-progress.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** One stage's facts about the lines of these returns: a part of LineFacts per RMA line id. */
export type ReturnFactsSource = (
  db: Reader,
  rmaIds: readonly string[],
) => Promise<ReadonlyArray<{ rmaLineId: string } & Partial<LineFacts>>>;

/** Every stage's facts about the lines of these returns, merged, by RMA line id. */
export type LoadReturnFacts = (db: Reader, rmaIds: readonly string[]) => Promise<ReadonlyMap<string, LineFacts>>;

export function combineFactSources(sources: readonly ReturnFactsSource[]): LoadReturnFacts {
  return async (db, rmaIds) => {
    if (rmaIds.length === 0) return new Map();
    // Sequential: inside a transaction the queries share one connection anyway.
    const partsByLine = new Map<string, Array<Partial<LineFacts>>>();
    for (const source of sources) {
      for (const { rmaLineId, ...part } of await source(db, rmaIds)) {
        const parts = partsByLine.get(rmaLineId) ?? [];
        parts.push(part);
        partsByLine.set(rmaLineId, parts);
      }
    }
    return new Map([...partsByLine].map(([lineId, parts]) => [lineId, mergeLineFacts(parts)]));
  };
}

export function factsOfLine(facts: ReadonlyMap<string, LineFacts>, rmaLineId: string): LineFacts {
  return facts.get(rmaLineId) ?? NO_FACTS;
}
