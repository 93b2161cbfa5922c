import { useState } from 'react';
// The package's React wrappers (@lit/react, generated from its Custom Elements Manifest): the
// elements' properties as props, `on` + PascalCase event props. Importing them registers the tags.
import { InboxApp } from 'inbox-elements/react';

/** One inbox, and what the host does with its events: counts the checked rows in its own markup. */
function Inbox({ id }: { id: string }) {
  const [checked, setChecked] = useState(0);
  return (
    <section className="pane">
      <p>
        {id.toUpperCase()} checked: <output id={`selection-${id}`}>{checked}</output>
      </p>
      <InboxApp id={id} demo user="u-ana" onSelectionChange={(event) => setChecked(event.ids.size)} />
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
