// An authorized return's label (PDF), saved as a file.
import { downloadFile } from './download.js';

export function downloadReturnLabel(rmaId: string): Promise<void> {
  return downloadFile(`/returns/${encodeURIComponent(rmaId)}/label.pdf`, 'application/pdf', 'return-label.pdf');
}
