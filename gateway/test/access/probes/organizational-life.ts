import type { Role } from '@jiceng/auth';
import type { AdminApi, ProbeSet, World } from '../probe';

// 组织生活 (the members subgraph): meetings, their compliance, appraisals. Fixtures are in w.ids as
// `ol.<key>`: a meeting of gridA per role that corrects one (`ol.correct:ADMIN`,
// `ol.correct:ORG_ADMIN`) and one of gridB (`ol.correct:B`), each attended by the suite's peer or
// stranger; refused roles aim at ADMIN's, which refusals run before.

const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;
const HELD_ON = '2024-04-10';

const meeting = (organizationId: string, memberId: string) => ({
  organizationId,
  kind: 'THEME_PARTY_DAY',
  heldOn: HELD_ON,
  place: '党员活动室',
  topic: '访问探针',
  leader: '支部书记',
  attendance: [{ memberId, status: 'PRESENT' }],
});

async function setup(w: World, api: AdminApi): Promise<void> {
  const record = async (key: string, organizationId: string, memberId: string) => {
    w.ids[key] = (
      await api.admin(RECORD, { input: meeting(organizationId, memberId) })
    ).recordMeeting.id;
  };
  await record('ol.correct:ADMIN', w.org.gridA, w.peer);
  await record('ol.correct:ORG_ADMIN', w.org.gridA, w.peer);
  await record('ol.correct:B', w.org.gridB, w.stranger);
}

const own = (w: World, role: Role) =>
  w.ids[`ol.correct:${role === 'ORG_ADMIN' ? 'ORG_ADMIN' : 'ADMIN'}`];

const appraisal = (memberId: string) => ({
  input: { memberId, year: 2024, grade: 'GOOD', decision: '评议为好', decidedOn: '2025-01-10' },
});

export const organizationalLifeProbes: ProbeSet = {
  setup,
  probes: {
    'Query.meeting': {
      document: `query($id: ID!) { meeting(id: $id) { id } }`,
      inside: (w) => ({ id: w.ids['ol.correct:ADMIN'] }),
      outside: (w) => ({ id: w.ids['ol.correct:B'] }),
    },
    'Query.meetingCompliance': {
      document: `query($id: ID!) { meetingCompliance(organizationId: $id, period: "2024-Q2") { summary { branches } } }`,
      inside: (w) => ({ id: w.org.gridA }),
      outside: (w) => ({ id: w.org.gridB }),
    },
    'Mutation.recordMeeting': {
      document: RECORD,
      inside: (w) => ({ input: meeting(w.org.gridA, w.peer) }),
      outside: (w) => ({ input: meeting(w.org.gridB, w.stranger) }),
    },
    'Mutation.correctAttendance': {
      document: `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { id } }`,
      inside: (w, role) => ({
        input: { meetingId: own(w, role), memberId: w.peer, status: 'ABSENT', note: '访问探针' },
      }),
      outside: (w) => ({
        input: {
          meetingId: w.ids['ol.correct:B'],
          memberId: w.stranger,
          status: 'ABSENT',
          note: '访问探针',
        },
      }),
    },
    'Mutation.recordAppraisal': {
      document: `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { version } }`,
      inside: (w) => appraisal(w.peer),
      outside: (w) => appraisal(w.stranger),
    },
  },
};
