/** The script-tag bundle's on-demand chunk for the contact panel (loadContactElements()). */
import './define-contact.js';

export * from './contact.js';
