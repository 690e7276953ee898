import type { Role } from '@jiceng/auth';
import type { AdminApi, Probe, ProbeSet, World } from '../probe';

// 吹哨报到 (volunteering): problems of communityA, judged by streetA (the township of every scoped
// role), and of communityB (streetB, outside). Departments are a 事业单位 branch the setup adds
// below streetA (inside: its reports are the ORG_ADMIN's to make) and the district's unit branch
// (outside). Each step's fixtures are in the state the step starts from, one per acting role and
// side (`<mutation>_<A|O><A|B>`), so one role's step leaves the next role's target intact.

const year = String(new Date().getFullYear());
const WHISTLE = 'id state requesterId';

type Side = 'A' | 'B';
const key = (mutation: string, role: Role, side: Side) =>
  `${mutation}_${role === 'ORG_ADMIN' ? 'O' : 'A'}${side}`;
/** The department whose report a side's fixture carries. */
const department = (w: World, side: Side) => (side === 'A' ? w.ids.whistleDeptA : w.org.unit);

/** A step aimed at the acting role's own fixture; department steps name their department. */
const stepProbe = (
  mutation: string,
  input: string,
  extra: Record<string, unknown>,
  withDepartment = false,
): Probe => {
  const variables = (side: Side) => (w: World, role: Role) => ({
    input: {
      id: w.ids[key(mutation, role, side)],
      ...(withDepartment && { departmentId: department(w, side) }),
      ...extra,
    },
  });
  return {
    document: `mutation($input: ${input}!) { ${mutation}(input: $input) { ${WHISTLE} } }`,
    inside: variables('A'),
    outside: variables('B'),
    tolerate: ['CONFLICT'],
  };
};

const raiseInput = (w: World, community: string, title: string) => ({
  input: { requesterId: w.org[community], title, category: 'ENVIRONMENT' },
});

async function setup(w: World, api: AdminApi): Promise<void> {
  const created = await api.admin(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        parentId: w.org.streetA,
        name: `水月寺街道综合执法队党支部 ${w.run}`,
        kind: 'BRANCH',
        sector: 'PUBLIC_INSTITUTION',
        regionCode: '130903',
      },
    },
  );
  w.ids.whistleDeptA = created.createOrganization.id;

  let n = 0;
  const run = (mutation: string, input: string, variables: Record<string, unknown>) =>
    api.admin(`mutation($input: ${input}!) { ${mutation}(input: $input) { id } }`, {
      input: variables,
    });
  const steps = [
    ['blowWhistle', 'BlowWhistleInput', (side: Side) => ({ departmentIds: [department(w, side)] })],
    [
      'acceptWhistle',
      'AcceptWhistleInput',
      (side: Side) => ({ departmentId: department(w, side) }),
    ],
    [
      'actOnWhistle',
      'ActOnWhistleInput',
      (side: Side) => ({ departmentId: department(w, side), note: '现场处置' }),
    ],
  ] as const;
  const whistle = async (side: Side, stepsDone: number) => {
    const community = side === 'A' ? 'communityA' : 'communityB';
    const { id } = (
      await api.admin(
        `mutation($input: RaiseWhistleInput!) { raiseWhistle(input: $input) { id } }`,
        raiseInput(w, community, `访问表吹哨 ${w.run} ${++n}`),
      )
    ).raiseWhistle;
    for (const [mutation, input, extra] of steps.slice(0, stepsDone))
      await run(mutation, input, { id, ...extra(side) });
    return id as string;
  };
  // The new department must first reach volunteering's organization projection.
  w.ids.whistleA = await api.eventually(() => whistle('A', 1));
  w.ids.whistleB = await whistle('B', 1);
  const fixtures: [string, number][] = [
    ['resolveWhistle', 0],
    ['blowWhistle', 0],
    ['acceptWhistle', 1],
    ['actOnWhistle', 2],
    ['answerWhistle', 3],
  ];
  for (const [mutation, done] of fixtures)
    for (const role of ['ADMIN', 'ORG_ADMIN'] as const)
      for (const side of ['A', 'B'] as const)
        w.ids[key(mutation, role, side)] = await whistle(side, done);
  for (const role of ['ADMIN', 'ORG_ADMIN'] as const)
    for (const side of ['A', 'B'] as const) {
      const id = await whistle(side, 0);
      await run('resolveWhistle', 'ResolveWhistleInput', { id, note: '街道协调解决' });
      w.ids[key('evaluateWhistle', role, side)] = id;
    }
}

export const whistleProbes: ProbeSet = {
  setup,
  probes: {
    'Query.whistle': {
      document: `query($id: ID!) { whistle(id: $id) { ${WHISTLE} } }`,
      inside: (w) => ({ id: w.ids.whistleA }),
      outside: (w) => ({ id: w.ids.whistleB }),
    },
    'Query.whistleStats': {
      document: `query($o: ID!, $period: String!) { whistleStats(organizationId: $o, period: $period) { period raised } }`,
      inside: (w, role) => ({ o: role === 'MEMBER' ? w.org.gridA : w.org.streetA, period: year }),
      outside: (w) => ({ o: w.org.streetB, period: year }),
    },
    'Mutation.raiseWhistle': {
      document: `mutation($input: RaiseWhistleInput!) { raiseWhistle(input: $input) { ${WHISTLE} } }`,
      inside: (w, role) => raiseInput(w, 'communityA', `上报吹哨 ${w.run} ${role} 内`),
      outside: (w, role) => raiseInput(w, 'communityB', `上报吹哨 ${w.run} ${role} 外`),
    },
    'Mutation.resolveWhistle': stepProbe('resolveWhistle', 'ResolveWhistleInput', {
      note: '街道自行解决',
    }),
    'Mutation.blowWhistle': {
      ...stepProbe('blowWhistle', 'BlowWhistleInput', {}),
      inside: (w, role) => ({
        input: { id: w.ids[key('blowWhistle', role, 'A')], departmentIds: [w.ids.whistleDeptA] },
      }),
      outside: (w, role) => ({
        input: { id: w.ids[key('blowWhistle', role, 'B')], departmentIds: [w.org.unit] },
      }),
    },
    'Mutation.acceptWhistle': stepProbe('acceptWhistle', 'AcceptWhistleInput', {}, true),
    'Mutation.actOnWhistle': stepProbe(
      'actOnWhistle',
      'ActOnWhistleInput',
      { note: '派员处置' },
      true,
    ),
    'Mutation.answerWhistle': stepProbe(
      'answerWhistle',
      'AnswerWhistleInput',
      { answer: '已处置完毕' },
      true,
    ),
    'Mutation.evaluateWhistle': stepProbe('evaluateWhistle', 'EvaluateWhistleInput', {
      satisfaction: 'SATISFIED',
    }),
  },
};
