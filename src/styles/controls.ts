import { css } from 'lit';

/*
 * Controls several elements draw alike, each defined once. An element adds
 * the ones it uses after `hostStyles` and before its own rules, which may
 * refine them.
 */

/**
 * The toolbar button (`class="button"`) of the filters, the composer and the
 * pickers; `class="button primary"` for a form's submit (the filters' Save
 * view, the snooze picker's Snooze). The composer's Send refines it.
 * `aria-disabled` as well as `disabled`: Send stays focusable.
 */
export const buttonStyles = css`
  .button {
    font: inherit;
    color: inherit;
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .button.primary {
    border-color: var(--_inbox-color-accent);
    background: var(--_inbox-color-accent);
    color: var(--_inbox-color-surface);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;

/**
 * The bordered box (`class="control"`) of a text field or a select (the
 * filters, the pickers' filter and date, the away reason), and of the plain
 * buttons drawn like them (the help's Close, Get next conversation).
 */
export const controlStyles = css`
  .control {
    font: inherit;
    color: inherit;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
  }
  button.control {
    cursor: pointer;
  }
  button.control:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;

/**
 * The underlined tabs (`class="tab"`, `aria-selected`) of the list's Open /
 * Unread / Done, of the incoming calls and of the composer's Reply / Comment.
 */
export const tabStyles = css`
  .tab {
    font: inherit;
    color: var(--_inbox-color-text-muted);
    background: none;
    border: 0;
    border-block-end: 2px solid transparent;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_inbox-color-accent);
    border-block-end-color: currentColor;
    font-weight: var(--_inbox-font-weight-bold);
  }
`;

/** The loading spinner (`class="spinner"`); still when the user asks for reduced motion. */
export const spinnerStyles = css`
  .spinner {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 2px solid var(--_inbox-color-border);
    border-block-start-color: var(--_inbox-color-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;

/** The message standing in for the content (`class="state"`) while it loads, or when there is none: the list's and the conversation view's. */
export const stateStyles = css`
  .state {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-6);
    color: var(--_inbox-color-text-muted);
    text-align: center;
  }
  .state strong {
    color: var(--_inbox-color-text);
  }
`;

/**
 * The box of a menu or a listbox over the page (`class="popup"`): the
 * pickers' panel, the composer's mentions, the conversation's More menu.
 * A popover where the browser has them, else placed absolutely; each
 * element anchors it and sizes it.
 */
export const popupStyles = css`
  .popup {
    margin: 0; /* not a popover's auto margin, nor a list's */
    padding: var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    font: inherit;
  }
  .popup:not([popover]) {
    position: absolute;
    z-index: 10;
  }
`;

/**
 * The options of a listbox (`class="option"`, `active` for the one the
 * arrows reached) and their group headings (`class="group-label"`): the
 * pickers' and the command palette's.
 */
export const optionStyles = css`
  .group-label {
    padding: var(--_inbox-space-3) var(--_inbox-space-3) var(--_inbox-space-1);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-bold);
    color: var(--_inbox-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border-radius: var(--_inbox-radius-sm);
    cursor: pointer;
  }
  .option:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .option.active {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, var(--_inbox-color-surface));
    outline: 1px solid var(--_inbox-color-accent);
  }
  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
    }
  }
`;

/**
 * The modal `<dialog>` of the command palette and the shortcut help (opened
 * with ModalController, over their own inbox), its backdrop
 * (`class="backdrop"`), and the `<kbd>` keys both show. `position: fixed`
 * is relative to `<inbox-app>`'s box, which contains fixed descendants
 * (`contain: layout`).
 */
export const dialogStyles = css`
  .backdrop {
    position: fixed;
    inset: 0;
    z-index: 20;
    background: rgb(0 0 0 / 0.35);
  }
  .backdrop[hidden] {
    display: none;
  }
  dialog {
    position: fixed;
    inset: 0;
    z-index: 21;
    margin: auto;
    max-inline-size: calc(100% - 2rem);
    max-block-size: calc(100% - 2rem);
    padding: 0;
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-lg);
    background: var(--inbox-dialog-background, var(--_inbox-color-surface));
    color: var(--_inbox-color-text);
    font-family: var(--_inbox-font-family);
    font-size: var(--_inbox-font-size);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
  }
  kbd {
    display: inline-block;
    min-inline-size: 1.25rem;
    padding: 0 var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
    font-family: inherit;
    font-size: var(--_inbox-font-size-sm);
    text-align: center;
  }
`;

/** A wrapping row of chips (`<ul class="chips">`): the conversation's labels, a message's attachments, the composer's uploads. */
export const chipsStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;

/**
 * An item of a menu button's menu (`role="menuitem"` or `menuitemradio`,
 * `class="menu-item"`): an icon, then its label on one line; a tint under
 * the pointer and on focus, the focus ring for the keyboard.
 */
export const menuItemStyles = css`
  .menu-item {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    inline-size: 100%;
    font: inherit;
    color: inherit;
    text-align: start;
    padding: var(--_inbox-space-2) var(--_inbox-space-4) var(--_inbox-space-2) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: none;
    white-space: nowrap;
    cursor: pointer;
  }
  .menu-item svg {
    flex: none;
    color: var(--_inbox-color-text-muted);
  }
  .menu-item[aria-disabled='true'] {
    color: var(--_inbox-color-text-muted);
    cursor: default;
  }
  .menu-item:hover,
  .menu-item:focus {
    background: color-mix(in srgb, var(--_inbox-color-accent) 12%, var(--_inbox-color-surface));
    outline: none;
  }
  .menu-item:focus-visible {
    outline: var(--_inbox-focus-ring);
    outline-offset: -2px;
  }
`;

/**
 * An icon-only button (`class="icon-button"`, with an `aria-label` and a
 * `title` naming it and its key): header actions, the app's tools, toggles
 * (`aria-pressed="true"` tints it with the accent). 32 px square, 16-20 px icons.
 */
export const iconButtonStyles = css`
  .icon-button {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_inbox-radius);
    background: transparent;
    color: var(--_inbox-color-text-muted);
    font: inherit;
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
  }
  .icon-button[aria-pressed='true'],
  .icon-button[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_inbox-color-accent) 14%, transparent);
    color: var(--_inbox-color-accent);
  }
  .icon-button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
`;
