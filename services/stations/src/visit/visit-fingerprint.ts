import { createHash } from 'node:crypto';
import type { RecordStationVisitInput } from './dto/visit.inputs';

/**
 * What a client sent for a visit, canonically: the same request again hashes the same, so a
 * replay is told from a different visit sent under a reused id.
 */
export function visitFingerprint(input: RecordStationVisitInput): string {
  const canonical = {
    stationId: input.stationId,
    workerId: input.workerId ?? null,
    workerKind: input.workerKind ?? null,
    platform: input.platform ?? null,
    services: [...input.services].sort(),
    channel: input.channel,
    visitedAt: input.visitedAt?.toISOString() ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
