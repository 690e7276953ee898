// Rebuilds every balance from the topics into a fresh database and compares it with the live one:
//
//   node dist/services/credit/src/replay/replay.js [--keep] [--start-offsets <file>] [--live-wait-ms <ms>]
//
// The credit service's own modules run on `<MONGO_DB>_replay_<stamp>` with fresh consumer groups
// (`jiceng-credit-replay-<stamp>-*`) reading from the beginning, the rule versions copied from the
// live database (rules are data, not events), and firm bonus events kept unpublished. Once every
// group has reached the topics' ends as they were at the start, it prints both digests (see
// ledger/balance-hash.ts) and exits 0 when they are equal, 1 otherwise. Compare at a quiet moment:
// the live service must have consumed the same events (it is given `--live-wait-ms` to catch up).
// `--start-offsets` starts the fresh groups at given offsets ({ topic: { partition: offset } })
// instead of 0, to replay a window onto an empty database, as a live service started there did.
import 'reflect-metadata';
import mongoose from 'mongoose';
import { NestFactory } from '@nestjs/core';
import { createKafka } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { creditEnv } from '../credit.env';
import { balanceDigest } from '../ledger/balance-hash';
import { lagBehind, topicEnds, waitUntilCaughtUp } from '../projections/catch-up';
import { creditGroupTopics, deleteGroups, parseArgs, setStartOffsets } from './replay-lib';

const log = (message: string) => process.stderr.write(`[replay] ${message}\n`);

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const liveDb = process.env.MONGO_DB ?? 'jiceng_credit';
  const livePrefix = creditEnv().groupPrefix;
  const stamp = Date.now().toString(36);
  const replayDb = process.env.REPLAY_DB ?? `${liveDb}_replay_${stamp}`;
  const replayPrefix = `jiceng-credit-replay-${stamp}`;
  const kafka = createKafka('jiceng-credit-replay');
  const replayGroups = creditGroupTopics(replayPrefix);
  const ends = await topicEnds(kafka, [...new Set(replayGroups.map((g) => g.topic))]);
  if (options.startOffsets) await setStartOffsets(kafka, replayGroups, options.startOffsets);

  const client = await mongoose.createConnection(mongoUrlFromEnv()).asPromise();
  const live = client.useDb(liveDb).db!;
  const replay = client.useDb(replayDb).db!;
  const rules = await live.collection('credit_rules').find().toArray();
  if (rules.length) await replay.collection('credit_rules').insertMany(rules);
  log(`rebuilding ${liveDb} into ${replayDb} (${rules.length} rule versions copied)`);

  // The same modules as the service, configured before they are loaded.
  Object.assign(process.env, {
    MONGO_DB: replayDb,
    CREDIT_GROUP_PREFIX: replayPrefix,
    CREDIT_PUBLISH_EVENTS: '0',
    CREDIT_CATCH_UP_TIMEOUT_MS: '0',
  });
  const { CreditCoreModule } = await import('../credit-core.module');
  const started = Date.now();
  // Standard output carries the result alone; the modules' warnings and errors go to stderr.
  const toStderr = (level: string) => (message: unknown) => log(`${level} ${String(message)}`);
  const app = await NestFactory.createApplicationContext(CreditCoreModule, {
    logger: { log: () => undefined, error: toStderr('error'), warn: toStderr('warn') },
  });
  let lastLog = 0;
  await waitUntilCaughtUp(kafka, replayGroups, ends, 0, (lag) => {
    if (Date.now() - lastLog < 5000) return;
    lastLog = Date.now();
    log(`${lag} events to go`);
  });
  await app.close();
  const seconds = (Date.now() - started) / 1000;

  const liveGroups = creditGroupTopics(livePrefix);
  const liveCaughtUp = await waitUntilCaughtUp(kafka, liveGroups, ends, options.liveWaitMs);
  const liveLag = liveCaughtUp ? 0n : await lagBehind(kafka, liveGroups, ends);
  const [{ lines: replayLines = [], ...replayed }, { lines: liveLines = [], ...current }] =
    await Promise.all([balanceDigest(replay, true), balanceDigest(live, true)]);
  const same = replayed.hash === current.hash;
  const inLive = new Set(liveLines);
  const inReplay = new Set(replayLines);
  const differences = [
    ...liveLines.filter((l) => !inReplay.has(l)).map((l) => `live only:   ${l}`),
    ...replayLines.filter((l) => !inLive.has(l)).map((l) => `replay only: ${l}`),
  ].slice(0, 50);
  process.stdout.write(
    `${JSON.stringify(
      {
        same,
        replay: { database: replayDb, seconds, ...replayed },
        live: { database: liveDb, groups: livePrefix, lagBehindMark: String(liveLag), ...current },
        ...(!same && { differences }),
      },
      null,
      2,
    )}\n`,
  );
  if (!options.keep) await replay.dropDatabase();
  await client.close();
  await deleteGroups(
    kafka,
    replayGroups.map((g) => g.groupId),
  );
  return same ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`replay failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
