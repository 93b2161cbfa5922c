/**
 * The conversation's part of the public API (issue 4): its elements, their
 * events and the model functions they stand on. index.ts re-exports it; the
 * script-tag bundle loads it on demand (loadConversationElements()), since
 * a host showing only the inbox list never needs it. No side effects.
 */

// Elements
export { ConversationView, type LinkBuilder } from './elements/conversation-view/conversation-view.js';
export { ConversationTimeline } from './elements/conversation-timeline/conversation-timeline.js';
export { MessageComposer, COMPOSER_MODES, type ComposerMode, type LinkShortener } from './elements/message-composer/message-composer.js';

// Events
export { ComposerSendEvent } from './events/composer-send.js';
export { ConversationBackEvent } from './events/conversation-back.js';
export { ConversationForwardEvent } from './events/conversation-forward.js';
export { ConversationTranscriptEvent } from './events/conversation-transcript.js';
export { MessageLinkCopyEvent } from './events/timeline-message-link-copy.js';

// Model and store helpers of the conversation
export { replyChannels, reachableChannels } from './model/channels.js';
export { mentionsIn } from './model/mentions.js';
export { loadDraft, saveDraft, clearDraft } from './store/drafts.js';
