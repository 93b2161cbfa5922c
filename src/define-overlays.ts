/**
 * Registers the inbox's dialogs, `<shortcut-help>` (key ?) and
 * `<command-palette>` (Ctrl/Cmd+K), `<bulk-bar>` and the contents of the
 * filters' panel (`<filter-panel>`, part of `<inbox-filters>`), skipping tags already
 * defined. The script-tag bundle loads them on demand
 * (loadOverlayElements()), the first time one opens or rows are checked:
 * nothing shows them before.
 */
import { defineOnce } from './elements/define-once.js';
import { ShortcutHelp } from './elements/shortcut-help/shortcut-help.js';
import { CommandPalette } from './elements/command-palette/command-palette.js';
import { BulkBar } from './elements/bulk-bar/bulk-bar.js';
import { FilterPanel } from './elements/inbox-filters/filter-panel.js';
import { ChannelSettings } from './elements/channel-settings/channel-settings.js';

defineOnce('shortcut-help', ShortcutHelp);
defineOnce('command-palette', CommandPalette);
// Shown once rows are checked: <inbox-list> asks for it then.
defineOnce('bulk-bar', BulkBar);
// The contents of <inbox-filters>' panel, which asks for it when the panel opens.
defineOnce('filter-panel', FilterPanel);
// A host's settings page (R30): loaded when the tag first appears.
defineOnce('channel-settings', ChannelSettings);
