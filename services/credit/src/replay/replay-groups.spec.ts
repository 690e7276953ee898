import { stackGroupTopics } from '@jiceng/testing';
import { creditGroupTopics } from './replay-lib';

describe('credit consumer groups', () => {
  // e2e stacks start these groups at the topics' ends; one missing there reads every earlier
  // run's events from the beginning of its topic.
  it('are all known to the e2e stacks', () => {
    const sorted = (groups: { groupId: string; topic: string }[]) =>
      groups.map((g) => `${g.groupId} ${g.topic}`).sort();
    expect(sorted(stackGroupTopics('credit', 'p'))).toEqual(sorted(creditGroupTopics('p')));
  });
});
