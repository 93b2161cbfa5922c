/**
 * Registers the inbox's dialogs, `<shortcut-help>` (key ?) and
 * `<command-palette>` (Ctrl/Cmd+K), skipping tags already defined. The
 * script-tag bundle loads them on demand (loadOverlayElements()), the first
 * time one opens: nothing shows them before.
 */
import { defineOnce } from './elements/define-once.js';
import { ShortcutHelp } from './elements/shortcut-help/shortcut-help.js';
import { CommandPalette } from './elements/command-palette/command-palette.js';

defineOnce('shortcut-help', ShortcutHelp);
defineOnce('command-palette', CommandPalette);
