import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { StatusBadge, STATES, type BadgeState } from './status-badge.js';
import { setLocale, getLocale, type Locale } from '../../i18n/localization.js';
import { COLOR_TOKENS } from '../../styles/tokens.js';
import meta, * as stories from '../../../stories/status-badge.stories.js';
import type { Story } from '../../../stories/status-badge.stories.js';

const LABELS: Record<Locale, Record<BadgeState, string>> = {
  en: {
    open: 'Open',
    unread: 'Unread',
    done: 'Done',
    new: 'New',
    waiting: 'Waiting',
    sent: 'Sent',
    spam: 'Spam',
    trash: 'Trash',
    blocked: 'Blocked',
    snoozed: 'Snoozed',
  },
  fr: {
    open: 'Ouverte',
    unread: 'Non lue',
    done: 'Terminée',
    new: 'Nouvelle',
    waiting: 'En attente',
    sent: 'Envoyée',
    spam: 'Indésirable',
    trash: 'Corbeille',
    blocked: 'Bloquée',
    snoozed: 'Reportée',
  },
  es: {
    open: 'Abierta',
    unread: 'No leída',
    done: 'Finalizada',
    new: 'Nueva',
    waiting: 'En espera',
    sent: 'Enviada',
    spam: 'Spam',
    trash: 'Papelera',
    blocked: 'Bloqueada',
    snoozed: 'Pospuesta',
  },
};

/** Renders a story as Storybook would, with meta's args under its own. */
async function renderStory(story: Story): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const render = story.render ?? meta.render;
  const locale = story.globals?.locale;
  if (locale !== undefined) await setLocale(locale);
  // Neither render reads the story context.
  const root = await fixture<HTMLElement>(render(args, {} as never));
  await Promise.all(badgesIn(root).map((b) => b.updateComplete));
  return root;
}

const badgesIn = (root: Element): StatusBadge[] => [...root.querySelectorAll('status-badge')];
const part = (el: StatusBadge, name: string): HTMLElement | null =>
  el.shadowRoot?.querySelector<HTMLElement>(`[part~='${name}']`) ?? null;
const text = (el: StatusBadge): string => el.shadowRoot?.textContent.trim() ?? '';

const hexToRgb = (hex: string): string => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
};

describe('<status-badge>', () => {
  afterEach(async () => {
    if (getLocale() !== 'en') await setLocale('en');
  });

  it('is registered by define.ts', () => {
    expect(customElements.get('status-badge')).to.equal(StatusBadge);
    expect(document.createElement('status-badge')).to.be.instanceOf(StatusBadge);
  });

  it('defaults to open, with a text label and a decorative dot', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge></status-badge>`);
    expect(el.state).to.equal('open');
    expect(el.getAttribute('state')).to.equal('open');
    expect(part(el, 'badge')).to.exist;
    expect(part(el, 'dot')?.getAttribute('aria-hidden')).to.equal('true');
    expect(text(el)).to.equal('Open');
    expect(el.matches(':state(open)')).to.be.true;
  });

  it('renders the label of every state (AllStates story)', async () => {
    const root = await renderStory(stories.AllStates);
    const badges = badgesIn(root);
    expect(badges.map((b) => b.state)).to.deep.equal([...STATES]);
    for (const badge of badges) expect(text(badge)).to.equal(LABELS.en[badge.state]);
  });

  it('follows a property change', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge state="unread"></status-badge>`);
    el.state = 'done';
    await el.updateComplete;
    expect(text(el)).to.equal('Done');
    expect(el.getAttribute('state')).to.equal('done');
    expect(el.matches(':state(done)')).to.be.true;
    expect(el.matches(':state(unread)')).to.be.false;
  });

  for (const story of [stories.English, stories.French, stories.Spanish]) {
    const locale = story.globals?.locale ?? 'en';
    it(`is localized in ${locale} (${locale} story)`, async () => {
      const root = await renderStory(story);
      expect(getLocale()).to.equal(locale);
      for (const badge of badgesIn(root)) expect(text(badge)).to.equal(LABELS[locale][badge.state]);
    });
  }

  it('re-renders already connected badges when the locale changes', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge state="waiting" compact></status-badge>`);
    await setLocale('es');
    await el.updateComplete;
    expect(part(el, 'dot')?.getAttribute('aria-label')).to.equal('En espera');
    await setLocale('fr');
    await el.updateComplete;
    expect(part(el, 'dot')?.getAttribute('aria-label')).to.equal('En attente');
  });

  it('names the compact dot by its label (Compact story)', async () => {
    const root = await renderStory(stories.Compact);
    for (const badge of badgesIn(root)) {
      const dot = part(badge, 'dot');
      expect(part(badge, 'badge')).to.be.null;
      expect(dot?.getAttribute('role')).to.equal('img');
      expect(dot?.getAttribute('aria-label')).to.equal(LABELS.en[badge.state]);
      expect(dot?.title).to.equal(LABELS.en[badge.state]);
      expect(badge.matches(':state(compact)')).to.be.true;
    }
  });

  describe('is accessible', () => {
    for (const state of STATES) {
      it(`as ${state}, in full and compact form`, async () => {
        const el = await fixture<StatusBadge>(html`<status-badge state=${state}></status-badge>`);
        await expect(el).to.be.accessible();
        el.compact = true;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }

    it('in the Dark story', async () => {
      const root = await renderStory(stories.Dark);
      await expect(root).to.be.accessible();
    });
  });

  describe('given an unknown state', () => {
    let warnings: unknown[][];
    const originalWarn = console.warn;
    beforeEach(() => {
      warnings = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
    });
    afterEach(() => {
      console.warn = originalWarn;
    });

    it('warns once and renders nothing', async () => {
      const el = await fixture<StatusBadge>(html`<status-badge state="archived"></status-badge>`);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]?.[0])).to.contain('"archived"').and.contain('open, unread');
      expect(el.shadowRoot?.children).to.have.length(0);
      expect(text(el)).to.equal('');
      await expect(el).to.be.accessible();

      await fixture(html`<status-badge state="archived"></status-badge>`);
      expect(warnings).to.have.length(1);
    });

    it('never turns the value into markup', async () => {
      const hostile = '<img src=x onerror="window.__pwned = true">';
      const el = await fixture<StatusBadge>(html`<status-badge state=${hostile}></status-badge>`);
      expect(el.shadowRoot?.querySelector('img')).to.be.null;
      expect(text(el)).to.equal('');
      expect((window as { __pwned?: boolean }).__pwned).to.be.undefined;
    });
  });

  describe('theming', () => {
    const colorOf = (el: StatusBadge, name: string, prop: 'color' | 'backgroundColor' = 'color'): string => {
      const node = part(el, name);
      expect(node, `part ${name}`).to.exist;
      return getComputedStyle(node as HTMLElement)[prop];
    };

    it('uses the light token by default and the dark one with theme="dark"', async () => {
      const el = await fixture<StatusBadge>(html`<status-badge state="unread"></status-badge>`);
      expect(colorOf(el, 'badge')).to.equal(hexToRgb(COLOR_TOKENS['status-unread'][0]));
      el.setAttribute('theme', 'dark');
      expect(colorOf(el, 'badge')).to.equal(hexToRgb(COLOR_TOKENS['status-unread'][1]));
    });

    it('turns dark inside an ancestor with color-scheme: dark (Dark story)', async () => {
      const root = await renderStory(stories.Dark);
      const [first] = badgesIn(root);
      expect(first?.state).to.equal('open');
      expect(colorOf(first as StatusBadge, 'badge')).to.equal(hexToRgb(COLOR_TOKENS['status-open'][1]));
    });

    it('takes --inbox-* tokens set on an ancestor, through nested shadow roots', async () => {
      const root = await fixture<HTMLElement>(html`
        <div style="--inbox-status-spam: rgb(1, 2, 3)"><status-badge state="spam"></status-badge></div>
      `);
      const el = root.querySelector('status-badge') as StatusBadge;
      await el.updateComplete;
      expect(colorOf(el, 'badge')).to.equal('rgb(1, 2, 3)');
      expect(colorOf(el, 'dot', 'backgroundColor')).to.equal('rgb(1, 2, 3)');
    });

    it('takes its own custom properties and ::part() rules, dark theme included', async () => {
      const root = await fixture<HTMLElement>(html`
        <div>
          <style>
            .custom {
              --inbox-badge-color: rgb(10, 20, 30);
              --inbox-badge-dot-color: rgb(40, 50, 60);
            }
            .custom::part(badge) {
              background-color: rgb(200, 100, 0);
            }
          </style>
          <status-badge class="custom" theme="dark" state="blocked"></status-badge>
        </div>
      `);
      const el = root.querySelector('status-badge') as StatusBadge;
      await el.updateComplete;
      expect(colorOf(el, 'badge')).to.equal('rgb(10, 20, 30)');
      expect(colorOf(el, 'dot', 'backgroundColor')).to.equal('rgb(40, 50, 60)');
      expect(colorOf(el, 'badge', 'backgroundColor')).to.equal('rgb(200, 100, 0)');
    });
  });
});
