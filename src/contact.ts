/**
 * The contact panel's part of the public API: its element and event.
 * index.ts re-exports it; the script-tag bundle loads it on demand
 * (loadContactElements()). No side effects.
 */
export { ContactPanel } from './elements/contact-panel/contact-panel.js';
export { ContactFieldsChangeEvent } from './events/contact-fields-change.js';
