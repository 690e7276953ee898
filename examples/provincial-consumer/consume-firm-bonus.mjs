// How a provincial construction credit system (省建筑市场信用评价) can take jiceng's firm credit
// bonuses (施工总承包企业党建信用加分). Copy this file into your project, `npm install kafkajs`, then:
//
//   KAFKA_BROKERS=broker.example:9094 KAFKA_TLS=1 KAFKA_USERNAME=hebei-credit KAFKA_PASSWORD=... \
//     GROUP_ID=province-hebei-construction-credit node consume-firm-bonus.mjs
//
// jiceng's operators issue the user name and password (SASL/SCRAM-SHA-512). The broker lets that
// principal read the published topics only, in consumer groups whose id starts with `province-`.
// Its own group reads jiceng.credit.firm-bonus.v1 from the beginning, then keeps following it.
// The topic is described in jiceng's libs/events/asyncapi.yaml.
//
// The defaults are those of jiceng's local broker (`npm start`): its provincial listener on
// 127.0.0.1:9094 without TLS, and its local credentials.
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const env = process.env;
const TOPIC = 'jiceng.credit.firm-bonus.v1';
const tls = env.KAFKA_TLS === '1';
const kafka = new Kafka({
  clientId: 'provincial-credit-example',
  brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9094').split(','),
  // TLS with the system's CAs, or with KAFKA_CA_FILE (PEM) for a broker with its own CA.
  ssl: tls ? (env.KAFKA_CA_FILE ? { ca: [readFileSync(env.KAFKA_CA_FILE, 'utf8')] } : true) : false,
  sasl: {
    mechanism: env.KAFKA_SASL_MECHANISM ?? 'scram-sha-512',
    username: env.KAFKA_USERNAME ?? 'provincial',
    password: env.KAFKA_PASSWORD ?? 'provincial-local-secret',
  },
  logLevel: logLevel.ERROR,
});
const consumer = kafka.consumer({ groupId: env.GROUP_ID ?? 'province-credit-example' });

// Delivery is at least once and each tier change carries a sequence per firm and quarter:
// keep the highest one seen, so a repeated or late event never moves a firm back.
const latest = new Map();

await consumer.connect();
await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString()); // a CloudEvent, structured JSON mode
    if (event.type !== 'jiceng.credit.firm-bonus.tier-changed') return;
    const bonus = event.data;
    const key = `${bonus.firmId}|${bonus.period}`;
    if ((latest.get(key) ?? 0) >= bonus.sequence) return;
    latest.set(key, bonus.sequence);
    // A real system would update its credit record for the credit code here.
    console.log(
      [
        bonus.creditCode,
        bonus.period,
        `tier ${bonus.tier}${bonus.previousTier ? ` (was ${bonus.previousTier})` : ''}`,
        `bonus score +${bonus.bonusScore}`,
        `${bonus.points} points`,
        `rules ${bonus.ruleVersion}`,
      ].join('  '),
    );
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => consumer.disconnect().then(() => process.exit(0)));
}
