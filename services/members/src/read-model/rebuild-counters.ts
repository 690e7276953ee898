// Rebuilds the members read model (counters, contributions, rosters) from scratch from the
// members database (MONGO_URL, MONGO_DB): `node dist/services/members/src/read-model/rebuild-counters.js`.
// Run it with the members service stopped (a write counted between the drop and the recount
// could be counted twice); a service that starts and finds no complete read model does the same
// by itself. Prints one JSON summary line.
import mongoose from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  UNIT_DOUBLE_REPORT_MODEL,
  unitDoubleReportSchema,
} from '../double-report/unit-double-report.schema';
import { MEMBER_MODEL, memberSchema } from '../member/member.schema';
import { memberSource, unitReportSource } from './counted-sources';
import { countEverything, dropReadModel } from './rebuild';

async function main(): Promise<void> {
  const started = Date.now();
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_members' })
    .asPromise();
  try {
    const members = connection.model(MEMBER_MODEL, memberSchema);
    const units = connection.model(UNIT_DOUBLE_REPORT_MODEL, unitDoubleReportSchema);
    await dropReadModel(connection);
    const counted = await countEverything(connection, [
      memberSource(members),
      unitReportSource(units),
    ]);
    process.stdout.write(`${JSON.stringify({ counted, ms: Date.now() - started })}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
