// The folder transport: a partner's inbound directory is polled for files, each set aside into
// processed/ or rejected/ once kept; our queued documents are written into its outbound directory.
// Another transport (AS2, SFTP) would replace these three functions and nothing else: documents
// are kept and answered in the database whatever carried them.
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemContext } from '../platform/actor.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';

/** Files waiting in an inbound directory, oldest first; hidden and partial (".tmp") files are not ready. */
export async function listInboundFiles(directory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: Array<{ path: string; mtimeMs: number }> = [];
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('.tmp')) continue;
    const path = join(directory, name);
    const info = await stat(path);
    if (info.isFile()) files.push({ path, mtimeMs: info.mtimeMs });
  }
  return files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path)).map((f) => f.path);
}

/** Moves a file that has been kept into processed/ or rejected/ beside it, so it is not read again. */
export async function setAsideInboundFile(
  directory: string,
  path: string,
  outcome: 'processed' | 'rejected',
): Promise<void> {
  const target = join(directory, outcome);
  await mkdir(target, { recursive: true });
  const name = path.slice(directory.length + 1);
  await rename(path, join(target, name));
}

/**
 * Writes queued outbound documents into their partners' outbound directories and marks them sent.
 * Written under a temporary name and renamed, so the partner's pickup never reads half a file.
 * A partner without an outbound directory keeps its documents queued for download from the log.
 */
export async function deliverQueuedDocuments(platform: Platform, limit = 100): Promise<number> {
  const queued = await platform.db
    .selectFrom('edi_documents')
    .innerJoin('trading_partners', 'trading_partners.id', 'edi_documents.partner_id')
    .select([
      'edi_documents.id',
      'edi_documents.file_name',
      'edi_documents.content',
      'trading_partners.outbound_directory',
    ])
    .where('edi_documents.direction', '=', 'out')
    .where('edi_documents.status', '=', 'queued')
    .where('trading_partners.outbound_directory', '!=', '')
    .orderBy('edi_documents.created_at')
    .limit(limit)
    .execute();
  let sent = 0;
  for (const document of queued) {
    const at = platform.clock.now().toISOString();
    try {
      await mkdir(document.outbound_directory, { recursive: true });
      const path = join(document.outbound_directory, document.file_name ?? `${document.id}.x12`);
      await writeFile(`${path}.tmp`, document.content, 'utf8');
      await rename(`${path}.tmp`, path);
      await runInTransaction(platform, systemContext('edi-transport'), async (tx) => {
        await tx.db
          .updateTable('edi_documents')
          .set({ status: 'sent', sent_at: tx.now, updated_at: tx.now, errors: '[]' })
          .where('id', '=', document.id)
          .where('status', '=', 'queued')
          .execute();
        tx.audit({
          entityType: 'edi_document',
          entityId: document.id,
          action: 'edi_document.sent',
          after: { path },
        });
      });
      sent += 1;
    } catch (error) {
      // Left queued and tried again on the next pass; the log shows why it has not gone.
      await platform.db
        .updateTable('edi_documents')
        .set({ errors: JSON.stringify([`not written: ${(error as Error).message}`]), updated_at: at })
        .where('id', '=', document.id)
        .execute();
    }
  }
  return sent;
}
