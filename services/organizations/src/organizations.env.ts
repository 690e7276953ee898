// The organizations service's settings. It owns the organization tree, so it has no projection
// of it and no setting of its own: it reads only the shared ones, declared in libs/subgraph's
// `subgraphSettings` (PORT, HOST, MONGO_URL, MONGO_DB, MONGO_READ_TIMEOUT_MS,
// MONGO_MAX_POOL_SIZE, KAFKA_BROKERS, CLAIMS_SECRET, OUTBOX_POLL_MS, OUTBOX_SCAN_MS).
import type { Settings } from '@jiceng/config';

export const SERVICE_NAME = 'organizations';

export const ORGANIZATIONS_SETTINGS = {} satisfies Settings;
