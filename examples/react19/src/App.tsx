import { useState } from 'react';
// The tags' JSX types (attributes, properties, on<event-name> props typed with the event classes),
// generated from the package's Custom Elements Manifest.
import type {} from 'inbox-elements/jsx';

/** One inbox, and what the host does with its events: counts the checked rows in its own markup. */
function Inbox({ id }: { id: string }) {
  const [checked, setChecked] = useState(0);
  return (
    <section className="pane">
      <p>
        {id.toUpperCase()} checked: <output id={`selection-${id}`}>{checked}</output>
      </p>
      {/* React 19: `demo` and `user` are set as properties, `onselection-change` listens to `selection-change`. */}
      <inbox-app id={id} demo user="u-ana" onselection-change={(event) => setChecked(event.ids.size)} />
    </section>
  );
}

/** Two inboxes side by side, each with its own in-page demo backend. */
export function App() {
  return (
    <div className="pair">
      <Inbox id="a" />
      <Inbox id="b" />
    </div>
  );
}
