import { msg } from '@lit/localize';

/**
 * The inbox's keyboard shortcuts (DESIGN.md section 5), in one place: the
 * list and the app handle them, <shortcut-help> lists them and the command
 * palette offers them by name. Keys use `KeyboardEvent.key` names; `Mod`
 * is Ctrl, or Cmd on macOS. A host remaps by passing its own `Keymap`
 * (action to keys) to the elements' `keymap` property.
 */
export const ACTIONS = [
  'done',
  'unread',
  'open',
  'next',
  'previous',
  'openConversation',
  'search',
  'reply',
  'comment',
  'assign',
  'snooze',
  'label',
  'priority',
  'select',
  'selectRange',
  'back',
  'help',
  'send',
  'palette',
  'undo',
] as const;
export type Action = (typeof ACTIONS)[number];

export type ActionGroup = 'conversation' | 'navigation' | 'selection' | 'general';

export type Keymap = Readonly<Record<Action, readonly string[]>>;

export const DEFAULT_KEYMAP: Keymap = {
  done: ['e'],
  unread: ['u'],
  open: ['o'],
  next: ['j', 'ArrowDown'],
  previous: ['k', 'ArrowUp'],
  openConversation: ['Enter'],
  search: ['/'],
  reply: ['r'],
  comment: ['n'],
  assign: ['a'],
  snooze: ['s'],
  label: ['l'],
  priority: ['p'],
  select: ['x'],
  selectRange: ['Shift+x'],
  back: ['Escape'],
  help: ['?'],
  send: ['Mod+Enter'],
  palette: ['Mod+k'],
  undo: ['z'],
};

export const ACTION_GROUPS: Readonly<Record<Action, ActionGroup>> = {
  done: 'conversation',
  unread: 'conversation',
  open: 'conversation',
  reply: 'conversation',
  comment: 'conversation',
  assign: 'conversation',
  snooze: 'conversation',
  label: 'conversation',
  priority: 'conversation',
  send: 'conversation',
  next: 'navigation',
  previous: 'navigation',
  openConversation: 'navigation',
  search: 'navigation',
  back: 'navigation',
  select: 'selection',
  selectRange: 'selection',
  help: 'general',
  palette: 'general',
  undo: 'general',
};

/** The localized name of an action, for help, the palette and tooltips. */
export function actionLabel(action: Action): string {
  switch (action) {
    case 'done':
      return msg('Mark done', { id: 'action.done' });
    case 'unread':
      return msg('Mark unread', { id: 'action.unread' });
    case 'open':
      return msg('Mark open', { id: 'action.open' });
    case 'next':
      return msg('Next conversation', { id: 'action.next' });
    case 'previous':
      return msg('Previous conversation', { id: 'action.previous' });
    case 'openConversation':
      return msg('Open conversation', { id: 'action.openConversation' });
    case 'search':
      return msg('Search', { id: 'action.search' });
    case 'reply':
      return msg('Reply', { id: 'action.reply' });
    case 'comment':
      return msg('Internal comment', { id: 'action.comment' });
    case 'assign':
      return msg('Assign', { id: 'action.assign' });
    case 'snooze':
      return msg('Snooze', { id: 'action.snooze' });
    case 'label':
      return msg('Label', { id: 'action.label' });
    case 'priority':
      return msg('Set priority', { id: 'action.priority' });
    case 'select':
      return msg('Select', { id: 'action.select' });
    case 'selectRange':
      return msg('Select range', { id: 'action.selectRange' });
    case 'back':
      return msg('Back', { id: 'action.back' });
    case 'help':
      return msg('Keyboard shortcuts', { id: 'action.help' });
    case 'send':
      return msg('Send', { id: 'action.send' });
    case 'palette':
      return msg('Command palette', { id: 'action.palette' });
    case 'undo':
      return msg('Undo', { id: 'action.undo' });
  }
}

// userAgent, not the deprecated navigator.platform; userAgentData is Chromium-only.
const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Whether a key event matches a key string such as `e`, `Shift+x` or `Mod+k`. */
export function matchesKey(event: KeyboardEvent, key: string): boolean {
  const parts = key.split('+');
  const name = parts.pop()!;
  const wants = new Set(parts);
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  if (wants.has('Mod') !== mod) return false;
  if (!wants.has('Mod') && (event.ctrlKey || event.metaKey)) return false;
  if (event.altKey !== wants.has('Alt')) return false;
  // Shift is implied by characters such as ? and /; only check it when named.
  if (wants.has('Shift') && !event.shiftKey) return false;
  if (!wants.has('Shift') && event.shiftKey && name.length === 1 && /[a-z]/i.test(name)) return false;
  return event.key.toLowerCase() === name.toLowerCase();
}

/** The action a key event triggers under `keymap`, if any. */
export function actionFor(event: KeyboardEvent, keymap: Keymap = DEFAULT_KEYMAP): Action | null {
  for (const action of ACTIONS) {
    if (keymap[action].some((key) => matchesKey(event, key))) return action;
  }
  return null;
}

/** A key string for display: `Mod` becomes ⌘ or Ctrl. */
export function keyLabel(key: string): string {
  return key.replace('Mod', isMac() ? '⌘' : 'Ctrl').replace('Arrow', '').replace('Escape', 'Esc');
}
