import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logEntry, type LogEntry, type MemoryBackend } from '../src/backend/memory-backend.js';
import { mulberry32 } from '../src/backend/demo-data.js';
import type { Snapshot } from '../src/model/types.js';
import type { Presence, ServerMessage } from '../src/protocol/wire.js';
import { entryJson, LocalBus, LocalHub, parseEntry } from './bus.js';
import { backend, commands, everything, listen, sameState, USERS } from './replica-testing.js';

/**
 * MemoryBackend as a replica (issue 13): the entries another instance
 * committed, applied with applyRemote, give the same state and the same
 * stream messages (R14) as the committer's own; a hole is refused, a
 * repeat skipped; resync sends fresh snapshots; presence crosses over.
 */

describe('MemoryBackend as a replica (applyRemote)', () => {
  it("ends with the committer's state and gives every stream the same messages, entries coming in pieces, some twice, through the bus's JSON", () => {
    const entries: LogEntry[] = [];
    const primary = backend(entries);
    const replica = backend();
    const onPrimary = USERS.map((u) => listen(primary, u));
    const onReplica = USERS.map((u) => listen(replica, u));
    let accepted = 0;
    for (const { command, actor } of commands(primary.state, 400)) if (primary.send(command, actor).ok) accepted++;
    assert.ok(accepted > 250, `${accepted} commands accepted`);
    assert.equal(entries.length, primary.seq);
    // Through the wire's form, in uneven pieces that overlap the last one.
    const wire = entries.map((e) => parseEntry(entryJson(e)));
    const rng = mulberry32(7);
    for (let at = 0; at < wire.length; ) {
      const size = 1 + Math.floor(rng() * 40);
      const from = Math.max(0, at - Math.floor(rng() * 5));
      const result = replica.applyRemote(wire.slice(from, at + size));
      assert.equal(result.missing, null);
      assert.equal(result.applied, Math.min(at + size, wire.length) - at);
      at += size;
    }
    assert.equal(replica.seq, primary.seq);
    sameState(replica.state, primary.state);
    for (const [i, user] of USERS.entries()) {
      assert.ok(onPrimary[i]!.messages.length > 0, `${user} got something`);
      assert.deepEqual(onReplica[i]!.messages, onPrimary[i]!.messages, `${user}'s stream`);
    }
    // u-tom was deactivated: both ended his stream.
    assert.equal(onReplica[2]!.messages.at(-1), 'complete');
    // A timeline read on the replica (the lazy demo history and what the entries added) is the committer's.
    for (const id of [...primary.state.conversations.keys()].slice(0, 40)) {
      assert.deepEqual(replica.timelineOf(id), primary.timelineOf(id), `timeline of ${id}`);
    }
    // And a client resumes on the replica from any seq, as on the committer.
    const since = Math.floor(primary.seq / 2);
    const resumed = (b: MemoryBackend) => {
      const messages: string[] = [];
      b.connect({ userId: 'u-sam', since }, { next: (m) => messages.push(JSON.stringify(m)), error: () => {}, complete: () => {} })();
      return messages;
    };
    assert.deepEqual(resumed(replica), resumed(primary));
  });

  it('refuses a hole: applies what comes before it and names what is missing', () => {
    const entries: LogEntry[] = [];
    const primary = backend(entries);
    const replica = backend();
    for (const { command, actor } of commands(primary.state, 60)) primary.send(command, actor);
    assert.ok(entries.length > 20);
    assert.deepEqual(replica.applyRemote(entries.slice(0, 3)), { applied: 3, missing: null });
    assert.deepEqual(replica.applyRemote([...entries.slice(2, 4), ...entries.slice(6, 9)]), { applied: 1, missing: { from: 5, to: 6 } });
    assert.equal(replica.seq, 4);
    assert.deepEqual(replica.applyRemote(entries.slice(6)), { applied: 0, missing: { from: 5, to: 6 } });
    assert.deepEqual(replica.applyRemote(entries.slice(4)), { applied: entries.length - 4, missing: null });
    assert.deepEqual(replica.applyRemote(entries), { applied: 0, missing: null });
    sameState(replica.state, primary.state);
  });

  it("delivers an R14 sight change (a conversation leaving one user's sight) as a deletion to that user, and deletes nothing", () => {
    const replica = backend();
    const sam = listen(replica, 'u-sam');
    const ana = listen(replica, 'u-ana');
    const conversation = [...replica.state.conversations.values()][0]!;
    // As #sightChanges logs it: the conversation as it is, its deletion for the user who lost sight of it.
    const entry = logEntry(1, { type: 'conversation.upserted', conversation }, [], ['u-sam']);
    assert.deepEqual(replica.applyRemote([parseEntry(entryJson(entry))]), { applied: 1, missing: null });
    assert.deepEqual(replica.state.conversations.get(conversation.id), JSON.parse(JSON.stringify(conversation)));
    assert.deepEqual(sam.messages, [JSON.stringify({ kind: 'event', seq: 1, event: { type: 'conversation.deleted', id: conversation.id } })]);
    assert.deepEqual(ana.messages, []);
  });

  it('resyncs from a snapshot: every open stream gets one, a deactivated user is cut, nothing before it resumes', () => {
    const entries: LogEntry[] = [];
    const primary = backend(entries);
    const replica = backend();
    const sam = listen(replica, 'u-sam');
    const tom = listen(replica, 'u-tom');
    for (const { command, actor } of commands(primary.state, 100)) primary.send(command, actor);
    replica.applyRemote(entries.slice(0, 10));
    replica.resync(everything(primary.state), primary.seq);
    assert.equal(replica.seq, primary.seq);
    sameState(replica.state, primary.state);
    const last = JSON.parse(sam.messages.at(-1)!) as { kind: string; seq: number; snapshot: Snapshot };
    assert.equal(last.kind, 'snapshot');
    assert.equal(last.seq, primary.seq);
    assert.deepEqual(last.snapshot, JSON.parse(JSON.stringify(primary.snapshotFor('u-sam'))));
    assert.equal(tom.messages.at(-1), 'complete');
    assert.equal(replica.canResume(5), false);
    assert.equal(replica.canResume(primary.seq), true);
  });
});

describe('presence across instances', () => {
  it("reaches the other instance's users who may see the conversation (R14), and ends when its user leaves that instance", async () => {
    const hub = new LocalHub();
    const a = backend();
    const b = backend();
    const busA = new LocalBus(hub, { presenceTtlMs: 300, stillHere: (id) => a.isConnected(id) });
    const busB = new LocalBus(hub, { presenceTtlMs: 300, stillHere: (id) => b.isConnected(id) });
    a.onPresence((p) => busA.publishPresence(p));
    b.onPresence((p) => busB.publishPresence(p));
    busA.subscribePresence((p) => a.remotePresence(p));
    busB.subscribePresence((p) => b.remotePresence(p));
    const ana = listen(a, 'u-ana');
    const samOnB = listen(b, 'u-sam');
    const leaOnB = listen(b, 'u-lea');
    // A conversation Sam (self) cannot see: only Lea (all) hears of it.
    const hidden = [...a.state.conversations.values()].find((c) => c.assignee?.id !== 'u-sam')!;
    a.presence('u-ana', hidden.id, true);
    const presences = (messages: string[]) =>
      messages.map((m) => JSON.parse(m) as ServerMessage).flatMap((m) => (m.kind === 'presence' ? [m.presence] : []));
    assert.deepEqual(presences(leaOnB.messages).map((p: Presence) => [p.userId, p.conversationId, p.typing]), [['u-ana', hidden.id, true]]);
    assert.deepEqual(presences(samOnB.messages), []);
    // Ana's stream closes on instance a: it stops renewing, and b ends her presence within the TTL.
    ana.close();
    const started = Date.now();
    while (presences(leaOnB.messages).length < 2) {
      assert.ok(Date.now() - started < 2000, 'the presence ended in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(presences(leaOnB.messages).map((p) => [p.userId, p.conversationId]).at(-1), ['u-ana', null]);
    await Promise.all([busA.close(), busB.close()]);
  });
});
