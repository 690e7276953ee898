// Every setting of the volunteering service besides the shared ones (MONGO_URL, MONGO_DB,
// KAFKA_BROKERS, CLAIMS_SECRET, PORT, HOST, OUTBOX_POLL_MS, ORG_PROJECTION_GROUP), with its default.
export interface VolunteeringEnv {
  /** HMAC key of the rotating check-in QR tokens; required in production. */
  qrSecret: string;
  /** How long an issued check-in QR token stays valid. */
  qrTokenTtlSeconds: number;
  /** Consumer group of the member projection; a test run uses one of its own. */
  memberProjectionGroup: string;
}

const DEV_QR_SECRET = 'jiceng-dev-qr-secret-change-me';

export function volunteeringEnv(env: NodeJS.ProcessEnv = process.env): VolunteeringEnv {
  const qrSecret = env.QR_SECRET || DEV_QR_SECRET;
  if (env.NODE_ENV === 'production' && !env.QR_SECRET)
    throw new Error('QR_SECRET must be set in production');
  const ttl = Number(env.QR_TOKEN_TTL_SECONDS ?? 120);
  if (!Number.isInteger(ttl) || ttl < 10 || ttl > 3600)
    throw new Error('QR_TOKEN_TTL_SECONDS must be an integer between 10 and 3600');
  return {
    qrSecret,
    qrTokenTtlSeconds: ttl,
    memberProjectionGroup: env.MEMBER_PROJECTION_GROUP ?? 'jiceng-volunteering-member-projection',
  };
}
