/**
 * The inbox's dialogs in the public API: the shortcut help and the command
 * palette. index.ts re-exports them; the script-tag bundle loads them on
 * demand (loadOverlayElements()). No side effects.
 */
export { ShortcutHelp } from './elements/shortcut-help/shortcut-help.js';
export { CommandPalette } from './elements/command-palette/command-palette.js';
