// The demo's credit memos: dispositions drafted them as they happened; finance has approved and
// issued most (each numbered and posted to the ledger through the real workflow; the oldest
// third since applied to the customers' invoices), and left the
// newest few in the queue — some still drafts, some approved and waiting to be issued — so the
// screens have work on them.
import { approveCreditMemo, listCreditMemos } from '../settlement/index.js';
import { applyCreditMemo, issueCreditMemo } from '../workflows/index.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { DemoActors } from './demo-users.js';
import { context } from './plan-returns.js';

/** Drafts left for the queue, and approved memos left to issue. */
const LEFT_AS_DRAFTS = 6;
const LEFT_APPROVED = 3;

export interface DemoCredits {
  issued: number;
  /** Of those issued, applied to the customer's invoices since. */
  applied: number;
  approved: number;
  drafts: number;
  refused: string[];
}

export async function settleDemoCredits(platform: Platform, actors: DemoActors): Promise<DemoCredits> {
  const finance = context(actors.finance);
  const drafts = [];
  for (let page = 1; ; page += 1) {
    const found = await listCreditMemos(platform.db, finance, { status: 'draft', page, pageSize: 200 });
    drafts.push(...found.items);
    if (found.items.length < 200) break;
  }
  // Oldest first; the newest stay in the queue.
  drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const toApprove = drafts.slice(0, Math.max(drafts.length - LEFT_AS_DRAFTS, 0));
  const result: DemoCredits = {
    issued: 0,
    applied: 0,
    approved: 0,
    drafts: drafts.length - toApprove.length,
    refused: [],
  };
  for (const [index, memo] of toApprove.entries()) {
    try {
      await approveCreditMemo(platform, finance, memo.id, memo.version);
      if (index >= toApprove.length - LEFT_APPROVED) {
        result.approved += 1;
        continue;
      }
      await issueCreditMemo(platform, finance, memo.id, memo.version + 1);
      result.issued += 1;
      // The oldest third have since been used against the customer's invoices.
      if (index < toApprove.length / 3) {
        await applyCreditMemo(platform, finance, memo.id, memo.version + 2);
        result.applied += 1;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.refused.push(`credit memo for ${memo.rmaNumber}: ${error.message}`);
    }
  }
  return result;
}
