/**
 * Documents that gather lines while they are open and are then closed as a whole — vendor returns
 * and liquidation lots (shipped or sold under If-Match), a return's draft credit memo (approved or
 * voided). Adding a line first touches the open document with a conditional UPDATE — only while it
 * is still open — which holds it until commit: a close confirmed against an older read is refused
 * instead of closing over a line nobody saw, and a line racing a close goes onto a fresh document
 * instead of onto one that has already left.
 */
export interface OpenDocumentPort<D> {
  findOpen(): Promise<D | undefined>;
  /** Inserts a new open document; false when another transaction opened one first. */
  tryOpen(): Promise<D | undefined>;
  /** Touches (and so holds) the document where it is still open; false when it was closed meanwhile. */
  touchIfOpen(document: D): Promise<boolean>;
}

export async function joinOpenDocument<D>(
  port: OpenDocumentPort<D>,
  attempts = 5,
): Promise<{ document: D; opened: boolean }> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const open = await port.findOpen();
    if (open) {
      if (await port.touchIfOpen(open)) return { document: open, opened: false };
      continue;
    }
    const opened = await port.tryOpen();
    if (opened) return { document: opened, opened: true };
  }
  // Only reachable if documents are opened and closed faster than one line can be added.
  throw new Error('could not find or open a document to add the line to');
}
