// The organizations service reads only shared settings: MONGO_URL, MONGO_DB, KAFKA_BROKERS,
// CLAIMS_SECRET, PORT (default DEFAULT_PORTS.organizations), HOST, OUTBOX_POLL_MS,
// OUTBOX_SCAN_MS and MONGO_READ_TIMEOUT_MS.
export {};
