import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { hasGlobalScope, type Role } from '@jiceng/auth';
import type { GraphQLResult } from '@jiceng/testing';
import type { AccessRow, Cell } from './access-table';
import type { AdminApi, Probe, Variables, World } from './probe';

// How one row of ACCESS.md is checked: every role's cell, each as one or two requests through the
// gateway. Order matters for mutations: refusals run first, while every target is still as setup
// left it, so a refusal cannot hide behind a CONFLICT or a NOT_FOUND.

const NEVER_LET_THROUGH = ['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR'];
const HIDDEN = ['FORBIDDEN', 'NOT_FOUND'];

interface Answer {
  codes: string[];
  data: unknown;
  messages: string[];
}

function rootFieldOf(document: string): string {
  const operation = parse(document).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const first = operation?.selectionSet.selections[0];
  if (!first || first.kind !== Kind.FIELD) throw new Error(`no root field in ${document}`);
  return (first.alias ?? first.name).value;
}

function answerOf(res: GraphQLResult, rootField: string): Answer {
  const errors = res.errors ?? [];
  return {
    codes: errors.map((e) => String(e.extensions?.code ?? 'NO_CODE')),
    messages: errors.map((e) => e.message),
    data: (res.data as Record<string, unknown> | null | undefined)?.[rootField] ?? null,
  };
}

const isEmpty = (data: unknown): boolean => {
  if (data === null || data === undefined) return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === 'object') {
    const { edges, nodes } = data as { edges?: unknown[]; nodes?: unknown[] };
    if (Array.isArray(edges)) return edges.length === 0;
    if (Array.isArray(nodes)) return nodes.length === 0;
  }
  return false;
};

const summary = (a: Answer) =>
  a.codes.length ? `${a.codes.join(', ')} (${a.messages.join(' | ').slice(0, 200)})` : 'an answer';

/** Runs every cell of `row`; returns what was wrong, one line per cell ([] when all held). */
export async function checkRow(
  row: AccessRow,
  probe: Probe,
  world: World,
  api: AdminApi,
): Promise<string[]> {
  const rootField = rootFieldOf(probe.document);
  const problems: string[] = [];
  const ask = async (role: Role, variables: Variables) =>
    answerOf(await api.as(api.token(role), probe.document, variables), rootField);
  const roles = Object.keys(row.cells) as Role[];
  const cell = (role: Role): Cell => row.cells[role];
  const letThrough = (a: Answer) =>
    a.codes.every((c) => !NEVER_LET_THROUGH.includes(c) && (probe.tolerate ?? []).includes(c));
  const expectLetThrough = (role: Role, where: string, a: Answer) => {
    if (!letThrough(a)) problems.push(`${role} (${cell(role)}, ${where}): got ${summary(a)}`);
  };
  const expectHidden = (role: Role, a: Answer) => {
    const refused = a.codes.some((c) => HIDDEN.includes(c)) && a.data === null;
    const nothing = a.codes.length === 0 && isEmpty(a.data);
    if (!refused && !nothing)
      problems.push(
        `${role} (${cell(role)}, outside): answered ${summary(a)} ${JSON.stringify(a.data)?.slice(0, 160)}`,
      );
  };

  // 1. Refusals, with targets inside the caller's scope.
  for (const role of roles.filter((r) => cell(r) === 'FORBIDDEN')) {
    const a = await ask(role, probe.inside(world, role));
    if (!a.codes.includes('FORBIDDEN') || a.data !== null)
      problems.push(
        `${role} (FORBIDDEN): got ${summary(a)} ${JSON.stringify(a.data)?.slice(0, 160)}`,
      );
  }
  const scopedOut = (r: Role) =>
    (cell(r) === 'scoped' || cell(r) === 'masked') && !hasGlobalScope({ role: r, sub: '', exp: 0 });
  // 2. Scoped roles aiming outside their scope see nothing of it.
  if (probe.outside)
    for (const role of roles.filter(scopedOut))
      expectHidden(role, await ask(role, probe.outside(world, role)));
  // 3. Inside: let through; lists leak nothing; masked cells mask.
  for (const role of roles.filter((r) => cell(r) !== 'FORBIDDEN')) {
    const a = await ask(role, probe.inside(world, role));
    expectLetThrough(role, 'inside', a);
    if (probe.leaks && scopedOut(role)) {
      const leaked = probe.leaks(a.data, world, role);
      if (leaked.length)
        problems.push(`${role} (${cell(role)}): the answer holds ${leaked.join(', ')}`);
    }
    if (cell(role) === 'masked') {
      if (!probe.unmasked) problems.push(`${role} (masked): the probe has no unmasked() check`);
      else {
        const raw = probe.unmasked(a.data);
        if (raw.length) problems.push(`${role} (masked): unmasked ${raw.join(', ')}`);
      }
    }
  }
  // 4. Unscoped cells, and ADMIN/AUDITOR everywhere, reach outside targets too.
  if (probe.outside)
    for (const role of roles.filter((r) => cell(r) !== 'FORBIDDEN' && !scopedOut(r)))
      expectLetThrough(role, 'outside', await ask(role, probe.outside(world, role)));
  return problems;
}
