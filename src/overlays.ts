/**
 * What floats over the inbox in the public API: the shortcut help, the
 * command palette, the bulk bar (shown once rows are checked) and the
 * channels' settings (a host's settings page). index.ts
 * re-exports them; the script-tag bundle loads them on demand
 * (loadOverlayElements()). No side effects.
 */
export { ShortcutHelp } from './elements/shortcut-help/shortcut-help.js';
export { CommandPalette } from './elements/command-palette/command-palette.js';
export { BulkBar, BULK_COMMANDS, type BulkCommand } from './elements/bulk-bar/bulk-bar.js';
export { ChannelSettings } from './elements/channel-settings/channel-settings.js';
