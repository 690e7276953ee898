import type { Connection } from 'mongoose';
import { demoId, demoNodeNamed, insertMissing, type DemoNode } from './demo-tree';
import { DEMO_FIRMS, demoCreditCode, firmBranchName, type DemoFirm } from './demo-firms';
import { FIRM_MODEL, firmSchema, type ConstructionFirm } from '../firm/firm.schema';

export const demoFirmId = (firm: DemoFirm) => demoId(`firm:${demoCreditCode(firm)}`);

export function demoFirms(nodes: DemoNode[], now: Date): ConstructionFirm[] {
  return DEMO_FIRMS.map((firm) => ({
    _id: demoFirmId(firm),
    name: firm.name,
    creditCode: demoCreditCode(firm),
    organizationId: demoNodeNamed(nodes, firmBranchName(firm))._id,
    status: 'ACTIVE',
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
}

export async function loadFirmDemo(connection: Connection, nodes: DemoNode[]) {
  const model = connection.model(FIRM_MODEL, firmSchema);
  await model.init();
  return insertMissing(model, demoFirms(nodes, new Date()));
}
