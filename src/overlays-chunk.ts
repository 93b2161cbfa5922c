/** The script-tag bundle's on-demand chunk for the dialogs (loadOverlayElements()). */
import './define-overlays.js';

export * from './overlays.js';
