import { randomBytes } from 'node:crypto';
import {
  dropDatabases,
  errorCode,
  errorFields,
  gql,
  startApp,
  tokenFor,
  type AppProcess,
} from '@jiceng/testing';

// Every other subgraph of the gateway is pointed at a closed port: these mutations need none.
const UNUSED = 'http://127.0.0.1:9/graphql';

describe('bad input through the gateway is BAD_USER_INPUT naming the field', () => {
  const dbName = `jiceng_organizations_e2e_${randomBytes(4).toString('hex')}`;
  let subgraph: AppProcess;
  let gateway: AppProcess;
  const admin = tokenFor('ADMIN');
  const run = (query: string, variables?: object) => gql(gateway.baseUrl, admin, query, variables);
  const expectBadInput = (res: Awaited<ReturnType<typeof run>>, fields: string[]) => {
    expect(res.errors).toHaveLength(1);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
  };

  beforeAll(async () => {
    subgraph = await startApp('services/organizations', { MONGO_DB: dbName });
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: subgraph.url,
      SUBGRAPH_URL_MEMBERS: UNUSED,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await dropDatabases(dbName);
  });

  const createPairing = `mutation($input: CreatePairingInput!) { createPairing(input: $input) { id } }`;
  const pairing = { name: '联建', kind: 'VILLAGE_ENTERPRISE', parties: [] };

  it('refuses an unreadable DateTime as a literal, a variable or a nested variable', async () => {
    expectBadInput(
      await run(
        'mutation { createPairing(input: { name: "联建", kind: VILLAGE_ENTERPRISE, parties: [], startedAt: "yesterday" }) { id } }',
      ),
      ['input.startedAt'],
    );
    expectBadInput(await run(createPairing, { input: { ...pairing, startedAt: 'yesterday' } }), [
      'input.startedAt',
    ]);
    expectBadInput(await run(createPairing, { input: { ...pairing, startedAt: { $gt: 0 } } }), [
      'input.startedAt',
    ]);
    expectBadInput(
      await run(
        'mutation($t: DateTime) { createPairing(input: { name: "联建", kind: VILLAGE_ENTERPRISE, parties: [], startedAt: $t }) { id } }',
        { t: 'yesterday' },
      ),
      ['input.startedAt'],
    );
  });

  const createOrganization = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
  const org = { kind: 'PARTY_COMMITTEE', sector: 'STATE_ORGAN', regionCode: '130000' };

  it.each([
    ['only spaces', '    '],
    ['NUL', '河北\u0000省委'],
    ['a bidirectional override', '河北\u202E省委'],
    ['a zero-width space', '河北\u200B省委'],
    ['a line break', '河北\n省委'],
    ['too many characters', '河'.repeat(101)],
  ])('refuses a name of %s, and writes nothing', async (_, name) => {
    expectBadInput(await run(createOrganization, { input: { ...org, name } }), ['input.name']);
  });

  it('stores a name trimmed', async () => {
    const res = await run(createOrganization, { input: { ...org, name: '  河北省委 ' } });
    expect(res.data?.createOrganization.name).toBe('河北省委');
  });
});
