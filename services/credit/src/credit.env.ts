// Every setting of the credit service besides the shared ones (MONGO_URL, MONGO_DB,
// KAFKA_BROKERS, CLAIMS_SECRET, PORT, HOST, OUTBOX_POLL_MS), with its default.
export interface CreditEnv {
  /**
   * Consumer groups are `<prefix>-ledger`, `-station-visits`, `-members`, `-projects`,
   * `-org-tree`.
   */
  groupPrefix: string;
  /** Publish firm bonus events through the outbox; a replay writes them without publishing. */
  publishEvents: boolean;
  /**
   * How long the ledger waits at start for the projections to reach the topics' ends as they
   * were at start; 0 (the default): as long as it takes, so that claims are attributed with
   * complete projections on a fresh database as in a replay.
   */
  catchUpTimeoutMs: number;
  /**
   * Consumers per group for the ledger and the members projection, in this process: Kafka gives
   * each its own partitions, so events of different partitions are applied concurrently (the
   * ledger's writes are compare-and-set, the projection's version-guarded), in order within a
   * partition, i.e. per claim or per member.
   */
  consumersPerGroup: number;
  /** Retries of a failing check-in before it is dead-lettered (infrastructure errors). */
  ledgerRetryAttempts: number;
  ledgerRetryBackoffMs: number;
  /** How often parked check-ins of members that have since arrived are applied (safety net). */
  parkedSweepMs: number;
}

const numberOr = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function creditEnv(env: NodeJS.ProcessEnv = process.env): CreditEnv {
  return {
    groupPrefix: env.CREDIT_GROUP_PREFIX || 'jiceng-credit',
    publishEvents: env.CREDIT_PUBLISH_EVENTS !== '0',
    catchUpTimeoutMs: numberOr(env.CREDIT_CATCH_UP_TIMEOUT_MS, 0),
    consumersPerGroup: Math.min(
      6,
      Math.max(1, Math.floor(numberOr(env.CREDIT_CONSUMERS_PER_GROUP, 3))),
    ),
    ledgerRetryAttempts: Math.max(1, numberOr(env.CREDIT_LEDGER_RETRY_ATTEMPTS, 6)),
    ledgerRetryBackoffMs: numberOr(env.CREDIT_LEDGER_RETRY_BACKOFF_MS, 250),
    parkedSweepMs: Math.max(1000, numberOr(env.CREDIT_PARKED_SWEEP_MS, 30_000)),
  };
}

export const consumerGroups = (prefix: string) => ({
  ledger: `${prefix}-ledger`,
  stationVisits: `${prefix}-station-visits`,
  members: `${prefix}-members`,
  projects: `${prefix}-projects`,
  orgTree: `${prefix}-org-tree`,
});
