import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { SignalHigh, SignalLow, SignalMedium, TriangleAlert } from 'lucide';
import type { Priority } from '../../model/types.js';
import { icon, type IconNode } from './icons.js';

export function priorityLabel(priority: Priority): string {
  switch (priority) {
    case 'urgent':
      return msg('Urgent', { id: 'list.priority.urgent' });
    case 'high':
      return msg('High', { id: 'list.priority.high' });
    case 'medium':
      return msg('Medium', { id: 'list.priority.medium' });
    case 'low':
      return msg('Low', { id: 'list.priority.low' });
    case 'none':
      return msg('No priority', { id: 'list.priority.none' });
  }
}

const GLYPHS: Record<Exclude<Priority, 'none'>, IconNode> = {
  urgent: TriangleAlert,
  high: SignalHigh,
  medium: SignalMedium,
  low: SignalLow,
};

/**
 * A conversation's priority as its own glyph and colour (not a label):
 * bars for low, medium and high, a warning sign for urgent; nothing for none.
 * Named "Priority: High" for assistive technology and as a tooltip.
 */
export function priorityGlyph(priority: Priority, size = 16): TemplateResult | typeof nothing {
  if (priority === 'none') return nothing;
  const label = `${msg('Priority:', { id: 'list.row.priorityPrefix' })} ${priorityLabel(priority)}`;
  return html`<span class="priority priority--${priority}" part="priority">${icon(GLYPHS[priority], { label, size })}</span>`;
}

export const priorityStyles = css`
  .priority {
    display: inline-flex;
    flex: none;
    color: var(--_inbox-color-text-muted);
  }
  .priority--high {
    color: var(--_inbox-status-waiting);
  }
  .priority--urgent {
    color: var(--_inbox-status-blocked);
  }
`;
