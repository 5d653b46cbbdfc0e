// What changed between two versions of a configuration document, in sentences a person reads:
// "Return window gold · Power Tools: 60 → 45 days" rather than two JSON blobs side by side.
// Lists of entries with a `code` are matched by code (a relabelled reason code is a change, not a
// removal and an addition); other lists by position. Paths are shown in words.

export interface ConfigChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  before?: string;
  after?: string;
}

export function describeConfigChanges(before: unknown, after: unknown): ConfigChange[] {
  const changes: ConfigChange[] = [];
  compare(before, after, [], changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string[], changes: ConfigChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (Array.isArray(before) && Array.isArray(after)) return compareLists(before, after, path, changes);
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      compare(before[key], after[key], [...path, key], changes);
    return;
  }
  if (before === undefined) changes.push({ kind: 'added', path: words(path), after: show(after) });
  else if (after === undefined) changes.push({ kind: 'removed', path: words(path), before: show(before) });
  else changes.push({ kind: 'changed', path: words(path), before: show(before), after: show(after) });
}

function compareLists(before: unknown[], after: unknown[], path: string[], changes: ConfigChange[]): void {
  const keyOf = (item: unknown, index: number) =>
    isObject(item) && typeof item.code === 'string' ? item.code : isObject(item) ? entryName(item) : String(index);
  const isKeyed = [...before, ...after].every((item) => isObject(item));
  if (!isKeyed) {
    // Lists of plain values (tiers, return types): what joined and what left.
    const added = after.filter((v) => !before.some((b) => JSON.stringify(b) === JSON.stringify(v)));
    const removed = before.filter((v) => !after.some((a) => JSON.stringify(a) === JSON.stringify(v)));
    for (const value of added) changes.push({ kind: 'added', path: words(path), after: show(value) });
    for (const value of removed) changes.push({ kind: 'removed', path: words(path), before: show(value) });
    return;
  }
  const beforeByKey = new Map(before.map((item, i) => [keyOf(item, i), item]));
  const afterByKey = new Map(after.map((item, i) => [keyOf(item, i), item]));
  for (const [key, item] of afterByKey) {
    if (!beforeByKey.has(key)) changes.push({ kind: 'added', path: words([...path, key]), after: show(item) });
    else compare(beforeByKey.get(key), item, [...path, key], changes);
  }
  for (const [key, item] of beforeByKey)
    if (!afterByKey.has(key)) changes.push({ kind: 'removed', path: words([...path, key]), before: show(item) });
}

/** An entry without a code is named by its text fields (a return window: its tier and category). */
function entryName(item: Record<string, unknown>): string {
  return Object.entries(item)
    .filter(([, value]) => typeof value === 'string')
    .map(([, value]) => (value === '*' ? 'any' : String(value)))
    .join(' · ');
}

/** Field names (camelCase) in words; codes and entry names as they are. */
function words(path: string[]): string {
  return path
    .map((part) => (/^[a-z][A-Za-z]*$/.test(part) ? part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : part))
    .join(' › ');
}

function show(value: unknown): string {
  if (isObject(value))
    return Object.entries(value)
      .map(([key, v]) => `${words([key])}: ${show(v)}`)
      .join(', ');
  if (Array.isArray(value)) return value.map(show).join(', ') || 'none';
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
