// Case folding for search, the same on both databases. PostgreSQL's lower() (UTF-8 locale) folds
// every letter; SQLite's built-in lower() folds only ASCII, so "ÄNDERUNG" would not find itself.
// SQLite gets this function as its lower() (database.ts), and search patterns are folded with it.
// Letter by letter, without context rules, as PostgreSQL's lower() does: a Greek capital sigma is
// σ wherever it stands, and the Turkish dotted capital İ folds to a plain i.
export function foldCase(text: string): string {
  let folded = '';
  for (const char of text) folded += char === 'İ' ? 'i' : char.toLowerCase();
  return folded;
}
