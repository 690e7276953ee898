import type { Kafka } from 'kafkajs';
import { ConsumedTopics, partitionLag, readConsumerLag } from './consumer-lag';

describe('partitionLag', () => {
  it('is the high watermark minus the committed offset', () => {
    expect(partitionLag('10', '0', '4')).toBe(6);
    expect(partitionLag('10', '0', '10')).toBe(0);
  });

  it('counts from the low watermark without a committed offset', () => {
    expect(partitionLag('10', '3', '-1')).toBe(7);
    expect(partitionLag('0', '0', '-1')).toBe(0);
  });

  it('counts from the low watermark when retention removed the committed position', () => {
    expect(partitionLag('10', '8', '5')).toBe(2);
  });
});

describe('ConsumedTopics', () => {
  const kafka = {} as Kafka;

  it('lists a group and topic while one of its consumers runs', () => {
    const consumed = new ConsumedTopics();
    const first = consumed.add(kafka, 'g', 't');
    const second = consumed.add(kafka, 'g', 't');
    expect(consumed.list()).toEqual([{ kafka, groupId: 'g', topic: 't', consumers: 2 }]);
    first();
    first(); // a second stop of the same consumer changes nothing
    expect(consumed.list()).toHaveLength(1);
    second();
    expect(consumed.list()).toEqual([]);
  });

  it('reads nothing (and opens no admin client) when nothing is consumed', async () => {
    expect(await readConsumerLag(new ConsumedTopics())).toEqual([]);
  });
});
