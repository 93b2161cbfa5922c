import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { actionFor, DEFAULT_KEYMAP, type Action, type Keymap } from './keymap.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface ShortcutsOptions {
  /** The keymap in force (a host's remapping); the default keys otherwise. */
  readonly keymap?: () => Keymap;
  /** Runs an action; returns true when it did something (the key is then consumed). */
  readonly handle: (action: Action, event: KeyboardEvent) => boolean;
  /**
   * Where to listen: the inbox's shortcut root by default. An element that
   * passes its own host hears the keys pressed inside it before any
   * sibling listening on the shared root, and consumes them first.
   */
  readonly root?: ((host: HTMLElement) => HTMLElement) | undefined;
}

/** The tag that scopes an inbox's shortcuts: keys pressed inside it reach its elements only. */
export const SHORTCUT_ROOT_TAG = 'inbox-provider';

/** Actions whose keys (Enter, arrows) belong to a focused control first. */
const NAVIGATION: ReadonlySet<Action> = new Set(['next', 'previous', 'openConversation']);

const CONTROL_ROLES = new Set(['button', 'link', 'tab', 'menuitem', 'checkbox', 'switch', 'radio', 'combobox', 'slider']);

/** A text field, select or editable region: keys there are typing, never shortcuts. */
export function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.localName;
  return tag === 'input' || tag === 'textarea' || tag === 'select';
}

function isDialog(node: EventTarget): boolean {
  return node instanceof HTMLDialogElement || (node instanceof HTMLElement && node.getAttribute('role') === 'dialog');
}

function isControl(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const role = target.getAttribute('role');
  if (role !== null) return CONTROL_ROLES.has(role);
  return ['button', 'a', 'summary', 'input', 'select', 'textarea'].includes(target.localName);
}

/**
 * The element whose subtree an inbox's shortcuts listen to: the nearest
 * `<inbox-provider>` around `element` (across shadow roots), or `element`
 * itself for an element used alone with `.store`. Never `window`, so two
 * inboxes on one page never both react to one key press: a key belongs to
 * the inbox that holds the focus.
 */
export function shortcutRoot(element: Element): HTMLElement {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(SHORTCUT_ROOT_TAG);
    if (found instanceof HTMLElement) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return element as HTMLElement;
}

/**
 * Keyboard shortcuts (DESIGN.md section 5) for one element of an inbox,
 * through keymap.ts. Listens on the inbox's shortcut root while the host
 * is connected; ignores keys typed in fields, keys another handler already
 * consumed (`defaultPrevented`, so two elements of one inbox never both
 * run one key) and, for Enter and the arrows, keys aimed at a focused
 * button, link or tab, whose own behaviour comes first.
 */
export class ShortcutsController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ShortcutsOptions;
  #root: HTMLElement | null = null;

  constructor(host: Host, options: ShortcutsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Where keys are listened to (null while disconnected). */
  get root(): HTMLElement | null {
    return this.#root;
  }

  hostConnected(): void {
    this.#root = (this.#options.root ?? shortcutRoot)(this.#host);
    this.#root.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener('keydown', this.#onKeydown);
    this.#root = null;
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const path = event.composedPath();
    const origin = path[0];
    if (isTyping(origin)) return;
    // Keys inside a dialog (help, palette, a picker's popover) belong to it:
    // Esc must close the dialog, not also close the conversation behind it.
    if (path.some(isDialog)) return;
    const action = actionFor(event, this.#options.keymap?.() ?? DEFAULT_KEYMAP);
    if (action === null) return;
    if (NAVIGATION.has(action) && isControl(origin)) return;
    if (this.#options.handle(action, event)) event.preventDefault();
  };
}
