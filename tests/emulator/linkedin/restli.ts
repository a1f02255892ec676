/**
 * Strict Rest.li 2.0 key parsing from the raw URL. The structure `(name:value,name:value)` is
 * literal and every value is percent-encoded, so a raw `:`, `(`, `)` or `,` inside a value, or an
 * encoded structure (`%28actor%3A…`), is an error, as on the real service.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RestliKey {
  /** The key exactly as sent, e.g. `(actor:urn%3Ali%3Aperson%3Aabc,entity:…)`. */
  raw: string;
  /** Decoded values by field name. */
  fields: Record<string, string>;
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function decodeValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function parseRestliKey(raw: string): Parsed<RestliKey> {
  if (!raw.startsWith('(') || !raw.endsWith(')')) {
    return {
      ok: false,
      error: `Invalid Rest.li 2.0 key ${raw}: the (field:value,…) structure must be literal`,
    };
  }
  const inner = raw.slice(1, -1);
  if (/[()]/.test(inner)) {
    return { ok: false, error: `Invalid Rest.li 2.0 key ${raw}: encode "(" and ")" in values` };
  }
  const fields: Record<string, string> = {};
  for (const part of inner.split(',')) {
    const colon = part.indexOf(':');
    const name = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (colon <= 0 || !FIELD_NAME.test(name) || value === '') {
      return { ok: false, error: `Invalid Rest.li 2.0 key ${raw}: encode "," in values as %2C` };
    }
    if (value.includes(':')) {
      return { ok: false, error: `Invalid Rest.li 2.0 key ${raw}: encode ":" in values as %3A` };
    }
    const decoded = decodeValue(value);
    if (decoded === null) {
      return { ok: false, error: `Invalid Rest.li 2.0 key ${raw}: bad percent-encoding` };
    }
    if (name in fields)
      return { ok: false, error: `Invalid Rest.li 2.0 key ${raw}: ${name} twice` };
    fields[name] = decoded;
  }
  return { ok: true, value: { raw, fields } };
}

/** Requires exactly these field names (in any order, as Rest.li compound keys allow). */
export function requireFields(key: RestliKey, names: string[]): Parsed<Record<string, string>> {
  const present = Object.keys(key.fields).sort();
  const wanted = [...names].sort();
  if (present.join(',') !== wanted.join(',')) {
    return {
      ok: false,
      error: `Invalid key ${key.raw}: expected fields ${names.join(', ')}, got ${present.join(', ')}`,
    };
  }
  return { ok: true, value: key.fields };
}

/** `List((…),(…))` as sent in `ids=`, split into keys without decoding the structure. */
export function parseRestliKeyList(raw: string): Parsed<RestliKey[]> {
  if (!raw.startsWith('List(') || !raw.endsWith(')')) {
    return { ok: false, error: 'ids must be a literal List((…),(…)) with encoded values' };
  }
  const inner = raw.slice('List('.length, -1);
  const keys: RestliKey[] = [];
  let index = 0;
  while (index < inner.length) {
    const close = inner.indexOf(')', index);
    if (inner[index] !== '(' || close < 0) {
      return { ok: false, error: `Invalid ids list ${raw}: each key must be (…)` };
    }
    const key = parseRestliKey(inner.slice(index, close + 1));
    if (!key.ok) return key;
    keys.push(key.value);
    index = close + 1;
    if (index < inner.length) {
      if (inner[index] !== ',' || index === inner.length - 1) {
        return { ok: false, error: `Invalid ids list ${raw}: keys must be separated by ","` };
      }
      index += 1;
    }
  }
  if (keys.length === 0) return { ok: false, error: 'ids must list at least one key' };
  return { ok: true, value: keys };
}

/** A query parameter's value as sent (not decoded), for parameters that carry Rest.li syntax. */
export function rawQueryParam(rawQuery: string, name: string): string | undefined {
  for (const pair of rawQuery.split('&')) {
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
}
