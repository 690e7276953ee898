// The stations service reads only shared settings (MONGO_URL, MONGO_DB, KAFKA_BROKERS,
// CLAIMS_SECRET, PORT, HOST, OUTBOX_POLL_MS, OUTBOX_SCAN_MS, and ORG_PROJECTION_GROUP with its
// default `jiceng-stations-org-projection`, see @jiceng/org-projection).
