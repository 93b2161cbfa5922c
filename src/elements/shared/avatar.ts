import { css, html, nothing, type TemplateResult } from 'lit';
import { paletteColor } from './palette.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const initialsOf = new Map<string, string>();

/** Up to two initials of a name ("Léa Rousseau" → "LR"), whole graphemes; remembered, as a list renders the same names again and again. */
export function initials(name: string): string {
  let found = initialsOf.get(name);
  if (found === undefined) {
    found = name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => (graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '').toUpperCase())
      .join('');
    if (initialsOf.size >= 5000) initialsOf.clear();
    initialsOf.set(name, found);
  }
  return found;
}

export interface AvatarOf {
  /** What the colour follows: the same person, the same colour everywhere. */
  readonly id: string;
  readonly name: string;
  /** An image URL, when the data has one. */
  readonly avatar?: string | undefined;
}

/**
 * A person's avatar: their image when the data has one, else their initials
 * in white on a colour of the palette chosen by their id. Named for
 * assistive technology by `label` (and a tooltip), else decorative.
 * Sized by `--avatar-size` (default 1.5rem); bots get square corners.
 */
export function avatar(who: AvatarOf, { label, bot = false, part = 'avatar' }: { label?: string; bot?: boolean; part?: string } = {}): TemplateResult {
  const look = `--avatar-color: ${paletteColor(who.id)}`;
  return html`<span
    class=${bot ? 'avatar avatar--bot' : 'avatar'}
    part=${part}
    style=${look}
    role=${label ? 'img' : nothing}
    aria-label=${label ?? nothing}
    aria-hidden=${label ? nothing : 'true'}
    title=${label ?? nothing}
    >${who.avatar ? html`<img src=${who.avatar} alt="" loading="lazy" />` : initials(who.name)}</span
  >`;
}

export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    overflow: hidden;
    inline-size: var(--avatar-size, 1.5rem);
    block-size: var(--avatar-size, 1.5rem);
    border-radius: 50%;
    font-size: calc(var(--avatar-size, 1.5rem) * 0.42);
    font-weight: var(--_inbox-font-weight-bold);
    line-height: 1;
    color: #fff;
    background: var(--avatar-color, var(--_inbox-color-text-muted));
    user-select: none;
  }
  .avatar--bot {
    border-radius: var(--_inbox-radius-sm);
  }
  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
    }
  }
`;
