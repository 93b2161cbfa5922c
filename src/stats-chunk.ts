/** The script-tag bundle's on-demand chunk for the team stats (loadStatsElements()). */
import './define-stats.js';

export * from './stats.js';
