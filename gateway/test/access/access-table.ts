import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { ROLES, type Role } from '@jiceng/auth';

// ACCESS.md is the platform's access table, written for people: one row per Query and Mutation
// field of the supergraph, one column per role. This module reads it back so the e2e suite can
// run every cell, and so a field without a row (or a row without a field) fails.

const ROOT = join(__dirname, '..', '..', '..');

/**
 * - allowed: any target; the answer carries no FORBIDDEN.
 * - scoped: targets inside the caller's scope are answered, targets outside are not (FORBIDDEN,
 *   NOT_FOUND, null or left out of a list). ADMIN and AUDITOR have the whole tree as scope.
 * - masked: scoped, and personal data comes masked.
 * - FORBIDDEN: FORBIDDEN whatever the target.
 */
export const CELLS = ['allowed', 'scoped', 'masked', 'FORBIDDEN'] as const;
export type Cell = (typeof CELLS)[number];

export interface AccessRow {
  /** `Query.organization`, `Mutation.createOrganization`. */
  field: string;
  cells: Record<Role, Cell>;
  line: number;
}

/** Reads the table rows (`| Query.x | allowed | … |`) of ACCESS.md; throws on a malformed row. */
export function readAccessTable(path = join(ROOT, 'ACCESS.md')): AccessRow[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.find((l) => /^\|\s*Field\s*\|/.test(l));
  if (!header) throw new Error('ACCESS.md has no "| Field | …" header');
  const roles = cellsOf(header).slice(1);
  if (roles.join() !== ROLES.join())
    throw new Error(
      `ACCESS.md's columns must be Field, ${ROLES.join(', ')}; found ${roles.join(', ')}`,
    );
  const rows: AccessRow[] = [];
  lines.forEach((text, index) => {
    const [field, ...values] = cellsOf(text);
    if (!field || !/^`?(Query|Mutation)\.\w+`?$/.test(field)) return;
    if (values.length !== ROLES.length)
      throw new Error(`ACCESS.md:${index + 1}: ${ROLES.length} role cells expected`);
    const cells = {} as Record<Role, Cell>;
    ROLES.forEach((role, i) => {
      const value = values[i] as Cell;
      if (!CELLS.includes(value))
        throw new Error(`ACCESS.md:${index + 1}: "${values[i]}" is not one of ${CELLS.join(', ')}`);
      cells[role] = value;
    });
    rows.push({ field: field.replace(/`/g, ''), cells, line: index + 1 });
  });
  return rows;
}

function cellsOf(line: string): string[] {
  if (!line.trim().startsWith('|')) return [];
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim().replace(/\*\*/g, ''));
}

/** Every Query and Mutation field of the composed supergraph, as `Query.x`. */
export function supergraphRootFields(path = join(ROOT, 'gateway', 'supergraph.graphql')): string[] {
  const document = parse(readFileSync(path, 'utf8'));
  return document.definitions
    .filter(
      (d): d is ObjectTypeDefinitionNode =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION &&
        (d.name.value === 'Query' || d.name.value === 'Mutation'),
    )
    .flatMap((d) => (d.fields ?? []).map((f) => `${d.name.value}.${f.name.value}`))
    .filter((f) => f !== 'Query._entities' && f !== 'Query._service');
}
