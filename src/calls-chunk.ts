/** The script-tag bundle's on-demand chunk for the calls (loadCallElements()). */
import './define-calls.js';

export * from './calls.js';
