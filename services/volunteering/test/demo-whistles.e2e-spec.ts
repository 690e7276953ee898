import mongoose, { type Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { parseEvent, whistleStepV1 } from '@jiceng/events';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import { dropDatabases } from '@jiceng/testing';
import { DEMO_WHISTLES } from '../src/demo/demo-whistles';
import { lulongProjectionNodes } from '../src/demo/projection-nodes.fixture';
import { loadWhistles, talliedWhistles } from '../src/demo/seed-whistles';
import {
  WHISTLE_MODEL,
  WHISTLE_TALLY_MODEL,
  whistleSchema,
  whistleTallySchema,
  type Whistle,
} from '../src/whistle/whistle.schema';
import { WhistleTallyConsumer } from '../src/whistle/whistle-tally.consumer';
import type { WhistleTally } from '../src/whistle/whistle-tally';

// The 卢龙县 part of the volunteering demo loader on the Mongo-wire server, without the platform:
// the projection holds the shared plan's tree, the loader inserts the whistles with their
// records, and the service's own tally consumer (fed the records directly, some twice, instead
// of through Kafka) builds the tallies the loader then reads back as whistleStats does.

const DB = `jiceng_volunteering_demo_whistles_${process.pid}`;
let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName: DB }).asPromise();
  const nodes = connection.model<OrgNode>(ORG_NODE_MODEL, orgNodeSchema);
  await nodes.init();
  await nodes.insertMany(lulongProjectionNodes());
});

afterAll(async () => {
  await connection?.close();
  await dropDatabases(DB);
});

describe('the 卢龙县 whistle demo loader', () => {
  it('loads once, and the tally consumer turns its records into the printed figures', async () => {
    const nodes = connection.model<OrgNode>(ORG_NODE_MODEL);
    const first = await loadWhistles(connection, nodes, 0);
    expect(first.summary).toMatchObject({
      period: '2024',
      inserted: DEMO_WHISTLES.whistled + DEMO_WHISTLES.resolved,
      whistled: 69,
      reports: DEMO_WHISTLES.reports,
      answeredOnTime: DEMO_WHISTLES.reports - DEMO_WHISTLES.late,
    });
    const again = await loadWhistles(connection, nodes, 0);
    expect(again.summary).toEqual({ ...first.summary, inserted: 0, eventsQueued: 0 });

    const whistles = connection.model<Whistle>(WHISTLE_MODEL, whistleSchema);
    const tallies = connection.model<WhistleTally>(WHISTLE_TALLY_MODEL, whistleTallySchema);
    const consumer = new WhistleTallyConsumer({} as Kafka, whistles, tallies);
    const stored = await whistles.find({}, { outbox: 1 }).lean<Whistle[]>();
    const events = stored.flatMap((w) => w.outbox.map((r) => parseEvent(whistleStepV1, r.value)));
    expect(events).toHaveLength(first.summary.eventsQueued as number);
    // A redelivered event (every tenth here) adds nothing.
    for (const [i, event] of events.entries()) {
      await consumer.apply(event);
      if (i % 10 === 0) await consumer.apply(event);
    }
    const tallied = await talliedWhistles(connection, first.countyId!, first.figures!);
    expect(tallied).toEqual({ matchesStored: true, ...first.figures });
    expect(tallied).toMatchObject({ whistled: 69, onTimeRate: 0.9464, satisfiedRate: 0.9577 });
  });

  it('skips, saying why, when 卢龙县 is not in the projection', async () => {
    const empty = connection.model<OrgNode>('EmptyOrgNode', orgNodeSchema, 'empty_org_nodes');
    const load = await loadWhistles(connection, empty, 0);
    expect(load.countyId).toBeNull();
    expect(load.summary.skipped).toMatch(/^卢龙县 not in the projection/);
  });
});
