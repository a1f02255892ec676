/**
 * The member's own reaction on a post or comment, as LinkedIn's page shows it on its native
 * reaction control. See ../shared/linkedin-dom.md, "The member's own reaction, and other
 * languages".
 *
 * LinkedIn serves 30+ languages, so this reads structure and attributes first: the pressed state
 * (`aria-pressed`, `react-button--active`), the type from the icon's
 * `data-test-reactions-icon-type` or a type modifier class, and only then English words (one
 * fallback). Whatever it cannot tell is unknown (undefined), never a guess: an unknown state is
 * simply not reported, and the engine keeps what it knows.
 */
import { REACTION_TYPES, type ReactionType } from './registry';

/**
 * The attributes whose change can change what the functions below read (pressed state, labels,
 * type classes, icon types); with the controls' children, which LinkedIn replaces to swap icons.
 */
export const STATE_ATTRIBUTES: readonly string[] = [
  'aria-pressed',
  'aria-label',
  'class',
  'data-test-reactions-icon-type',
];

/** A reaction type, null for "no reaction", undefined for "the page does not say". */
export type PageState = ReactionType | null | undefined;

const TYPES = new Set<string>(REACTION_TYPES);

/** LinkedIn's English names of the six types (its labels, texts and some class modifiers). */
const ENGLISH_NAMES: Readonly<Record<string, ReactionType>> = {
  like: 'LIKE',
  celebrate: 'PRAISE',
  support: 'APPRECIATION',
  love: 'EMPATHY',
  insightful: 'INTEREST',
  funny: 'ENTERTAINMENT',
};

/** A type written as LinkedIn's API name or its English display name, any case. */
function typeNamed(name: string | null | undefined): ReactionType | undefined {
  if (!name) return undefined;
  const upper = name.trim().toUpperCase();
  if (TYPES.has(upper)) return upper as ReactionType;
  return ENGLISH_NAMES[name.trim().toLowerCase()];
}

/**
 * The type shown by an icon inside the control. A control holding several types' icons is a
 * count summary, not the member's control: unknown.
 */
function iconType(control: Element): ReactionType | undefined {
  const icons = control.matches('[data-test-reactions-icon-type]')
    ? [control]
    : [...control.querySelectorAll('[data-test-reactions-icon-type]')];
  const types = new Set(icons.map((icon) => icon.getAttribute('data-test-reactions-icon-type')));
  return types.size === 1 ? typeNamed([...types][0]) : undefined;
}

// `react-button__trigger--praise`, `react-button__text--praise`, `reactions-icon--love`, …
const TYPE_CLASS = /^(?:react-button__(?:trigger|text|icon)|reactions-icon(?:__type)?)--([a-z]+)$/;

/** The type named by a modifier class on the control or inside it. */
function classType(control: Element): ReactionType | undefined {
  for (const element of [control, ...control.querySelectorAll('[class*="--"]')]) {
    for (const token of element.classList) {
      const type = typeNamed(TYPE_CLASS.exec(token)?.[1]);
      if (type) return type;
    }
  }
  return undefined;
}

/** The type of a pressed control, by attributes first; English words only last. */
function pressedType(control: Element, words: (control: Element) => PageState): PageState {
  return iconType(control) ?? classType(control) ?? words(control) ?? undefined;
}

// Generation A, English: "Unreact Celebrate" (posts), "Unreact Celebrate to Ana’s comment".
const UNREACT = /^Unreact (\w+)/;

function generationAWords(trigger: Element): PageState {
  const label = UNREACT.exec(trigger.getAttribute('aria-label') ?? '')?.[1];
  // The trigger's visible text is the type's name when reacted ("Celebrate").
  return typeNamed(label) ?? typeNamed(trigger.textContent);
}

/**
 * Generation A: the Like trigger `button.react-button__trigger` (of the post's own action bar,
 * or the comment's own social bar). Pressed: `aria-pressed="true"` or `react-button--active`.
 */
export function generationAState(trigger: Element | null): PageState {
  if (!trigger) return undefined;
  const pressed = trigger.getAttribute('aria-pressed');
  const active = trigger.classList.contains('react-button--active');
  if (pressed === 'true' || active) return pressedType(trigger, generationAWords);
  if (pressed === 'false') return null;
  return undefined;
}

/** Generation B, English: "Reaction button state: no reaction" / "…: Celebrate". */
export const STATE_LABEL_PREFIX = 'Reaction button state:';

function generationBWords(control: Element): PageState {
  const label = control.getAttribute('aria-label') ?? '';
  if (!label.startsWith(STATE_LABEL_PREFIX)) return undefined;
  const value = label.slice(STATE_LABEL_PREFIX.length).trim();
  if (value.toLowerCase() === 'no reaction') return null;
  return typeNamed(value);
}

/**
 * Generation B: the reaction control (a `button` or `div[role=button]`; its label is the only
 * English hook). A pressed state, where present, decides reacted or not; a reaction type's icon
 * inside it means reacted with that type; then the English label; else unknown.
 */
export function generationBState(control: Element | null): PageState {
  if (!control) return undefined;
  const pressed = control.getAttribute('aria-pressed');
  if (pressed === 'false') return null;
  const type = iconType(control) ?? classType(control);
  if (type) return type;
  const words = generationBWords(control);
  // Pressed but of no type it can read: reacted, with what is unknown.
  if (pressed === 'true') return words ?? undefined;
  return words;
}
