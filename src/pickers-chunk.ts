/** The script-tag bundle's on-demand chunk for the pickers (loadPickerElements()). */
import './define-pickers.js';

export * from './pickers.js';
