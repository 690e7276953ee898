// Loads the demo organization trees into the organizations database (MONGO_URL, MONGO_DB).
// Idempotent: ids derive from each node's path, so a second run inserts nothing. Every new node
// carries its `created` event in its outbox, published before the loader exits.
import mongoose from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { publishPendingOutboxes } from '@jiceng/outbox';
import { lifecycleRecord } from '../organization/organization.events';
import { ORGANIZATION_MODEL, organizationSchema } from '../organization/organization.schema';
import { demoLandmarks, demoNodes } from './demo-tree';
import { loadFirmDemo } from './firms-demo';
import { loadProjectDemo } from './projects-demo';
import { loadPairingDemo } from './pairings-demo';
import { loadServiceCenterDemo } from './service-centers-demo';
import { loadDemoRatings } from './ratings-demo';

async function main(): Promise<void> {
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_organizations' })
    .asPromise();
  try {
    const model = connection.model(ORGANIZATION_MODEL, organizationSchema);
    await model.init();
    const nodes = demoNodes();
    const existing = new Set(
      (await model.find({ _id: { $in: nodes.map((n) => n._id) } }, { _id: 1 }).lean()).map((d) =>
        String(d._id),
      ),
    );
    const now = new Date();
    const fresh = nodes
      .filter((n) => !existing.has(String(n._id)))
      .map((n) => {
        const org = { ...n, status: 'ACTIVE' as const, version: 1, createdAt: now, updatedAt: now };
        return { ...org, outbox: [lifecycleRecord('created', org, ['*'])] };
      });
    for (let i = 0; i < fresh.length; i += 1000)
      await model.insertMany(fresh.slice(i, i + 1000), { ordered: true });
    // Firms before projects, which name them; every project and pairing carries its created event.
    const firms = await loadFirmDemo(connection, nodes);
    const projects = await loadProjectDemo(connection, nodes);
    const pairings = await loadPairingDemo(connection, nodes);
    const serviceCenters = await loadServiceCenterDemo(connection, nodes);
    const starRatings = await loadDemoRatings(connection, nodes);
    const published = await publishPendingOutboxes(connection, 'jiceng-organizations-demo');
    const summary = {
      organizations: nodes.length,
      inserted: fresh.length,
      firms,
      projects,
      pairings,
      serviceCenters,
      starRatings,
      eventsPublished: published,
      landmarks: demoLandmarks(nodes),
    };
    console.log(JSON.stringify(summary));
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(
    `demo organizations failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
