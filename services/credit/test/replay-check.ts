import { execFile } from 'node:child_process';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { waitUntilCaughtUp } from '../src/projections/catch-up';
import { creditGroupTopics, type StartOffsets } from '../src/replay/replay-lib';
import { creditTopicMark } from './support';

const ROOT = join(__dirname, '..', '..', '..');

export interface BalanceHash {
  hash: string;
  accountMonths: number;
  wallets: number;
  firmTiers: number;
}

/** What the replay command printed: the live database's hash and the replayed one's. */
export interface ReplayResult {
  same: boolean;
  live: BalanceHash;
  replay: BalanceHash;
  /** Where they differ (up to 50 lines), when they do. */
  differences?: string[];
}

export interface ReplayCheck {
  kafka: Kafka;
  /** The credit service's database and consumer group prefix. */
  dbName: string;
  prefix: string;
  /** Where the suite's groups started: the replay reads the topics from there. */
  startOffsets: StartOffsets;
  /** The live `balanceHash` through the gateway. */
  balanceHash(): Promise<BalanceHash>;
}

/** Runs `dist/services/credit/src/replay/replay.js` over the suite's part of the topics. */
function runReplay(check: ReplayCheck) {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const offsetsFile = join(ROOT, 'tmp', `credit-replay-${check.prefix}-offsets.json`);
  writeFileSync(offsetsFile, JSON.stringify(check.startOffsets));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [
        join(ROOT, 'dist/services/credit/src/replay/replay.js'),
        '--start-offsets',
        offsetsFile,
        '--live-wait-ms',
        '20000',
      ],
      {
        env: { ...process.env, MONGO_DB: check.dbName, CREDIT_GROUP_PREFIX: check.prefix },
        timeout: 110_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  }).finally(() => unlinkSync(offsetsFile));
}

/**
 * Replays the suite's events into a fresh database and returns what the command found, with the
 * live hash the gateway gave just before. The broker is shared: what other runs publish
 * meanwhile reaches the service too (a station visit counts whoever recorded it; a member
 * arriving applies its parked approvals), while the replay stops at the topics' ends as it found
 * them. A comparison that fails while a topic moved says nothing: it runs again, three times at
 * most.
 */
export async function replayAgainstLive(
  check: ReplayCheck,
): Promise<{ code: number | null; stderr: string; result: ReplayResult; live: BalanceHash }> {
  for (let attempt = 1; ; attempt++) {
    const before = await creditTopicMark(check.kafka, check.prefix);
    const caughtUp = await waitUntilCaughtUp(
      check.kafka,
      creditGroupTopics(check.prefix),
      before.ends,
      30_000,
    );
    if (!caughtUp) throw new Error('the credit service did not catch up with its topics');
    const live = await check.balanceHash();
    const replay = await runReplay(check);
    // 0: the same balances, 1: different ones (the result says where), 2: the command failed.
    const result =
      replay.code === 0 || replay.code === 1 ? (JSON.parse(replay.stdout) as ReplayResult) : null;
    const agrees = result?.same && result.live.hash === live.hash;
    const moved = (await creditTopicMark(check.kafka, check.prefix)).signature !== before.signature;
    if (!agrees && moved && attempt < 3) continue;
    if (!result) throw new Error(`replay failed (${replay.code}): ${replay.stderr}`);
    return { code: replay.code, stderr: replay.stderr, result, live };
  }
}
