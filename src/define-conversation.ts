/**
 * Registers the conversation's tags (issue 4's elements), skipping tags
 * already defined. Consumers of the store context: define-inbox.ts, which
 * defines the provider, comes first wherever both are loaded.
 */
import { defineOnce } from './elements/define-once.js';
import { ConversationTimeline } from './elements/conversation-timeline/conversation-timeline.js';
import { MessageComposer } from './elements/message-composer/message-composer.js';
import { ConversationView } from './elements/conversation-view/conversation-view.js';

defineOnce('conversation-timeline', ConversationTimeline);
defineOnce('message-composer', MessageComposer);
defineOnce('conversation-view', ConversationView);
