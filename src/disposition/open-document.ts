/**
 * Vendor returns and liquidation lots gather lines while they are open and are then shipped or sold
 * as a whole under If-Match. Adding a line therefore bumps the document's version — only while it
 * is still open — so that a shipment confirmed against the old version is refused instead of
 * shipping a line nobody saw, and a line racing a shipment goes onto a fresh document instead of
 * onto one that has already left.
 */
export interface OpenDocumentPort<D> {
  findOpen(): Promise<D | undefined>;
  /** Inserts a new open document; false when another transaction opened one first. */
  tryOpen(): Promise<D | undefined>;
  /** Bumps the version where the document is still open; false when it was closed meanwhile. */
  touchIfOpen(document: D): Promise<boolean>;
}

const ATTEMPTS = 5;

export async function joinOpenDocument<D>(port: OpenDocumentPort<D>): Promise<{ document: D; opened: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
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
