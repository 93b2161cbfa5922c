/**
 * Registers `<inbox-stats>` (R28 team stats), skipping a tag already
 * defined. The script-tag bundle loads it on demand (loadStatsElements()),
 * when the tag first appears: an inbox that shows no stats never loads it.
 */
import { defineOnce } from './elements/define-once.js';
import { InboxStats } from './elements/inbox-stats/inbox-stats.js';

defineOnce('inbox-stats', InboxStats);
