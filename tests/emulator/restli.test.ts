import { describe, expect, it } from 'vitest';
import { restliKey } from './fixtures';
import {
  parseRestliKey,
  parseRestliKeyList,
  rawQueryParam,
  requireFields,
} from './linkedin/restli';

const ACTOR = 'urn:li:person:abC1';
const COMMENT = 'urn:li:comment:(urn:li:activity:6666,120381273128)';
const GOOD_KEY = '(actor:urn%3Ali%3Aperson%3AabC1,entity:urn%3Ali%3Aactivity%3A6666)';

describe('parseRestliKey', () => {
  it('parses the documented example', () => {
    expect(parseRestliKey(GOOD_KEY)).toEqual({
      ok: true,
      value: { raw: GOOD_KEY, fields: { actor: ACTOR, entity: 'urn:li:activity:6666' } },
    });
  });

  it('decodes a comment URN whose parentheses and comma are encoded', () => {
    const key = restliKey({ actor: ACTOR, entity: COMMENT });
    expect(key).toContain('%28urn%3Ali%3Aactivity%3A6666%2C120381273128%29');
    const parsed = parseRestliKey(key);
    expect(parsed.ok && parsed.value.fields.entity).toBe(COMMENT);
  });

  it('accepts the fields in any order', () => {
    const parsed = parseRestliKey(restliKey({ entity: 'urn:li:share:1', actor: ACTOR }));
    expect(parsed.ok && requireFields(parsed.value, ['actor', 'entity']).ok).toBe(true);
  });

  it.each([
    ['a raw ":" in a value', `(actor:${ACTOR},entity:urn%3Ali%3Aactivity%3A1)`],
    [
      'a raw "," in a value',
      '(actor:urn%3Ali%3Aperson%3Aa,entity:urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1,2%29)',
    ],
    [
      'raw parentheses in a value',
      `(actor:urn%3Ali%3Aperson%3Aa,entity:urn%3Ali%3Acomment%3A(urn%3Ali%3Aactivity%3A1%2C2))`,
    ],
    ['a wholly encoded key', encodeURIComponent(`(actor:${ACTOR},entity:urn:li:activity:1)`)],
    ['encoded structure commas', '(actor:urn%3Ali%3Aperson%3Aa%2Centity:urn%3Ali%3Aactivity%3A1)'],
    ['a missing value', '(actor:,entity:urn%3Ali%3Aactivity%3A1)'],
    ['a missing field name', '(:urn%3Ali%3Aperson%3Aa)'],
    ['a broken escape', '(actor:urn%3Ali%3Aperson%3Aa%E,entity:urn%3Ali%3Aactivity%3A1)'],
    ['a repeated field', '(actor:a,actor:b)'],
    ['no parentheses', 'actor:urn%3Ali%3Aperson%3Aa'],
  ])('refuses %s', (_name, raw) => {
    expect(parseRestliKey(raw).ok).toBe(false);
  });

  it('reports wrong field names through requireFields', () => {
    const parsed = parseRestliKey('(member:urn%3Ali%3Aperson%3Aa,entity:urn%3Ali%3Aactivity%3A1)');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && requireFields(parsed.value, ['actor', 'entity']).ok).toBe(false);
  });
});

describe('parseRestliKeyList', () => {
  const second = restliKey({ actor: ACTOR, entity: COMMENT });

  it('splits a list of keys and keeps each as sent', () => {
    const parsed = parseRestliKeyList(`List(${GOOD_KEY},${second})`);
    expect(parsed.ok && parsed.value.map((key) => key.raw)).toEqual([GOOD_KEY, second]);
  });

  it('accepts a single key', () => {
    expect(parseRestliKeyList(`List(${GOOD_KEY})`).ok).toBe(true);
  });

  it.each([
    ['an empty list', 'List()'],
    ['an encoded list', encodeURIComponent(`List(${GOOD_KEY})`)],
    ['a trailing comma', `List(${GOOD_KEY},)`],
    ['a missing separator', `List(${GOOD_KEY}${GOOD_KEY})`],
    ['an unencoded comment entity', `List((actor:urn%3Ali%3Aperson%3Aa,entity:${COMMENT}))`],
    ['no List wrapper', GOOD_KEY],
  ])('refuses %s', (_name, raw) => {
    expect(parseRestliKeyList(raw).ok).toBe(false);
  });
});

describe('rawQueryParam', () => {
  it('returns the value without decoding it', () => {
    expect(rawQueryParam('q=entity&sort=(value:CHRONOLOGICAL)&x=%28', 'sort')).toBe(
      '(value:CHRONOLOGICAL)',
    );
    expect(rawQueryParam('q=entity&x=%28', 'x')).toBe('%28');
    expect(rawQueryParam('q=entity', 'sort')).toBeUndefined();
  });
});
