/**
 * Registers `<contact-panel>`, skipping it if defined. The script-tag bundle
 * loads it on demand (loadContactElements()): a conversation shows without
 * it until its contact is asked for (the Contact button, or a container
 * wide enough for the contact pane).
 */
import { defineOnce } from './elements/define-once.js';
import { ContactPanel } from './elements/contact-panel/contact-panel.js';
import { addPersonRules } from './model/rules.js';
import { CONTACT_RULES } from './model/rules.contacts.js';

// The panel's commands (a contact's details, merging) apply at once in this page.
addPersonRules(CONTACT_RULES);
defineOnce('contact-panel', ContactPanel);
