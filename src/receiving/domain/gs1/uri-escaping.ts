// Percent-encoding as GS1 Digital Link uses it (RFC 3986 unreserved characters pass as they are).

/** Decode %XX; in a query "+" is a space. Malformed escapes are left as written. */
export function uriUnescape(text: string, isQuery: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out += isQuery && ch === '+' ? ' ' : ch;
    }
  }
  return out;
}

/** Encode all but unreserved characters; in a query a space becomes "+". */
export function uriEscape(text: string, isQuery: boolean): string {
  let out = '';
  for (const ch of text) {
    if (/[A-Za-z0-9\-._~]/.test(ch)) out += ch;
    else if (isQuery && ch === ' ') out += '+';
    else out += '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
