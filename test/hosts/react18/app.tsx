/**
 * A React 18 host as `npm run typecheck:hosts` checks it against the built
 * package: inbox-elements/react's @lit/react wrappers, with the elements'
 * properties as props and `on` + PascalCase event props.
 */
import { InboxApp, InboxList, InboxProvider, SnoozePicker } from 'inbox-elements/react';
import type { InboxStore } from 'inbox-elements';
import { useRef } from 'react';

export function Inbox({ store }: { store: InboxStore }) {
  const app = useRef<HTMLElementTagNameMap['inbox-app']>(null);
  return (
    <>
      <InboxApp
        ref={app}
        demo
        user="u-ana"
        syncUrl
        conversations={500}
        className="inbox"
        onStoreChange={(event) => event.store?.ready}
        onConversationOpen={(event) => console.log(event.conversationId.toUpperCase())}
        onCallAnswer={(event) => event.preventDefault()}
        onInboxSelectionChange={(event) => event.selection}
      />
      <InboxProvider store={store} locale="fr">
        <InboxList mode="calls" noUndoToast onSelectionChange={(event) => event.ids.size} />
        <SnoozePicker ids={['c-00001']} noTrigger onClose={(event) => event.reason} />
      </InboxProvider>

      {/* @ts-expect-error conversations is a number */}
      <InboxApp conversations="many" />
      {/* @ts-expect-error a StoreChangeEvent has no `ids` */}
      <InboxApp onStoreChange={(event) => event.ids} />
      {/* @ts-expect-error mode is a ListMode */}
      <InboxList mode="everything" />
    </>
  );
}
