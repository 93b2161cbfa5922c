import { LitElement, css, html } from 'lit';
import { setLocale } from '../src/i18n/localization.js';
import type { InboxStore } from '../src/store/inbox-store.js';
import { DEMO_USERS, demoSettings, demoStore, demoUrl, type DemoSettings, type DemoTransport } from './demo-store.js';

/**
 * The demo page around <inbox-app>: which backend (the reference server
 * over HTTP, or the in-page MemoryTransport), which user, which language.
 * Each switch reloads with new URL parameters, so two windows can be two
 * agents; the inbox keeps its own state in the same query string.
 */
export class DemoShell extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr);
      height: 100vh;
      height: 100dvh;
      font-family: system-ui, sans-serif;
      font-size: 13px;
      container-type: inline-size;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
      padding: 4px 10px;
      background: #0a5fcc;
      color: white;
      white-space: nowrap;
    }
    h1 {
      font-size: 14px;
      margin: 0 auto 0 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-width: 0;
    }
    select {
      font: inherit;
      max-width: 11rem;
    }
    /* A CRM sidebar's width: the demo's own bar stays one line, its labels go. */
    @container (max-width: 560px) {
      h1,
      .label {
        display: none;
      }
      header {
        justify-content: flex-end;
      }
      select {
        max-width: 7.5rem;
      }
    }
  `;

  readonly #settings: DemoSettings = demoSettings();
  readonly #store: InboxStore = demoStore(this.#settings);

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.#settings.lang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store.destroy();
  }

  #go(change: Partial<DemoSettings>): void {
    location.search = demoUrl(change);
  }

  override render() {
    const s = this.#settings;
    const value = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`
      <header>
        <h1>inbox-elements demo</h1>
        <label
          ><span class="label">Backend</span>
          <select aria-label="Backend" @change=${(e: Event) => this.#go({ transport: value(e) as DemoTransport })}>
            <option value="http" ?selected=${s.transport === 'http'}>Reference server (HTTP)</option>
            <option value="memory" ?selected=${s.transport === 'memory'}>In-page (memory, simulated traffic)</option>
          </select></label
        >
        <label
          ><span class="label">User</span>
          <select aria-label="User" @change=${(e: Event) => this.#go({ userId: value(e) })}>
            ${DEMO_USERS.map((u) => html`<option value=${u.id} ?selected=${u.id === s.userId}>${u.label}</option>`)}
          </select></label
        >
        <label
          ><span class="label">Language</span>
          <select aria-label="Language" @change=${(e: Event) => this.#go({ lang: value(e) as DemoSettings['lang'] })}>
            <option value="en" ?selected=${s.lang === 'en'}>English</option>
            <option value="fr" ?selected=${s.lang === 'fr'}>Français</option>
            <option value="es" ?selected=${s.lang === 'es'}>Español</option>
          </select></label
        >
      </header>
      <inbox-app .store=${this.#store} sync-url></inbox-app>
    `;
  }
}

customElements.define('demo-shell', DemoShell);
