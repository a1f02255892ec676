/**
 * The benchmark's page and messages: LinkedIn's full messaging page (tests/fixtures/messaging.html)
 * with an EMPTY message list, served at a thread URL, and 1,000 generated messages of that thread
 * with valid URNs and the fixture's inner markup.
 */
import { readFile } from 'node:fs/promises';
import { VIEWER_PROFILE_ID } from '../fixtures/expected';
import { FIXTURE_ORIGIN, fixturePath } from '../fixtures/routes';

/** The thread of every generated message (not one of the fixture's own threads). */
export const BENCH_THREAD_UUID = '5b3e9c1a-2f47-4d8e-9a61-0c7d2e4f8b13';
export const BENCH_SHARD = 100;

const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** `2-` + base64(`<threadUuid>_<shard>`), as in `/messaging/thread/<threadId>/`. */
export const BENCH_THREAD_ID = `2-${toBase64(`${BENCH_THREAD_UUID}_${BENCH_SHARD}`)}`;
const MAILBOX = `urn:li:fsd_profile:${VIEWER_PROFILE_ID}`;
export const BENCH_CONVERSATION_URN = `urn:li:msg_conversation:(${MAILBOX},${BENCH_THREAD_ID})`;
/** LinkedIn percent-encodes the `=` padding in the path. */
export const BENCH_URL = `${FIXTURE_ORIGIN}/messaging/thread/${encodeURIComponent(BENCH_THREAD_ID)}/`;

export interface BenchMessage {
  urn: string;
  conversationUrn: string;
  html: string;
}

/** A small deterministic PRNG (mulberry32), so every run adds the same messages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  {
    name: 'Priya Raman',
    slug: 'priya-raman-4b1a2c3',
    initials: 'PR',
    color: '%23915907',
    other: true,
  },
  {
    name: 'Alex Morgan',
    slug: 'alex-morgan-eng',
    initials: 'AM',
    color: '%238f5849',
    other: false,
  },
] as const;

const TEXTS = [
  'Hi Alex! Thanks for connecting after the meetup.',
  'Are you still looking for someone to review the onboarding flow?',
  'Hi Priya, yes! We want a fresh pair of eyes before the January release.',
  'Perfect. Here is the current prototype:',
  'Got it, I’ll go through it tonight.',
  '🙌',
  'Could we move our call to Thursday at 3 pm? Something came up on my side.',
  'Sure, Thursday works. I’ll send an updated invite.',
  'The second step of the flow asks for the company size twice, is that on purpose?',
  'Good catch — no, that is a leftover from the old form. I’ll file a ticket.',
  'Sharing the research notes from last week’s interviews so you have the context.',
  'Thanks! The quotes from the finance team are really useful.',
];

const REACTIONS = ['👍', '👏', '❤️', '😂', '🙌'];

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function avatarSrc(person: (typeof PEOPLE)[number]): string {
  return `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 48'%3E%3Ccircle cx='24' cy='24' r='24' fill='${person.color}'/%3E%3Ctext x='24' y='30.5' font-size='17' font-family='Arial,sans-serif' font-weight='600' text-anchor='middle' fill='%23fff'%3E${person.initials}%3C/text%3E%3C/svg%3E`;
}

const ICON_EMOJI =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" data-supported-dps="16x16" fill="currentColor" class="mercado-match" width="16" height="16" focusable="false" aria-hidden="true"><path d="M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm-3 6.3a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm6 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zM7.8 14c.9 1.8 2.5 2.8 4.2 2.8s3.3-1 4.2-2.8z"></path></svg>';
const ICON_MORE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" data-supported-dps="16x16" fill="currentColor" class="mercado-match" width="16" height="16" focusable="false" aria-hidden="true"><path d="M5 10.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zm7 0a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zm7 0a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z"></path></svg>';

const POPULAR = [
  ['clapping hands', '👏'],
  ['thumbs up', '👍'],
  ['thumbs down', '👎'],
  ['smiling face', '😊'],
  ['disappointed face', '😞'],
] as const;

function actions(otherName: string): string {
  const items = POPULAR.map(
    ([label, emoji]) =>
      `<li><button class="emoji-popular-list__item" type="button" aria-label="React with ${label}"><span class="emoji-popular-list__emoji" aria-hidden="true">${emoji}</span></button></li>`,
  ).join('');
  return `<div class="msg-s-event-listitem__actions-container"><div class="emoji-popular-list"><ul class="emoji-popular-list__container" role="toolbar" aria-label="Popular reactions">${items}</ul></div><button class="msg-s-event-listitem__emoji-button artdeco-button artdeco-button--circle artdeco-button--muted artdeco-button--1 artdeco-button--tertiary" type="button" aria-label="Open Emoji Keyboard">${ICON_EMOJI}</button><button class="msg-s-event-listitem__options-button artdeco-button artdeco-button--circle artdeco-button--muted artdeco-button--1 artdeco-button--tertiary" type="button" aria-label="Open the options list in your conversation with ${otherName}">${ICON_MORE}</button></div>`;
}

function reactionSummary(emoji: string, name: string): string {
  return `<ul class="msg-reactions-reaction-summary-presenter__container"><li class="msg-reactions-reaction-summary-presenter__pill-container"><button class="msg-reactions-reaction-summary-presenter__pill" type="button" aria-pressed="false" aria-label="${name} reacted with ${emoji}. Select to react with the same emoji."><span class="msg-reactions-reaction-summary-presenter__pill-emoji" aria-hidden="true">${emoji}</span><span class="emoji-count t-12 t-bold" aria-hidden="true">1</span></button></li><li class="msg-reactions-reaction-summary-presenter__add-reaction"><button class="msg-reactions-reaction-summary-presenter__add-reaction-button" type="button" aria-label="Add reaction">${ICON_EMOJI}</button></li></ul>`;
}

function clock(epochMs: number): string {
  const date = new Date(epochMs);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${((hours + 11) % 12) + 1}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * `count` messages of the bench thread, oldest first. Each message id decodes to
 * `<epochMs(13)><hex>-<seq>&<threadUuid>_<shard>`, as LinkedIn's do; the markup is the
 * fixture's: `li.msg-s-message-list__event > div.msg-s-event-listitem[data-event-urn]` with a
 * group header on the first message of a run, the bubble, LinkedIn's own hover actions and,
 * now and then, a reaction summary.
 */
export function buildMessages(count: number): BenchMessage[] {
  const next = random(20_260_101);
  const messages: BenchMessage[] = [];
  let epochMs = 1_794_993_254_670;
  let sender = 0;
  for (let index = 0; index < count; index++) {
    epochMs += 20_000 + Math.floor(next() * 600_000);
    const groupStart = index === 0 || next() < 0.3;
    if (groupStart && index > 0) sender = 1 - sender;
    const person = PEOPLE[sender] ?? PEOPLE[0];
    const other = PEOPLE[1 - sender] ?? PEOPLE[0];
    const hex = Math.floor(next() * 0xffffff)
      .toString(16)
      .padStart(6, '0');
    const seq = String(index + 1).padStart(3, '0');
    const payload = `${epochMs}${hex}-${seq}&${BENCH_THREAD_UUID}_${BENCH_SHARD}`;
    const urn = `urn:li:msg_message:(${MAILBOX},2-${toBase64(payload)})`;
    const text = TEXTS[Math.floor(next() * TEXTS.length)] ?? '';
    const time = clock(epochMs);
    const classes = [
      'msg-s-event-listitem',
      person.other ? 'msg-s-event-listitem--other' : '',
      groupStart ? 'msg-s-event-listitem--group-a11y-heading' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const header = groupStart
      ? `<a class="msg-s-event-listitem__link" href="https://www.linkedin.com/in/${person.slug}/" tabindex="-1"><img src="${avatarSrc(person)}" width="40" height="40" alt="${person.name}" title="${person.name}" class="msg-s-event-listitem__profile-picture EntityPhoto-circle-2 evi-image ember-view"></a><div class="msg-s-message-group__meta"><a class="msg-s-message-group__profile-link msg-s-message-group__name t-14 t-black t-bold hoverable-link-text" href="https://www.linkedin.com/in/${person.slug}/">${person.name}</a><time class="msg-s-message-group__timestamp white-space-nowrap t-12 t-black--light t-normal">${time}</time></div>`
      : '';
    const summary =
      next() < 0.15
        ? reactionSummary(REACTIONS[Math.floor(next() * REACTIONS.length)] ?? '👍', other.name)
        : '';
    const html = `<li class="msg-s-message-list__event clearfix"><div class="${classes}" data-event-urn="${escapeHtml(urn)}" tabindex="-1"><span class="msg-s-event-listitem--group-a11y-heading visually-hidden">${person.name} sent the following message at ${time}</span>${header}<div class="msg-s-event-with-indicator display-flex"><div class="msg-s-event-listitem__message-bubble msg-s-event-listitem__message-bubble--msg-fwd-enabled"><p class="msg-s-event-listitem__body t-14 t-black--light t-normal" dir="ltr">${escapeHtml(text)}</p></div>${actions(other.name)}</div>${summary}</div></li>`;
    messages.push({ urn, conversationUrn: BENCH_CONVERSATION_URN, html });
  }
  return messages;
}

/** Groups the messages' markup into batches of `size` (one string per batch). */
export function batchesOf(messages: readonly BenchMessage[], size: number): string[] {
  const batches: string[] = [];
  for (let start = 0; start < messages.length; start += size) {
    batches.push(
      messages
        .slice(start, start + size)
        .map((message) => message.html)
        .join(''),
    );
  }
  return batches;
}

/**
 * messaging.html with its message list emptied (the wrappers stay) and the page-side harness
 * appended to the body. The fixture's own `<template>`s are inert and stay as they are.
 */
export async function benchPageHtml(harnessScript: string): Promise<string> {
  const html = await readFile(fixturePath('messaging'), 'utf8');
  const open = html.search(/<ul class="msg-s-message-list-content[^"]*">/);
  if (open < 0) throw new Error('messaging.html: no ul.msg-s-message-list-content');
  const contentStart = html.indexOf('>', open) + 1;
  // Find the matching </ul>: the list holds nested lists (LinkedIn's popular reactions).
  const tags = /<\/?ul\b[^>]*>/g;
  tags.lastIndex = contentStart;
  let depth = 1;
  let contentEnd = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0].startsWith('</') ? -1 : 1;
    if (depth === 0) {
      contentEnd = match.index;
      break;
    }
  }
  if (contentEnd < 0) throw new Error('messaging.html: unbalanced message list');
  const emptied = `${html.slice(0, contentStart)}${html.slice(contentEnd)}`;
  const body = emptied.lastIndexOf('</body>');
  return `${emptied.slice(0, body)}<script>${harnessScript}</script>\n${emptied.slice(body)}`;
}
