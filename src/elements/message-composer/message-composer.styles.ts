import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    container: composer / inline-size;
    --_composer-background: var(--inbox-composer-background, var(--_inbox-color-surface));
    /* A yellow surface for internal comments; text colours keep 4.5:1 on it, light and dark. */
    --_composer-internal-background: var(--inbox-composer-internal-background, #fbf0c0);
    --_composer-internal-border: var(--inbox-composer-internal-border, #9a6700);
    --_composer-send-color: var(--inbox-composer-send-color, #ffffff);
    --_composer-min-rows-height: var(--inbox-composer-min-height, 2.5rem);
    --_composer-max-height: var(--inbox-composer-max-height, 16rem);
    color: var(--_inbox-color-text);
    font-size: var(--_inbox-font-size);
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_composer-internal-background: var(--inbox-composer-internal-background, light-dark(#fbf0c0, #2f2a14));
      --_composer-internal-border: var(--inbox-composer-internal-border, light-dark(#9a6700, #d29922));
      --_composer-send-color: var(--inbox-composer-send-color, light-dark(#ffffff, #0d1117));
    }
  }


  .composer {
    flex: 1 1 auto;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-2) var(--_inbox-space-4);
    border-block-start: 1px solid var(--_inbox-color-border);
    background: var(--_composer-background);
  }
  .composer.internal {
    background: var(--_composer-internal-background);
    border-block-start: 2px solid var(--_composer-internal-border);
  }
  .composer.dragover {
    outline: 2px dashed var(--_inbox-color-accent);
    outline-offset: -4px;
  }

  /* One row: the mode switch, then the channel (or the internal label). */
  .head {
    display: flex;
    align-items: center;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
  }
  .tabs {
    flex: none;
    display: flex;
    gap: var(--_inbox-space-1);
  }
  .tab {
    padding-block: var(--_inbox-space-1);
    white-space: nowrap;
  }
  .tab .short {
    display: none;
  }
  /* The chosen tab's text stays the text colour here; the accent underlines it. */
  .tab[aria-selected='true'] {
    color: var(--_inbox-color-text);
    border-block-end-color: var(--_inbox-color-accent);
  }
  .composer.internal .tab[aria-selected='true'] {
    border-block-end-color: var(--_composer-internal-border);
  }

  .panel {
    flex: 1 1 auto;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_inbox-space-2);
  }

  .internal-label {
    flex: 1 1 auto;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_inbox-space-3);
    min-inline-size: 0;
    margin: 0;
    font-size: var(--_inbox-font-size-sm);
  }
  .internal-text {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .badge {
    flex: none;
    display: inline-block;
    padding: 0 var(--_inbox-space-3);
    border: 1px solid var(--_composer-internal-border);
    border-radius: var(--_inbox-radius-pill);
    font-weight: var(--_inbox-font-weight-bold);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  .via {
    flex: 1 1 auto;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
  }
  .via select {
    flex: 0 1 auto;
    min-inline-size: 4.5rem;
    max-inline-size: 18rem;
    text-overflow: ellipsis;
  }
  .via-only {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  select {
    max-inline-size: 100%;
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    color: var(--_inbox-color-text);
  }

  /* The field grows with its text, and shrinks (then scrolls) when the composer is given less room. */
  .field {
    position: relative;
    flex: 0 1 auto;
    min-block-size: var(--_composer-min-rows-height);
    display: flex;
    flex-direction: column;
  }
  textarea {
    display: block;
    flex: 0 1 auto;
    inline-size: 100%;
    min-block-size: var(--_composer-min-rows-height);
    max-block-size: var(--_composer-max-height);
    field-sizing: content;
    resize: none;
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius);
    background: var(--_inbox-color-surface);
    line-height: var(--_inbox-line-height);
  }
  textarea::placeholder {
    color: var(--_inbox-color-text-muted);
    opacity: 1;
  }
  .composer.internal textarea {
    border-color: var(--_composer-internal-border);
  }

  .mentions {
    list-style: none;
    min-inline-size: 14rem;
    max-block-size: 16rem;
    overflow: auto;
    background: var(--inbox-composer-mentions-background, var(--_inbox-color-surface));
  }
  .mentions:not([popover]) {
    inset-block-end: 100%;
    inset-inline-start: 0;
  }
  @supports (anchor-name: --a) {
    .mentions[popover] {
      inset: auto;
      bottom: anchor(top);
      left: anchor(left);
      margin-block-end: var(--_inbox-space-2);
      position-try-fallbacks: flip-block;
    }
  }
  .mention {
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border-radius: var(--_inbox-radius);
    cursor: pointer;
  }
  .mention[aria-selected='true'] {
    background: color-mix(in srgb, var(--_inbox-color-accent) 16%, var(--_inbox-color-surface));
    outline: 1px solid var(--_inbox-color-accent);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    max-inline-size: 100%;
    padding: var(--_inbox-space-1) var(--_inbox-space-2) var(--_inbox-space-1) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-pill);
    background: var(--_inbox-color-surface-raised);
    font-size: var(--_inbox-font-size-sm);
  }
  .chip.failed {
    border-color: var(--_inbox-status-blocked);
  }
  .chip .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-inline-size: 16rem;
  }
  .chip .size,
  .chip .progress {
    color: var(--_inbox-color-text-muted);
  }
  .chip .problem {
    color: var(--_inbox-status-blocked);
  }
  .chip button {
    padding: 0 var(--_inbox-space-2);
    border: none;
    border-radius: var(--_inbox-radius-pill);
    background: none;
    cursor: pointer;
    line-height: 1.2;
  }
  .chip button:hover {
    background: var(--_inbox-color-border);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_inbox-space-3);
    padding: var(--_inbox-space-2) var(--_inbox-space-3);
    border: 1px solid var(--_inbox-status-blocked);
    border-radius: var(--_inbox-radius);
    background: color-mix(in srgb, var(--_inbox-status-blocked) 10%, var(--_inbox-color-surface));
  }
  .error .message {
    flex: 1;
    min-inline-size: 12rem;
  }

  /* One row of tools that never wraps: icons, the status (cut short), the hint when there is room, Send. */
  .actions {
    flex: none;
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--_inbox-space-2);
    min-inline-size: 0;
  }
  .tool {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--_inbox-radius);
    background: none;
    color: var(--_inbox-color-text-muted);
    cursor: pointer;
  }
  .tool:hover {
    background: var(--_inbox-color-surface-raised);
    color: var(--_inbox-color-text);
  }
  .status,
  .hint {
    font-size: var(--_inbox-font-size-sm);
    color: var(--_inbox-color-text-muted);
    white-space: nowrap;
  }
  .status {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .failed {
    color: var(--_inbox-status-blocked);
  }
  .hint {
    flex: none;
  }
  .actions .button {
    flex: none;
    padding-block: var(--_inbox-space-1);
    white-space: nowrap;
  }
  .send {
    border-color: var(--inbox-composer-send-background, var(--_inbox-color-accent));
    background: var(--inbox-composer-send-background, var(--_inbox-color-accent));
    color: var(--_composer-send-color);
    font-weight: var(--_inbox-font-weight-medium);
  }
  .send:hover {
    background: color-mix(in srgb, var(--inbox-composer-send-background, var(--_inbox-color-accent)) 85%, black);
  }
  svg {
    flex: none;
  }

  .empty {
    margin: 0;
    padding: var(--_inbox-space-4);
    color: var(--_inbox-color-text-muted);
  }

  @container composer (width < 34rem) {
    .hint,
    .via label {
      display: none;
    }
  }
  @container composer (width < 26rem) {
    .tab .long,
    .internal-text {
      display: none;
    }
    .tab .short {
      display: inline;
    }
    .composer {
      padding-inline: var(--_inbox-space-3);
    }
  }
`;
