/**
 * The demo's defaults, apart from the generator and the backend so that
 * `<inbox-provider>` and `<inbox-app>` can name them without loading either
 * (the script-tag bundle loads those on demand).
 */

/** Users stories and tests can name; roles and visibilities are in the comments. */
export const DEMO_USER_IDS = {
  /** owner */
  owner: 'u-ana',
  /** manager */
  manager: 'u-marc',
  /** agent, visibility all, team Support */
  agentAll: 'u-lea',
  /** agent, visibility team, team Sales */
  agentTeam: 'u-tom',
  /** agent, visibility self, team Support */
  agentSelf: 'u-sam',
  /** deactivated agent (R10): owns nothing */
  deactivated: 'u-claire',
  /** agent, visibility all, away for lunch (R11) */
  away: 'u-olivia',
} as const;

/** How many conversations a demo backend holds unless told otherwise. */
export const DEFAULT_DEMO_CONVERSATIONS = 2000;
