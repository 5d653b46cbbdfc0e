// CSV as RFC 4180, safe to open in a spreadsheet: every export writes its cells through here.

export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with a tick.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header and rows as one CSV text, CRLF line ends, ending with one. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Parameters<typeof csvCell>[0]>>) {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
