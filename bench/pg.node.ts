/**
 * `npm run bench -- pg` (issue 13): POST /api/query's SQL on PostgreSQL
 * with 1,000,000 conversations. A database of its own on 127.0.0.1:5432
 * (dropped at the end): the demo generator's 100,000 conversations (its
 * shapes: channels, assignees, states, names in three languages) written
 * through the storage's own rows, then copied nine times in SQL under new
 * ids and earlier times; the indexes of postgres-schema.ts built after the
 * load (as a bulk load does), VACUUM ANALYZE. Then the first page (50 rows,
 * with its total) of a view, of a filtered view and of a search, p50 and
 * p99, as postgres-query.ts answers them for the server.
 */
import pg from 'pg';
import { generateDemoData } from '../src/backend/demo-data.js';
import type { Query } from '../src/model/query.js';
import type { Snapshot } from '../src/model/types.js';
import { stateFromSnapshot } from '../src/model/state.js';
import { createTestDatabase } from '../server/pg-testing.js';
import { PG_MIGRATIONS } from '../server/postgres-schema.js';
import { compileSql, pageRows, queryPage } from '../server/postgres-query.js';
import { migrate, PG_SESSION_OPTIONS, withUser, WriteSet, writeSet } from '../server/postgres.js';
import { percentile, round, type Row } from './harness.js';

const TOTAL = Number(process.env.PG_BENCH_CONVERSATIONS ?? 1_000_000);
const GENERATED = Math.min(100_000, TOTAL);
const COPIES = Math.ceil(TOTAL / GENERATED) - 1;
const RUNS = Number(process.env.PG_BENCH_RUNS ?? 100);
const DAY = 24 * 60 * 60 * 1000;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Writes the demo's conversations, copies them up to TOTAL, builds the indexes: the snapshot the rows came from. */
async function seed(pool: pg.Pool, now: number): Promise<Snapshot> {
  const started = performance.now();
  await migrate(pool);
  // Built after the load: one sort per index instead of a million insertions into each.
  const indexes = (await pool.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE tablename = 'conversations' AND indexname <> 'conversations_pkey'",
  )).rows.map((row) => row.indexname);
  for (const name of indexes) await pool.query(`DROP INDEX ${name}`);

  const demo = generateDemoData({ conversations: GENERATED, now });
  const snapshot = demo.snapshot;
  const set = new WriteSet();
  for (const contact of snapshot.contacts) set.contacts.set(contact.id, contact);
  for (const conversation of snapshot.conversations) set.conversations.set(conversation.id, conversation);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await writeSet(client, set);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  log(`pg bench: ${GENERATED} demo conversations written in ${round((performance.now() - started) / 1000, 1)} s`);

  // Nine copies under new ids, each a few days earlier: every time and sort key moves with it.
  const columns = `status, unread, mentions_unread, awaiting, assignee_type, assignee_id, human_owned, team_id, channel_id,
    contact_id, contact_blocked, company, labels, priority, pinned, snoozed, sent, spam, trashed, mentions, custom, conv_key, search_key`;
  for (let n = 1; n <= COPIES; n++) {
    const shift = n * 3 * DAY;
    await pool.query(
      `INSERT INTO conversations (id, json, ${columns}, activity_at, done_at, created_at, key_newest, key_oldest, key_waiting, key_priority)
       SELECT id || '-' || $1::text, jsonb_set(json::jsonb, '{id}', to_jsonb(id || '-' || $1::text))::text, ${columns},
         activity_at - $2::float8, done_at - $2::float8, created_at - $2::float8,
         key_newest + $2::float8, key_oldest - $2::float8, key_waiting - $2::float8, key_priority + $2::float8
       FROM conversations WHERE id NOT LIKE '%-%-%' LIMIT $3::int`,
      [String(n), shift, Math.min(GENERATED, TOTAL - n * GENERATED)],
    );
  }
  const loaded = performance.now();
  log(`pg bench: ${TOTAL} conversations in ${round((loaded - started) / 1000, 1)} s; building the indexes`);
  await pool.query("SET maintenance_work_mem = '256MB'");
  const indexSql = PG_MIGRATIONS.find((m) => m.name === 'query indexes')!.sql.replace(/CREATE EXTENSION[^;]*;/g, '');
  await pool.query(indexSql);
  await pool.query('VACUUM ANALYZE conversations');
  await pool.query('VACUUM ANALYZE contacts');
  log(`pg bench: indexes and VACUUM ANALYZE in ${round((performance.now() - loaded) / 1000, 1)} s`);
  return snapshot;
}

async function main(): Promise<Row[]> {
  // PG_BENCH_URL=<a database this bench kept>: time the queries again without seeding (nor dropping).
  const reuse = process.env.PG_BENCH_URL;
  const database = reuse === undefined ? await createTestDatabase('inbox_bench') : { url: reuse, drop: () => Promise.resolve() };
  const pool = new pg.Pool({ connectionString: withUser(database.url), max: 4, options: PG_SESSION_OPTIONS });
  try {
    const started = performance.now();
    const now = Date.now();
    const snapshot = reuse === undefined ? await seed(pool, now) : generateDemoData({ conversations: 200, now }).snapshot;
    const count = (await pool.query<{ n: number }>('SELECT count(*)::int8 AS n FROM conversations')).rows[0]!.n;
    const ready = performance.now();

    // The server's state holds the small things (users, teams, channels, views); the conversations are the database's.
    const state = stateFromSnapshot({ ...snapshot, conversations: [], contacts: [] });
    const name = snapshot.contacts.find((k) => /[éèñçö]/i.test(k.name))?.name.split(' ')[0] ?? 'zoe';
    const base: Query = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' };
    const agent = [...state.users.values()].find((u) => u.role === 'agent' && u.visibility === 'team')!;
    const cases: [string, Query, string][] = [
      ['view: All, open, newest (owner)', base, 'u-ana'],
      ['view: Mine, open, newest (team agent)', { ...base, view: 'mine' }, agent.id],
      ['filtered view: All + e-mail, high/urgent priority', { ...base, filters: { channelKinds: ['email'], priorities: ['high', 'urgent'] } }, 'u-ana'],
      ['filtered view: a team\'s Unread, oldest first', { ...base, view: `team:${agent.teamIds[0]!}`, tab: 'unread', sort: 'oldest' }, 'u-ana'],
      [`search: "${name.toLowerCase()}" (accents folded)`, { ...base, search: name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase() }, 'u-ana'],
      ['search: "facture" in Done', { ...base, tab: 'done', search: 'facture' }, 'u-ana'],
    ];
    const rows: Row[] = [{ name: 'pg: conversations, seeded and indexed', value: count, unit: `rows in ${round((ready - started) / 1000, 1)} s` }];
    for (const [label, query, userId] of cases) {
      const samples: number[] = [];
      const rowsOnly: number[] = [];
      let total = 0;
      const compiled = compileSql(state, query, state.users.get(userId)!, now);
      for (let i = 0; i < RUNS + 5; i++) {
        const t = performance.now();
        const page = await queryPage(pool, state, { query, cursor: null, limit: 50 }, userId, now);
        const t2 = performance.now();
        // Where the time goes: the 51 rows alone, without the exact total.
        await pageRows(pool, compiled, null, 51);
        if (i >= 5) {
          samples.push(t2 - t);
          rowsOnly.push(performance.now() - t2);
        }
        total = page.total;
      }
      const p50 = percentile(samples, 50);
      const p99 = percentile(samples, 99);
      rows.push(
        { name: `pg first page, ${label}: p50`, value: round(p50, 1), unit: `ms (${total} match)`, target: '≤ 30 ms', ok: p50 <= 30 },
        { name: `pg first page, ${label}: p99`, value: round(p99, 1), unit: 'ms', target: '≤ 100 ms', ok: p99 <= 100 },
        { name: `pg   its rows alone, without the exact total: p50 / p99`, value: `${round(percentile(rowsOnly, 50), 1)} / ${round(percentile(rowsOnly, 99), 1)}`, unit: 'ms' },
      );
    }
    return rows;
  } finally {
    await pool.end();
    // PG_BENCH_KEEP=1 keeps the database, to EXPLAIN a plan by hand.
    if (process.env.PG_BENCH_KEEP === '1') log(`pg bench: kept ${database.url}`);
    else await database.drop();
  }
}

for (const row of await main()) {
  const mark = row.target === undefined ? '' : row.ok ? '  ok' : '  OVER TARGET';
  const target = row.target === undefined ? '' : `  (target ${row.target})`;
  process.stdout.write(`${row.name.padEnd(72)} ${String(row.value).padStart(10)} ${row.unit}${target}${mark}\n`);
}
