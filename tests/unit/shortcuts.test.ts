import { describe, expect, it } from 'vitest';
import { createContentStore, type Slot } from '@/lib/content/frame-store';
import { isTyping, latestMessage, slotInUse } from '@/lib/content/shortcuts';
import { isShortcutCommand, manifestCommands, quickIndexOf, SHORTCUTS } from '@/lib/shortcuts';

describe('the declared shortcuts', () => {
  it('suggest at most four keys (Chrome refuses more) and none twice', () => {
    const keys = SHORTCUTS.flatMap((spec) => (spec.suggestedKey ? [spec.suggestedKey] : []));
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(manifestCommands())).toEqual(SHORTCUTS.map((spec) => spec.command));
  });

  it('know their commands and the quick reaction each means', () => {
    expect(isShortcutCommand('react-6')).toBe(true);
    expect(isShortcutCommand('react-7')).toBe(false);
    expect(isShortcutCommand('_execute_action')).toBe(false);
    expect(quickIndexOf('react-1')).toBe(0);
    expect(quickIndexOf('react-6')).toBe(5);
    expect(quickIndexOf('react-latest')).toBeNull();
  });
});

describe('which target a shortcut is for', () => {
  function setUp(html: string) {
    document.body.innerHTML = html;
    const store = createContentStore();
    const slots = store.getState().slots as Map<number, Slot>;
    for (const [index, host] of [...document.querySelectorAll('reactbar-host')].entries()) {
      const conversationUrn = host.getAttribute('data-conversation') ?? 'urn:li:conv:1';
      slots.set(index + 1, {
        id: index + 1,
        host: host as HTMLElement,
        target: { kind: 'message', urn: `urn:li:msg:${index + 1}`, conversationUrn },
      });
    }
    return store;
  }

  it('is typing in a field, a text area or editable text, not on a button or a checkbox', () => {
    setUp(
      '<input id="a"><textarea id="b"></textarea><div id="c" contenteditable="true"></div><button id="d"></button><input id="e" type="checkbox">',
    );
    const typing = (id: string) => {
      (document.getElementById(id) as HTMLElement).focus();
      return isTyping(document);
    };
    expect(typing('a')).toBe(true);
    expect(typing('b')).toBe(true);
    expect(typing('d')).toBe(false);
    expect(typing('e')).toBe(false);
  });

  it('the latest message is the last in the page, of the conversation in use', () => {
    const store = setUp(
      '<reactbar-host data-conversation="urn:li:conv:1"></reactbar-host>' +
        '<reactbar-host data-conversation="urn:li:conv:2"></reactbar-host>' +
        '<reactbar-host data-conversation="urn:li:conv:1"></reactbar-host>' +
        '<reactbar-host data-conversation="urn:li:conv:2"></reactbar-host>',
    );
    expect(latestMessage(store, undefined)?.id).toBe(4);
    const first = store.getState().slots.get(1);
    expect(latestMessage(store, first)?.id).toBe(3);
  });

  it('the hovered target when nothing has focus', () => {
    const store = setUp('<reactbar-host></reactbar-host><reactbar-host></reactbar-host>');
    expect(slotInUse(store, document)).toBeUndefined();
    store.setState({ hovered: 2 });
    expect(slotInUse(store, document)?.id).toBe(2);
  });
});
