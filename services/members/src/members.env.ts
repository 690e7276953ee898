// The members service reads only shared settings (MONGO_URL, MONGO_DB, KAFKA_BROKERS,
// CLAIMS_SECRET, PORT, HOST, OUTBOX_POLL_MS, OUTBOX_SCAN_MS, ORG_PROJECTION_GROUP) and the
// personal-data keys (PII_KEYS, PII_ACTIVE_KEY_ID, PII_HASH_KEY: see
// personal-data/personal-data.config.ts).
