/**
 * The script-tag bundle's on-demand chunk for the conversation
 * (loadConversationElements()): registers its tags and hands over its API.
 */
import './define-conversation.js';

export * from './conversation.js';
