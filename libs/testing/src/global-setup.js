// Starts the local Kafka broker and Mongo-wire server unless they are not ours to start
// (JICENG_EXTERNAL_INFRA=1 with KAFKA_BROKERS and MONGO_URL pointing elsewhere). Idempotent.
module.exports = async function globalSetup() {
  if (process.env.JICENG_EXTERNAL_INFRA === '1') return;
  const { up } = await import('../../../infra/local/infra-lib.mjs');
  await up();
};
