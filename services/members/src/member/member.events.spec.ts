import { Types } from 'mongoose';
import { memberLifecycleV1, parseEvent } from '@jiceng/events';
import { memberRecord } from './member.events';

describe('member events', () => {
  const member = {
    _id: new Types.ObjectId(),
    version: 3,
    organizationId: new Types.ObjectId(),
    status: 'PROBATIONARY' as const,
    inService: true,
    unitOrganizationId: new Types.ObjectId(),
    floating: undefined,
    communityReport: undefined,
    name: '张三',
    idNumber: { kid: 'k', iv: 'i', tag: 't', ct: 'c' },
  };

  it('carries ids and statuses only, validated against the contract', () => {
    const record = memberRecord('statusChanged', member, {
      changedFields: ['status'],
      effectiveAt: new Date('2024-01-01T00:00:00Z'),
      previousStatus: 'CANDIDATE',
    });
    const event = parseEvent(memberLifecycleV1, record.value);
    expect(record.key).toBe(String(member._id));
    expect(event.type).toBe('jiceng.members.member.status-changed');
    expect(event.data.member).toEqual({
      memberId: String(member._id),
      version: 3,
      organizationId: String(member.organizationId),
      status: 'PROBATIONARY',
      inService: true,
      unitOrganizationId: String(member.unitOrganizationId),
      projectBranchId: null,
      communityId: null,
    });
    expect(record.value).not.toMatch(/张三|idNumber|phone|"ct"/);
  });

  it('has a contract that refuses personal data and payloads without an aggregate', () => {
    const valid = JSON.parse(
      memberRecord('registered', member, { changedFields: ['*'], effectiveAt: new Date() }).value,
    );
    const withName = {
      ...valid,
      data: { ...valid.data, member: { ...valid.data.member, name: '张三' } },
    };
    expect(() => parseEvent(memberLifecycleV1, JSON.stringify(withName))).toThrow(/additional/);
    const empty = { ...valid, data: { effectiveAt: valid.data.effectiveAt, changedFields: [] } };
    expect(() => parseEvent(memberLifecycleV1, JSON.stringify(empty))).toThrow(/member|oneOf/);
  });
});
