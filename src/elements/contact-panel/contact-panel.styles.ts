import { css } from 'lit';

export const styles = css`
  :host {
    --_cp-error: var(--inbox-contact-panel-error-color, var(--_inbox-status-blocked));
    --_cp-gap: var(--inbox-contact-panel-gap, var(--_inbox-space-4));
    display: block;
    min-width: 0;
    color: var(--_inbox-color-text);
    background: var(--_inbox-color-surface);
    font-size: var(--_inbox-font-size);
  }


  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    padding: var(--_cp-gap);
    border-bottom: 1px solid var(--_inbox-color-border);
  }
  h2 {
    margin: 0;
    font-size: 1.05rem;
    overflow-wrap: anywhere;
  }
  header .avatar {
    --avatar-size: 2rem;
  }
  h3 {
    margin: 0 0 var(--_inbox-space-3);
    font-size: var(--_inbox-font-size);
    font-weight: var(--_inbox-font-weight-bold);
  }
  h3[tabindex] {
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
    background: var(--_inbox-color-surface-raised);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--_inbox-color-accent);
    border-color: var(--_inbox-color-accent);
    color: var(--_inbox-color-surface);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    color: var(--_inbox-color-accent);
    text-decoration: underline;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--_inbox-color-surface);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    min-inline-size: 0;
    flex: 1;
  }
  input[aria-invalid='true'] {
    border-color: var(--_cp-error);
    box-shadow: 0 0 0 1px var(--_cp-error);
  }

  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
    padding: 0 var(--_cp-gap);
    border-bottom: 1px solid var(--_inbox-color-border);
  }
  [role='tab'],
  ::slotted([slot='tab']) {
    border: 0;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    padding: var(--_inbox-space-3) var(--_inbox-space-3);
    cursor: pointer;
    color: var(--_inbox-color-text-muted);
  }
  [role='tab'][aria-selected='true'],
  ::slotted([slot='tab'][aria-selected='true']) {
    border-bottom-color: var(--_inbox-color-accent);
    color: var(--_inbox-color-text);
    font-weight: var(--_inbox-font-weight-medium);
  }
  ::slotted([slot='tab']:focus-visible) {
    outline: var(--_inbox-focus-ring);
    outline-offset: -2px;
  }

  [role='tabpanel'],
  .host-panel {
    padding: var(--_cp-gap);
  }
  section + section,
  p + section,
  .customize + section {
    margin-top: var(--_inbox-space-6);
  }

  dl {
    margin: 0;
    display: grid;
    gap: var(--_inbox-space-4);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(4rem, 6.5rem) minmax(0, 1fr) auto;
    gap: var(--_inbox-space-2) var(--_inbox-space-3);
    align-items: start;
  }
  dt {
    color: var(--_inbox-color-text-muted);
    overflow-wrap: anywhere;
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  dd ul,
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .unset,
  .muted,
  .empty {
    color: var(--_inbox-color-text-muted);
  }
  .code {
    color: var(--_inbox-color-text-muted);
    font-size: var(--_inbox-font-size-sm);
    margin-inline-start: var(--_inbox-space-2);
  }
  .field .editor {
    grid-column: 2 / -1;
  }
  /* Narrow (a pane or sheet): the label and Edit on one line, the value whole on the next. */
  :host(:state(narrow)) .field {
    grid-template-columns: minmax(0, 1fr) auto;
    row-gap: var(--_inbox-space-1);
  }
  :host(:state(narrow)) .field > dt {
    grid-area: 1 / 1;
    align-self: center;
  }
  :host(:state(narrow)) .field > dd:nth-of-type(1) {
    grid-area: 2 / 1 / auto / -1;
    overflow-wrap: break-word;
  }
  :host(:state(narrow)) .field > dd:nth-of-type(2) {
    grid-area: 1 / 2;
  }
  :host(:state(narrow)) .field > .editor-cell {
    grid-area: 2 / 1 / auto / -1;
  }
  .editor {
    display: grid;
    gap: var(--_inbox-space-2);
  }
  .entry {
    display: flex;
    gap: var(--_inbox-space-2);
    align-items: center;
  }
  .error {
    margin: 0;
    color: var(--_cp-error);
    font-size: var(--_inbox-font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_inbox-space-2);
  }

  .customize {
    margin-top: var(--_inbox-space-4);
  }
  .customize-menu {
    margin-top: var(--_inbox-space-3);
    padding: var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface-raised);
  }
  .customize-menu li {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-1) 0;
  }
  .customize-menu label {
    flex: 1;
    display: flex;
    gap: var(--_inbox-space-2);
    align-items: center;
  }
  .customize-menu input[type='checkbox'] {
    flex: none;
    margin: 0;
  }

  .suggestion,
  .conversation,
  .call,
  .activity {
    padding: var(--_inbox-space-3) 0;
    border-bottom: 1px solid var(--_inbox-color-border);
  }
  .call {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-2) var(--_inbox-space-3);
  }
  .call .meta {
    flex-basis: 100%;
  }
  /* Who did it, beside what they did. */
  .activity:has(> .avatar) {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--_inbox-space-3);
    align-items: start;
  }
  .activity:has(> .avatar) > :not(.avatar) {
    grid-column: 2;
  }
  .activity > .avatar {
    --avatar-size: 1.25rem;
    grid-row: span 3;
  }
  .suggestion .actions {
    margin-top: var(--_inbox-space-2);
  }
  .confirm {
    margin-top: var(--_inbox-space-2);
    padding: var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface-raised);
  }
  .confirm p {
    margin: 0 0 var(--_inbox-space-2);
  }

  button.conversation {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_inbox-space-1) var(--_inbox-space-3);
    inline-size: 100%;
    text-align: start;
    border: 0;
    border-bottom: 1px solid var(--_inbox-color-border);
    border-radius: 0;
    background: none;
    padding: var(--_inbox-space-3) var(--_inbox-space-2);
  }
  button.conversation:hover {
    background: var(--_inbox-color-surface-raised);
  }
  .subject {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: block;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .body {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'],
    ::slotted([slot='tab'][aria-selected='true']) {
      border-bottom-color: Highlight;
    }
    input[aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
