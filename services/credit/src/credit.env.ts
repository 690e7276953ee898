// The credit service's settings besides the shared ones (libs/subgraph's `subgraphSettings`).
import { flag, readSettings, text, wholeNumber } from '@jiceng/config';

export const SERVICE_NAME = 'credit';

export const CREDIT_SETTINGS = {
  groupPrefix: text(
    'CREDIT_GROUP_PREFIX',
    'jiceng-credit',
    'consumer groups are `<prefix>-ledger`, `-station-visits`, `-organizational-life`, `-star-ratings`, `-joint-building`, `-household-contacts`, `-members`, `-projects`, `-org-tree`',
  ),
  publishEvents: flag(
    'CREDIT_PUBLISH_EVENTS',
    true,
    'publish firm bonus events through the outbox; a replay writes them without publishing',
  ),
  // 0: as long as it takes, so that claims are attributed with complete projections on a fresh
  // database, as in a replay.
  catchUpTimeoutMs: wholeNumber(
    'CREDIT_CATCH_UP_TIMEOUT_MS',
    0,
    { min: 0 },
    'how long the ledger waits at start for the projections to reach the topics’ ends (0: no limit)',
  ),
  // Kafka gives each consumer its own partitions, so events of different partitions are applied
  // concurrently (the ledger's writes are compare-and-set, the projection's version-guarded), in
  // order within a partition, i.e. per claim or per member.
  consumersPerGroup: wholeNumber(
    'CREDIT_CONSUMERS_PER_GROUP',
    3,
    { min: 1, max: 6 },
    'consumers per group for the ledger and the members projection, in this process',
  ),
  ledgerRetryAttempts: wholeNumber(
    'CREDIT_LEDGER_RETRY_ATTEMPTS',
    6,
    { min: 1 },
    'tries of a failing check-in (infrastructure errors) before it is dead-lettered',
  ),
  ledgerRetryBackoffMs: wholeNumber(
    'CREDIT_LEDGER_RETRY_BACKOFF_MS',
    250,
    { min: 0 },
    'the first pause between those tries',
  ),
  // A firm's tier is announced once its points have been still this long (tier-settling.ts):
  // a burst of approvals that climbs C → B → A is one announcement, of A.
  tierQuietSeconds: wholeNumber(
    'CREDIT_TIER_QUIET_SECONDS',
    60,
    { min: 0, max: 86_400 },
    'how long a firm’s quarterly points must be still before a tier change is announced',
  ),
  tierLongestWaitSeconds: wholeNumber(
    'CREDIT_TIER_LONGEST_WAIT_SECONDS',
    3600,
    { min: 0, max: 7 * 86_400 },
    'the longest a tier change waits for its announcement while the points keep moving',
  ),
  parkedSweepMs: wholeNumber(
    'CREDIT_PARKED_SWEEP_MS',
    30_000,
    { min: 1000 },
    'how often parked check-ins of members that have since arrived are applied (safety net)',
  ),
};

export type CreditEnv = ReturnType<typeof creditEnv>;

export const creditEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings(CREDIT_SETTINGS, env);

export const consumerGroups = (prefix: string) => ({
  ledger: `${prefix}-ledger`,
  stationVisits: `${prefix}-station-visits`,
  organizationalLife: `${prefix}-organizational-life`,
  starRatings: `${prefix}-star-ratings`,
  jointBuilding: `${prefix}-joint-building`,
  householdContacts: `${prefix}-household-contacts`,
  members: `${prefix}-members`,
  projects: `${prefix}-projects`,
  orgTree: `${prefix}-org-tree`,
});

/** The group prefix alone: read while modules are declared, before the start-up check of all. */
export const creditGroupPrefix = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings({ groupPrefix: CREDIT_SETTINGS.groupPrefix }, env).groupPrefix;
