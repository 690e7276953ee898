// How a provincial construction credit system (省建筑市场信用评价) can take jiceng's firm credit
// bonuses (施工总承包企业党建信用加分). Copy this file into your project, `npm install kafkajs`, then:
//
//   KAFKA_BROKERS=broker:9092 GROUP_ID=hebei-construction-credit node consume-firm-bonus.mjs
//
// Its own consumer group reads jiceng.credit.firm-bonus.v1 from the beginning, then keeps
// following it. The topic is described in jiceng's libs/events/asyncapi.yaml.
import { Kafka, logLevel } from 'kafkajs';

const TOPIC = 'jiceng.credit.firm-bonus.v1';
const kafka = new Kafka({
  clientId: 'provincial-credit-example',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.ERROR,
});
const consumer = kafka.consumer({ groupId: process.env.GROUP_ID ?? 'provincial-credit-example' });

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
