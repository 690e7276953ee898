import { otherMember, type ProbeSet } from '../probe';

const MEMBER = 'id name idNumber phone birthDate personalDataMasked';
/** Raw forms of the suite's members' personal data (see stack.ts). */
const unmaskedMember = (m: any): string[] =>
  !m
    ? []
    : [
        /^\d{17}[\dX]$/.test(m.idNumber ?? '') && `idNumber ${m.idNumber}`,
        /^1\d{10}$/.test(m.phone ?? '') && `phone ${m.phone}`,
        /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate ?? '') && `birthDate ${m.birthDate}`,
      ].filter((x): x is string => !!x);

export const membersProbes: ProbeSet = {
  probes: {
    'Query.member': {
      document: `query($id: ID!) { member(id: $id) { ${MEMBER} } }`,
      inside: (w) => ({ id: w.self }),
      outside: (w, role) => ({ id: otherMember(w, role) }),
      unmasked: unmaskedMember,
    },
  },
};
