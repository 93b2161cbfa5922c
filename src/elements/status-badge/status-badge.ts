import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { InboxElement } from '../shared/inbox-element.js';
import { styles } from './status-badge.styles.js';

/** Every state a badge can show, in the order of the views that hold them. */
export const STATES = [
  'open',
  'unread',
  'done',
  'new',
  'waiting',
  'sent',
  'spam',
  'trash',
  'blocked',
  'snoozed',
] as const;
export type BadgeState = (typeof STATES)[number];

export const isBadgeState = (value: unknown): value is BadgeState =>
  (STATES as readonly unknown[]).includes(value);

// Functions, not strings: msg() must run at render time to follow setLocale().
const LABELS: Record<BadgeState, () => string> = {
  open: () => msg('Open', { id: 'status.open', desc: 'Conversation state: open, being worked on' }),
  unread: () => msg('Unread', { id: 'status.unread', desc: 'Conversation state: has unread messages' }),
  done: () => msg('Done', { id: 'status.done', desc: 'Conversation state: closed, marked done' }),
  new: () => msg('New', { id: 'status.new', desc: 'Conversation state: awaiting an agent (New queue)' }),
  waiting: () =>
    msg('Waiting', { id: 'status.waiting', desc: 'Conversation state: awaiting the contact (Waiting queue)' }),
  sent: () =>
    msg('Sent', { id: 'status.sent', desc: 'Conversation state: started by us, no reply from the contact yet' }),
  spam: () => msg('Spam', { id: 'status.spam', desc: 'Conversation state: marked as spam' }),
  trash: () => msg('Trash', { id: 'status.trash', desc: 'Conversation state: in the trash' }),
  blocked: () => msg('Blocked', { id: 'status.blocked', desc: 'Conversation state: the contact is blocked' }),
  snoozed: () =>
    msg('Snoozed', { id: 'status.snoozed', desc: 'Conversation state: snoozed until a time or a reply' }),
};

/** The localized label of a state, in the current locale. */
export const stateLabel = (state: BadgeState): string => LABELS[state]();

/**
 * @summary Shows the state of a conversation (Open, Unread, Done, New,
 * Waiting, Sent, Spam, Trash, Blocked, Snoozed) as a coloured pill with its
 * localized label, or as a dot alone in `compact` mode.
 *
 * The label is text, so the badge reads as that word; the compact dot is an
 * image (`role="img"`) named by the same label. An unknown `state` renders
 * nothing and, in development, warns once. Like every element it follows
 * the `color-scheme` around it, or `theme="light|dark|auto"` on itself
 * (src/styles/tokens.ts).
 *
 * @csspart badge - The pill: dot and label (not rendered in compact mode).
 * @csspart dot - The coloured dot; the whole badge in compact mode.
 *
 * @cssprop --inbox-badge-color - Colour of the label and dot. Defaults to the state's token, `--inbox-status-<state>`.
 * @cssprop --inbox-badge-background - Background of the pill. Defaults to a 12 % tint of the badge colour over `--inbox-color-surface`.
 * @cssprop --inbox-badge-dot-color - Colour of the dot alone. Defaults to `--inbox-badge-color`.
 * @cssprop --inbox-badge-dot-size - Diameter of the dot. Defaults to `0.5rem`.
 * @cssprop --inbox-badge-radius - Corner radius of the pill. Defaults to `--inbox-radius-pill`.
 * @cssprop --inbox-badge-font-size - Font size of the label. Defaults to `--inbox-font-size-sm`.
 * @cssprop --inbox-badge-padding - Padding of the pill. Defaults to `--inbox-space-1 --inbox-space-3`.
 *
 * @cssstate open - `state` is `open` (each known `state` value sets the custom state of the same name).
 * @cssstate unread - `state` is `unread`.
 * @cssstate done - `state` is `done`.
 * @cssstate new - `state` is `new`.
 * @cssstate waiting - `state` is `waiting`.
 * @cssstate sent - `state` is `sent`.
 * @cssstate spam - `state` is `spam`.
 * @cssstate trash - `state` is `trash`.
 * @cssstate blocked - `state` is `blocked`.
 * @cssstate snoozed - `state` is `snoozed`.
 * @cssstate compact - The badge is a dot alone.
 */
// InboxElement's preamble (its tokens, host styles and locale re-render)
// without its store: a badge shows one state it is given, and one in each
// list row must not each subscribe to the store.
export class StatusBadge extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [InboxElement.styles, styles];

  static override properties: PropertyDeclarations = {
    state: { reflect: true },
    compact: { type: Boolean, reflect: true },
  };

  /** The conversation state: one of `STATES`. */
  state: BadgeState = 'open';

  /** Shows the dot alone; the label becomes its accessible name and tooltip. */
  compact = false;

  readonly #internals = this.attachInternals();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (DEV_MODE && changed.has('state') && !isBadgeState(this.state)) {
      devWarn(
        `status-badge:${String(this.state)}`,
        `<status-badge> has an unknown state ${JSON.stringify(this.state)}; ` +
          `expected one of ${STATES.join(', ')}. Nothing is rendered.`,
      );
    }
  }

  protected override updated(): void {
    const states = this.#internals.states;
    states.clear();
    if (isBadgeState(this.state)) states.add(this.state);
    if (this.compact) states.add('compact');
  }

  protected override render() {
    if (!isBadgeState(this.state)) return nothing;
    const label = stateLabel(this.state);
    if (this.compact) {
      return html`<span part="dot" class="dot" role="img" aria-label=${label} title=${label}></span>`;
    }
    return html`<span part="badge" class="badge"
      ><span part="dot" class="dot" aria-hidden="true"></span><span class="label">${label}</span></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
