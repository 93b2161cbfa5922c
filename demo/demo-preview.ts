import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Subscription } from 'rxjs';
import { hasTabs, STATUS_TABS, type SidebarView, type StatusTab } from '../src/model/views.js';
import type { Conversation, TimelineItem } from '../src/model/types.js';
import { dotCount } from '../src/model/indicators.js';
import { InboxStore, type StoreState } from '../src/store/inbox-store.js';
import { selectUser } from '../src/store/selectors.js';
import { setLocale } from '../src/i18n/localization.js';
import { DEMO_USERS, demoSettings, demoStore, demoUrl, type DemoTransport } from './demo-store.js';
import { displayState } from '../src/model/display.js';


const LABELS: Record<string, string> = {
  'view.all': 'All open', 'view.mine': 'Mine', 'view.unassigned': 'Unassigned', 'view.mentions': 'Mentions',
  'view.new': 'New', 'view.waiting': 'Waiting', 'view.bots': 'Bots', 'view.done': 'Done', 'view.snoozed': 'Snoozed',
  'view.sent': 'Sent', 'view.spam': 'Spam', 'view.trash': 'Trash', 'view.blocked': 'Blocked',
};


/** A development preview of the inbox over one InboxStore; issue 3 replaces it with <inbox-app>. */
export class DemoPreview extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-rows: auto 1fr; height: 100vh; font-size: 14px; }
    header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #8884; }
    header h1 { font-size: 15px; margin: 0 auto 0 0; }
    main { display: grid; grid-template-columns: 220px minmax(280px, 420px) 1fr; min-height: 0; }
    nav, section, article { overflow: auto; border-right: 1px solid #8884; }
    nav button { display: flex; width: 100%; justify-content: space-between; border: 0; background: none;
      padding: 6px 12px; font: inherit; color: inherit; cursor: pointer; text-align: left; }
    nav button[aria-current='true'] { background: #3b82f622; font-weight: 600; }
    nav .dot { color: #2563eb; }
    .tabs { display: flex; gap: 4px; padding: 8px; position: sticky; top: 0; background: Canvas; }
    .row { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; padding: 8px 12px; border-bottom: 1px solid #8882; cursor: pointer; }
    .row[aria-selected='true'] { background: #3b82f611; }
    .row .name { font-weight: 600; }
    .row .preview { grid-column: 1 / -1; opacity: 0.75; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    article { padding: 12px 16px; }
    .item { margin: 6px 0; padding: 6px 10px; border-radius: 8px; max-width: 70%; background: #8881; }
    .item.out { margin-left: auto; background: #3b82f622; }
    .item.internal { background: #f59e0b22; font-style: italic; }
    .actions { display: flex; gap: 6px; flex-wrap: wrap; margin: 8px 0 16px; }
    .count { opacity: 0.7; }
  `;

  @state() private snapshot: StoreState | undefined;
  readonly #settings = demoSettings();
  #store: InboxStore | undefined;
  #subscription: Subscription | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.#settings.lang);
    this.#store = demoStore(this.#settings);
    if (this.#settings.userId === 'u-sam') this.#store.setView('mine');
    this.#subscription = this.#store.select((s) => s).subscribe((s) => (this.snapshot = s));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#store?.destroy();
  }

  #go(change: Parameters<typeof demoUrl>[0]): void {
    location.search = demoUrl(change);
  }

  override render() {
    const s = this.snapshot;
    const store = this.#store;
    if (!s || !store || !s.ready) {
      return html`<p style="padding:16px">Loading the demo inbox… (${this.#settings.transport === 'http' ? 'is the reference server running? npm start runs it' : 'generating demo data'})</p>`;
    }
    const views = store.selectors.views(s);
    const counts = store.selectors.counts(s);
    const list = store.selectors.list(s);
    const open = s.ui.openId ? s.model.conversations.get(s.ui.openId) : undefined;
    return html`
      <header>
        <h1>inbox-elements · preview (${selectUser(s)?.name})</h1>
        <label>Backend <select @change=${(e: Event) => this.#go({ transport: (e.target as HTMLSelectElement).value as DemoTransport })}>
          <option value="http" ?selected=${this.#settings.transport === 'http'}>Reference server (HTTP)</option>
          <option value="memory" ?selected=${this.#settings.transport === 'memory'}>In-page (memory)</option>
        </select></label>
        <label>User <select @change=${(e: Event) => this.#go({ userId: (e.target as HTMLSelectElement).value })}>
          ${DEMO_USERS.map((u) => html`<option value=${u.id} ?selected=${u.id === this.#settings.userId}>${u.label}</option>`)}
        </select></label>
        <label>Language <select @change=${(e: Event) => this.#go({ lang: (e.target as HTMLSelectElement).value as 'en' })}>
          ${(['en', 'fr', 'es'] as const).map((l) => html`<option value=${l} ?selected=${l === this.#settings.lang}>${{ en: 'English', fr: 'Français', es: 'Español' }[l]}</option>`)}
        </select></label>
      </header>
      <main>
        <nav aria-label="Views">${views.map((v) => this.#viewButton(v, s, counts.get(v.id)))}</nav>
        <section aria-label="Conversations">
          ${hasTabs(s.ui.view)
            ? html`<div class="tabs" role="tablist">${STATUS_TABS.map((tab) => this.#tab(tab, s.ui.tab))}</div>`
            : nothing}
          <div class="count">${list.length} conversations</div>
          ${repeat(list.slice(0, 200), (c) => c.id, (c) => this.#row(c, s))}
        </section>
        <article aria-label="Conversation">${open ? this.#conversation(open, s) : html`<p>Pick a conversation.</p>`}</article>
      </main>
    `;
  }

  #viewButton(view: SidebarView, s: StoreState, count: number | undefined) {
    const dots = dotCount(s.ui.dots, view.id);
    return html`<button aria-current=${s.ui.view === view.id} @click=${() => this.#store?.setView(view.id)}>
      <span>${view.name ?? LABELS[view.labelKey] ?? view.labelKey.replace(/^view\.(channel\.)?/, '')}</span>
      <span>${dots ? html`<span class="dot">● ${dots}</span> ` : nothing}${count ?? ''}</span>
    </button>`;
  }

  #tab(tab: StatusTab, current: StatusTab) {
    return html`<button role="tab" aria-selected=${tab === current} @click=${() => this.#store?.setTab(tab)}>${tab}</button>`;
  }

  #row(c: Conversation, s: StoreState) {
    const contact = s.model.contacts.get(c.contactId);
    const time = c.lastMessage ? new Date(c.lastMessage.at).toLocaleString() : '';
    return html`<div class="row" aria-selected=${c.id === s.ui.openId} @click=${() => this.#open(c.id)}>
      <span class="name">${contact?.name ?? c.contactId} ${c.pinned ? '· pinned' : ''}</span>
      <status-badge state=${displayState(s.model, c, s.userId)}></status-badge>
      <span class="preview">${c.subject ? `${c.subject} — ` : ''}${c.lastMessage?.preview ?? ''} · ${time}</span>
    </div>`;
  }

  #open(id: string): void {
    this.#store?.openConversation(id);
    void this.#store?.loadTimeline(id);
  }

  #conversation(c: Conversation, s: StoreState) {
    const store = this.#store!;
    const ids = [c.id];
    const timeline: readonly TimelineItem[] = s.model.timelines.get(c.id) ?? [];
    return html`
      <h2>${s.model.contacts.get(c.contactId)?.name} <status-badge state=${displayState(s.model, c, s.userId)}></status-badge></h2>
      <div class="actions">
        <button @click=${() => store.dispatch('markDone', { ids })}>Done (E)</button>
        <button @click=${() => store.dispatch('markOpen', { ids })}>Open (O)</button>
        <button @click=${() => store.dispatch('markUnread', { ids })}>Unread (U)</button>
        <button @click=${() => store.dispatch('markWaiting', { ids })}>Waiting</button>
        <button @click=${() => store.dispatch('assign', { ids, assignee: { type: 'user', id: s.userId } })}>Assign to me</button>
        <button ?disabled=${!s.lastUndoable} @click=${() => store.undo()}>Undo (Z)</button>
      </div>
      ${repeat(timeline, (item) => item.id, (item) => this.#item(item))}
    `;
  }

  #item(item: TimelineItem) {
    switch (item.type) {
      case 'message':
        return html`<div class="item ${item.direction}">${item.body}</div>`;
      case 'call':
        return html`<div class="item ${item.direction}">📞 ${item.state} ${item.duration ? `(${item.duration}s)` : ''}</div>`;
      case 'comment':
      case 'note':
        return html`<div class="item internal">${item.body}</div>`;
      case 'event':
        return html`<div class="item internal">${item.kind}${item.detail ? `: ${item.detail}` : ''}</div>`;
    }
  }
}

customElements.define('demo-preview', DemoPreview);
