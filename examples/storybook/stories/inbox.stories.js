// A host's own stories of the installed package (not the library's stories).
import 'inbox-elements/define';
import { html } from 'lit';

export default {
  title: 'Host/Inbox',
  component: 'inbox-app',
  parameters: { layout: 'fullscreen' },
};

/** The whole inbox from one tag, on the in-page demo backend. */
export const Demo = {
  args: { user: 'u-ana' },
  render: ({ user }) => html`<inbox-app demo user=${user}></inbox-app>`,
};

/** Two inboxes side by side, each with its own in-page backend; the host counts each one's checked rows. */
export const TwoInboxes = {
  render: () => {
    const count = (id) => (event) => {
      document.getElementById(`selection-${id}`).textContent = String(event.ids.size);
    };
    const pane = (id) => html`<section style="display: grid; grid-template-rows: auto minmax(0, 1fr); min-inline-size: 0">
      <p style="margin: 4px 8px">${id.toUpperCase()} checked: <output id="selection-${id}">0</output></p>
      <inbox-app id=${id} demo user="u-ana" @selection-change=${count(id)}></inbox-app>
    </section>`;
    return html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 8px; block-size: 100vh">${pane('a')}${pane('b')}</div>`;
  },
};
