import { createEvent, parseEvent, EventValidationError } from './envelope';
import {
  organizationLifecycleV1,
  type OrganizationLifecycleV1,
} from './organizations/lifecycle.v1';
import { TOPIC_SPECS, topicName, dlqTopicOf, TOPIC_PATTERN } from './topics';

const data: OrganizationLifecycleV1 = {
  organizationId: '6b02d8672a6584f6ec021221',
  version: 1,
  name: '运河区委',
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '130903',
  status: 'ACTIVE',
  parentId: null,
  ancestorIds: [],
  changedFields: ['*'],
};
const type = 'jiceng.organizations.organization.created';

describe('event envelope', () => {
  it('builds a CloudEvents 1.0 event with every required attribute', () => {
    const event = createEvent(organizationLifecycleV1, {
      type,
      subject: data.organizationId,
      data,
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/jiceng/organizations',
      type,
      subject: data.organizationId,
      datacontenttype: 'application/json',
      dataschema: 'urn:jiceng:schema:organizations.lifecycle.v1',
      data,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(event.time).toISOString()).toBe(event.time);
  });

  it('refuses a payload that breaks its JSON Schema, naming the field', () => {
    const bad = { ...data, regionCode: '13090', extra: true } as unknown as OrganizationLifecycleV1;
    expect(() => createEvent(organizationLifecycleV1, { type, subject: 'x', data: bad })).toThrow(
      /regionCode/,
    );
  });

  it('refuses an event type the topic does not carry', () => {
    expect(() =>
      createEvent(organizationLifecycleV1, {
        type: 'jiceng.members.member.created',
        subject: 'x',
        data,
      }),
    ).toThrow(EventValidationError);
  });

  it('parses what it built and rejects damaged messages', () => {
    const event = createEvent(organizationLifecycleV1, {
      type,
      subject: data.organizationId,
      data,
    });
    expect(parseEvent(organizationLifecycleV1, Buffer.from(JSON.stringify(event)))).toEqual(event);
    expect(() => parseEvent(organizationLifecycleV1, Buffer.from('not json'))).toThrow(
      'Message is not JSON',
    );
    expect(() => parseEvent(organizationLifecycleV1, null)).toThrow('Empty message');
    const { id: _id, ...noId } = event;
    expect(() =>
      parseEvent(organizationLifecycleV1, JSON.stringify({ ...noId, specversion: '0.3' })),
    ).toThrow(/specversion.*id must be a non-empty string/);
    expect(() =>
      parseEvent(
        organizationLifecycleV1,
        JSON.stringify({ ...event, data: { ...data, version: 0 } }),
      ),
    ).toThrow(/version/);
  });
});

describe('topics', () => {
  it('names every topic jiceng.<service>.<stream>.v<N> and derives the DLQ', () => {
    for (const spec of TOPIC_SPECS) expect(spec.name).toMatch(TOPIC_PATTERN);
    expect(topicName('credit', 'firm-bonus', 1)).toBe('jiceng.credit.firm-bonus.v1');
    expect(() => topicName('Credit', 'x', 0)).toThrow();
    expect(dlqTopicOf('jiceng.credit.firm-bonus.v1')).toBe('jiceng.credit.firm-bonus.v1.dlq');
  });
});
