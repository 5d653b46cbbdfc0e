// The EDI job: read what partners dropped in their inbound folders, give the final answer on
// returns that were pending, send the 812s due, and write what is queued to the outbound folders.
// Runs under a lease (platform/jobs), so one process does it at a time.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { systemContext } from '../../platform/actor.js';
import type { Platform } from '../../platform/unit-of-work.js';
import {
  deliverQueuedDocuments,
  exchanges,
  findStalledInboundDocuments,
  listInboundFiles,
  listTradingPartners,
  setAsideInboundFile,
} from '../../edi/index.js';
import { receiveInterchange } from './receive-interchange.js';
import { answerDecidedReturns, sendDueAdjustments } from './send-documents.js';

export type EdiPass = { received: number; answered: number; adjustments: number; written: number };

export async function runEdiExchange(platform: Platform): Promise<EdiPass> {
  const ctx = systemContext('edi-job');
  let received = 0;
  for (const partner of await listTradingPartners(platform, ctx)) {
    if (!partner.inboundDirectory || !exchanges(partner, '180_in')) continue;
    for (const path of await listInboundFiles(partner.inboundDirectory)) {
      const content = await readFile(path, 'utf8');
      const { document } = await receiveInterchange(platform, ctx, {
        content,
        fileName: basename(path),
        partnerId: partner.id,
      });
      await setAsideInboundFile(
        partner.inboundDirectory,
        path,
        document.status === 'rejected' ? 'rejected' : 'processed',
      );
      received += 1;
    }
  }
  // Files kept but left half-worked by a process that died: worked through from where they stopped.
  for (const stalled of await findStalledInboundDocuments(platform.db, platform.clock.now())) {
    await receiveInterchange(platform, ctx, {
      content: stalled.content,
      fileName: stalled.file_name,
      ...(stalled.partner_id && { partnerId: stalled.partner_id }),
    });
    received += 1;
  }
  const answered = await answerDecidedReturns(platform);
  const adjustments = (await sendDueAdjustments(platform)).length;
  const written = await deliverQueuedDocuments(platform);
  return { received, answered, adjustments, written };
}
