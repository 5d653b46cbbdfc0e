// Files from the API saved as downloads (a label, a memo's PDF, the journal's CSV, an EDI document).
// A plain link would not carry the session's bearer token, so each is fetched like any other call
// and handed to the browser; a refusal comes back as the problem it is.
import { readSession } from '../auth/session.js';
import { ApiError, problemFromResponse } from './api-error.js';
import { API_BASE } from './client.js';

/** GETs `path` (under the API base) as `accept` and saves it under the server's file name, else `fallbackName`. */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  const headers = new Headers({ Accept: `${accept}, application/problem+json` });
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { headers });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!response.ok) throw new ApiError(problemFromResponse(response.status, response.statusText, await json(response)));
  saveFile(await response.blob(), fileNameOf(response) ?? fallbackName);
}

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // not JSON: the status says enough
    return text;
  }
}

/** The name the server gives the file (`RMA-0000123-label.pdf`). */
function fileNameOf(response: Response): string | null {
  return /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
