/**
 * A React 19 host as `npm run typecheck:hosts` checks it against the built
 * package (dist/, through package.json's exports): inbox-elements/jsx makes
 * the tags known to JSX, with their attributes, properties and events.
 * (TypeScript never reports an unknown hyphenated JSX attribute, such as a
 * misspelt `onstore-chnge`: only known ones are type-checked.)
 */
import type {} from 'inbox-elements/jsx';
import 'inbox-elements/define';
import type { InboxStore, StoreChangeEvent } from 'inbox-elements';
import { useRef } from 'react';

export function Inbox({ store }: { store: InboxStore }) {
  const app = useRef<HTMLElementTagNameMap['inbox-app']>(null);
  const onStore = (event: StoreChangeEvent) => event.store?.ready;
  return (
    <>
      <inbox-app
        ref={app}
        demo
        user="u-ana"
        sync-url
        conversations={500}
        className="inbox"
        style={{ height: '100%' }}
        onstore-change={onStore}
        onconversation-open={(event) => console.log(event.conversationId.toUpperCase())}
        oncall-answer={(event) => event.preventDefault()}
        onclose={(event) => console.log(event.type)}
      />
      <inbox-provider store={store} locale="fr">
        <inbox-list mode="calls" no-undo-toast onselection-change={(event) => event.ids.size} />
        <snooze-picker ids={['c-00001']} noTrigger onclose={(event) => event.reason} />
        <conversation-view conversation-id="c-00042" linkBuilder={(c, m) => `/inbox/${c}${m ? `#${m}` : ''}`} />
      </inbox-provider>

      {/* @ts-expect-error conversations is a number */}
      <inbox-app conversations="many" />
      {/* @ts-expect-error no such attribute */}
      <inbox-app colour="red" />
      {/* @ts-expect-error a StoreChangeEvent has no `ids` */}
      <inbox-app onstore-change={(event) => event.ids} />
      {/* @ts-expect-error mode is a ListMode */}
      <inbox-list mode="everything" />
      {/* @ts-expect-error no such property */}
      <inbox-list stores={[]} />
    </>
  );
}
