import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ChannelKind } from '../../model/types.js';

/** 24×24 outline glyphs, one per channel kind, drawn with `currentColor`. */
const PATHS: Record<ChannelKind, SVGTemplateResult> = {
  sms: svg`<path d="M4 5h16v11H9l-5 4z"/><path d="M8 10h8M8 13h5"/>`,
  call: svg`<path d="M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"/>`,
  whatsapp: svg`<path d="M4 20l1.5-4.5A8 8 0 1 1 9 19z"/><path d="M9 9c0 3 3 6 6 6"/>`,
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>`,
  chat: svg`<path d="M4 4h16v12h-7l-5 4v-4H4z"/>`,
  messenger: svg`<path d="M12 3a9 8.5 0 0 0-5 15.5V21l3-1.6A9 8.5 0 1 0 12 3z"/><path d="M7 14l3.5-3.5 2.5 2 4-3.5"/>`,
  instagram: svg`<rect x="4" y="4" width="16" height="16" rx="5"/><circle cx="12" cy="12" r="3.5"/><circle cx="17" cy="7" r="0.8"/>`,
  x: svg`<path d="M5 4l14 16M19 4L5 20"/>`,
  tiktok: svg`<path d="M14 4v10.5a3.5 3.5 0 1 1-3.5-3.5"/><path d="M14 4a5 5 0 0 0 5 5"/>`,
  form: svg`<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M9 8h6M9 12h6M9 16h4"/>`,
};

/** The localized name of a channel kind. */
export function channelLabel(kind: ChannelKind): string {
  switch (kind) {
    case 'sms':
      return msg('SMS', { id: 'list.channel.sms' });
    case 'call':
      return msg('Call', { id: 'list.channel.call' });
    case 'whatsapp':
      return msg('WhatsApp', { id: 'list.channel.whatsapp' });
    case 'email':
      return msg('E-mail', { id: 'list.channel.email' });
    case 'chat':
      return msg('Live chat', { id: 'list.channel.chat' });
    case 'messenger':
      return msg('Messenger', { id: 'list.channel.messenger' });
    case 'instagram':
      return msg('Instagram', { id: 'list.channel.instagram' });
    case 'x':
      return msg('X', { id: 'list.channel.x' });
    case 'tiktok':
      return msg('TikTok', { id: 'list.channel.tiktok' });
    case 'form':
      return msg('Form', { id: 'list.channel.form' });
  }
}

/** The glyph of a channel kind, named for assistive technology. */
export function channelIcon(kind: ChannelKind): TemplateResult {
  const label = channelLabel(kind);
  return html`<svg class="channel" part="channel" role="img" aria-label=${label} viewBox="0 0 24 24" width="16" height="16"
    fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><title>${label}</title>${PATHS[kind]}</svg>`;
}
