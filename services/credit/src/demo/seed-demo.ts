// Loads the credit demo data into the credit database (MONGO_URL, MONGO_DB): rule version v1 and
// a redemption catalogue for every community of 运河区. Idempotent. Points are not seeded: they
// come from the volunteering demo's approvals and the stations demo's visits, through Kafka, like
// any others.
import mongoose, { type Model } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import { insertIgnoringDuplicates } from '../ledger/bulk-writes';
import { CATALOGUE_ITEM_MODEL, catalogueItemSchema } from '../redemption/redemption.schemas';
import { CREDIT_RULES_MODEL, creditRulesSchema } from '../rules/credit-rules.schema';
import { seedRulesV1 } from '../rules/credit-rules.service';
import { demoCatalogue } from './demo-catalogue';

const YUNHE = '中共沧州市运河区委员会';
const YUNHE_COMMUNITIES = 73;
const WAIT_MS = 120_000;

/** 运河区's communities as the organization projection knows them: below its street committees. */
async function yunheCommunities(orgNodes: Model<OrgNode>): Promise<OrgNode[]> {
  const yunhe = await orgNodes.findOne({ name: YUNHE }).lean<OrgNode>();
  if (!yunhe) return [];
  const streets = await orgNodes
    .find({ parentId: yunhe._id, kind: 'WORKING_COMMITTEE', sector: 'COMMUNITY' })
    .lean<OrgNode[]>();
  return orgNodes
    .find({ parentId: { $in: streets.map((s) => s._id) }, sector: 'COMMUNITY', status: 'ACTIVE' })
    .lean<OrgNode[]>();
}

async function main(): Promise<void> {
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_credit' })
    .asPromise();
  try {
    const rules = connection.model(CREDIT_RULES_MODEL, creditRulesSchema);
    const orgNodes = connection.model(ORG_NODE_MODEL, orgNodeSchema);
    const items = connection.model(CATALOGUE_ITEM_MODEL, catalogueItemSchema);
    await Promise.all([rules.init(), items.init()]);
    const rulesInserted = await seedRulesV1(rules);

    // The credit service learns organizations from their topic: wait until it knows 运河区.
    const deadline = Date.now() + WAIT_MS;
    let communities = await yunheCommunities(orgNodes);
    while (communities.length < YUNHE_COMMUNITIES && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2000));
      communities = await yunheCommunities(orgNodes);
    }
    if (communities.length < YUNHE_COMMUNITIES)
      console.error(
        `only ${communities.length} of ${YUNHE_COMMUNITIES} 运河区 communities known after ${WAIT_MS / 1000} s`,
      );

    const now = new Date();
    const catalogue = communities.flatMap((c) => demoCatalogue(String(c._id), now));
    const before = await items.countDocuments({ _id: { $in: catalogue.map((i) => i._id) } });
    await insertIgnoringDuplicates(items, catalogue);
    console.log(
      JSON.stringify({
        creditRules: rulesInserted ? 'v1 inserted' : 'v1 present',
        communities: communities.length,
        catalogueItems: catalogue.length,
        inserted: catalogue.length - before,
      }),
    );
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`demo credit failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
