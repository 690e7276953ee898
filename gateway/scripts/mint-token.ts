// Mints a development JWT: `npm run token -- --role ORG_ADMIN --org <id> [--sub name] [--member <id>] [--ttl 3600]`.
import { parseArgs } from 'node:util';
import { ROLES, jwtSecretFromEnv, mintToken, type Role } from '@jiceng/auth';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'ADMIN' },
    org: { type: 'string' },
    sub: { type: 'string' },
    member: { type: 'string' },
    ttl: { type: 'string', default: String(8 * 3600) },
  },
});

const role = values.role as Role;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(1);
}
try {
  const token = mintToken(
    {
      sub: values.sub ?? `dev-${role.toLowerCase()}`,
      role,
      orgId: values.org,
      memberId: values.member,
      ttlSeconds: Number(values.ttl),
    },
    jwtSecretFromEnv(),
  );
  console.log(token);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
