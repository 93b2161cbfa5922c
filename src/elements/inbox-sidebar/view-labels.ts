import { msg } from '@lit/localize';
import type { SidebarKind, SidebarView } from '../../model/views.js';

/**
 * Localized names of the views (DESIGN section 4), from the message keys
 * `sidebarViews()` gives (`view.mine`, `view.channel.email`). Teams and saved
 * views show their own name. Functions, not a table of strings: msg() must
 * run at render time to follow setLocale().
 */
const LABELS: Readonly<Record<string, () => string>> = {
  'view.all': () => msg('All', { id: 'view.all', desc: 'Sidebar view: every open conversation' }),
  'view.mine': () => msg('Mine', { id: 'view.mine', desc: 'Sidebar view: conversations assigned to me' }),
  'view.unassigned': () => msg('Unassigned', { id: 'view.unassigned' }),
  'view.mentions': () => msg('Mentions', { id: 'view.mentions', desc: 'Sidebar view: conversations where I am @mentioned' }),
  'view.new': () => msg('New', { id: 'view.new', desc: 'Sidebar view: the queue awaiting an agent' }),
  'view.waiting': () => msg('Waiting', { id: 'view.waiting', desc: 'Sidebar view: the queue awaiting the contact' }),
  'view.bots': () => msg('Bots', { id: 'view.bots', desc: 'Sidebar view: conversations owned by a bot' }),
  'view.done': () => msg('Done', { id: 'view.done', desc: 'Sidebar folder: closed conversations' }),
  'view.snoozed': () => msg('Snoozed', { id: 'view.snoozed' }),
  'view.sent': () => msg('Sent', { id: 'view.sent', desc: 'Sidebar folder: started by us, no reply yet' }),
  'view.spam': () => msg('Spam', { id: 'view.spam' }),
  'view.trash': () => msg('Trash', { id: 'view.trash' }),
  'view.blocked': () => msg('Blocked', { id: 'view.blocked', desc: 'Sidebar folder: conversations of blocked contacts' }),
  'view.channel.sms': () => msg('SMS', { id: 'view.channel.sms' }),
  'view.channel.call': () => msg('Calls', { id: 'view.channel.call' }),
  'view.channel.whatsapp': () => msg('WhatsApp', { id: 'view.channel.whatsapp' }),
  'view.channel.email': () => msg('E-mail', { id: 'view.channel.email' }),
  'view.channel.chat': () => msg('Chat', { id: 'view.channel.chat' }),
  'view.channel.messenger': () => msg('Messenger', { id: 'view.channel.messenger' }),
  'view.channel.instagram': () => msg('Instagram', { id: 'view.channel.instagram' }),
  'view.channel.x': () => msg('X', { id: 'view.channel.x' }),
  'view.channel.tiktok': () => msg('TikTok', { id: 'view.channel.tiktok' }),
  'view.channel.form': () => msg('Forms', { id: 'view.channel.form' }),
};

/** The name a person sees for a sidebar view. */
export function viewLabel(view: Pick<SidebarView, 'labelKey' | 'name' | 'id'>): string {
  return view.name ?? LABELS[view.labelKey]?.() ?? view.id;
}

/** The heading of a sidebar section. */
export function sectionLabel(kind: SidebarKind): string {
  switch (kind) {
    case 'inbox':
      return msg('Inboxes', { id: 'sidebar.section.inbox' });
    case 'team':
      return msg('Teams', { id: 'sidebar.section.team' });
    case 'channel':
      return msg('Channels', { id: 'sidebar.section.channel' });
    case 'saved':
      return msg('Saved views', { id: 'sidebar.section.saved' });
    case 'folder':
      return msg('Folders', { id: 'sidebar.section.folder' });
  }
}

export const SIDEBAR_SECTIONS: readonly SidebarKind[] = ['inbox', 'team', 'channel', 'saved', 'folder'];
