// Starts the local Kafka broker and Mongo-wire server when they are not running (idempotent).
module.exports = async function globalSetup() {
  if (process.env.KAFKA_BROKERS || process.env.MONGO_URL) return; // infrastructure given from outside
  const { up } = await import('../../../infra/local/infra-lib.mjs');
  await up();
};
