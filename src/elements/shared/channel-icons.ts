import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { Clipboard, LetterX, Mail, MessageCircle, MessageCircleMore, MessageSquareText, MessagesSquare, Camera, Music, Phone } from 'lucide';
import type { ChannelKind } from '../../model/types.js';
import { icon, type IconNode } from './icons.js';

/**
 * One Lucide glyph per channel kind. Lucide has no brand logos (and a
 * brand set's filled logos would cost ~3 kB gzip of the bundle): the
 * networks get the nearest generic glyph, and every glyph carries the
 * channel's name (aria-label and tooltip).
 */
export const CHANNEL_ICONS: Record<ChannelKind, IconNode> = {
  sms: MessageSquareText,
  call: Phone,
  whatsapp: MessageCircle,
  email: Mail,
  chat: MessagesSquare,
  messenger: MessageCircleMore,
  instagram: Camera,
  x: LetterX,
  tiktok: Music,
  form: Clipboard,
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
export function channelIcon(kind: ChannelKind, size = 16): TemplateResult {
  return icon(CHANNEL_ICONS[kind], { label: channelLabel(kind), size, part: 'channel', className: 'channel' });
}
