import { css, html, type TemplateResult } from 'lit';
import { paletteColor } from './palette.js';

/**
 * The custom property a host sets to choose a label's colour:
 * `--inbox-label-<slug>`, the slug being the label in lower case with
 * anything but letters and digits as `-` (`VIP customers` →
 * `--inbox-label-vip-customers`). Unset, a colour of the palette chosen by
 * the label's name.
 */
export const labelProperty = (label: string): string =>
  `--inbox-label-${label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

const chipStyles = new Map<string, string>();

/** The chip's colour for a label: worked out once per label (a list renders the same few again and again). */
function chipStyle(label: string): string {
  let style = chipStyles.get(label);
  if (style === undefined) {
    style = `--label-color: var(${labelProperty(label)}, ${paletteColor(label)})`;
    if (chipStyles.size >= 1000) chipStyles.clear();
    chipStyles.set(label, style);
  }
  return style;
}

/** A label as a chip with its colour as a dot: the text keeps the surface's contrast. */
export function labelChip(label: string, part = 'label'): TemplateResult {
  return html`<span class="label-chip" part=${part} style=${chipStyle(label)}>${label}</span>`;
}

export const labelStyles = css`
  .label-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    max-inline-size: 10rem;
    padding: 0 var(--_inbox-space-3) 0 var(--_inbox-space-2);
    border: 1px solid var(--_inbox-color-border);
    border-radius: var(--_inbox-radius-pill);
    font-size: var(--_inbox-font-size-sm);
    line-height: 1.4;
    color: var(--_inbox-color-text);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .label-chip::before {
    content: '';
    flex: none;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: var(--label-color);
  }
`;
