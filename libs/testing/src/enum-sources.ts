import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';

// Every enum is written more than once: the SDL (values, Chinese labels as value
// descriptions), a TypeScript value list (what the code and the mongoose schemas accept) and a
// label map (what `<field>Label` resolves to). Nothing generates one from the other, so a
// subgraph's `enums.spec.ts` names, for each SDL enum, the TS copies that describe it, and
// `enumSourceMismatches` proves they are the same set with the same labels.

/** The TypeScript copies of one SDL enum. */
export interface EnumSource {
  /**
   * The value list the code and the mongoose schemas use (`ORGANIZATION_KINDS`); left out where
   * the code has none and the label map's keys are the only TS copy.
   */
  values?: readonly string[];
  /** The label map `<field>Label` resolves through (`ORGANIZATION_KIND_LABELS`). */
  labels?: Readonly<Record<string, string>>;
  /** Why there is no label map (an argument no field ever labels); required without `labels`. */
  unlabelled?: string;
  /** SDL values accepted as input only, never stored nor listed (value → reason). */
  inputOnly?: Readonly<Record<string, string>>;
}

export interface EnumSources {
  /** SDL enum name → its TS copies. */
  sources: Readonly<Record<string, EnumSource>>;
  /** SDL enums with no TS copies, each with the reason (e.g. an argument the code never stores). */
  withoutTs?: Readonly<Record<string, string>>;
}

export interface SdlEnum {
  name: string;
  file: string;
  values: { name: string; description?: string }[];
}

function files(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, accept);
    return accept(entry.name) ? [path] : [];
  });
}

/** The enums declared by the `.graphql` files under a subgraph's `src/`. */
export function sdlEnums(srcDir: string): SdlEnum[] {
  return files(srcDir, (name) => name.endsWith('.graphql')).flatMap((file) =>
    parse(readFileSync(file, 'utf8'))
      .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
      .map((d) => ({
        name: d.name.value,
        file: relative(srcDir, file),
        values: (d.values ?? []).map((v) => ({
          name: v.name.value,
          description: v.description?.value,
        })),
      })),
  );
}

// An SDL value's description is its label, optionally followed by ": " and an explanation
// (`"已公布: the result is published (授旗) …"`).
const isLabelled = (description: string, label: string) =>
  description === label || description.startsWith(`${label}: `);

const list = (values: Iterable<string>) => [...values].join(', ');

function difference(left: readonly string[], right: readonly string[]) {
  const other = new Set(right);
  return left.filter((value) => !other.has(value));
}

/**
 * What disagrees between the SDL enums under `srcDir` and their TS copies: one message per
 * problem, naming the enum and the values. Empty when every copy agrees.
 */
export function enumSourceMismatches(srcDir: string, spec: EnumSources): string[] {
  const problems: string[] = [];
  const enums = sdlEnums(srcDir);
  const declared = new Set(enums.map((e) => e.name));
  const withoutTs = spec.withoutTs ?? {};

  for (const name of Object.keys(spec.sources)) {
    if (!declared.has(name)) problems.push(`${name}: registered but no SDL enum has that name`);
    if (name in withoutTs) problems.push(`${name}: both registered and listed without TS copies`);
  }
  for (const name of Object.keys(withoutTs)) {
    if (!declared.has(name)) problems.push(`${name}: listed without TS copies but not in the SDL`);
  }

  for (const sdl of enums) {
    const where = `${sdl.name} (${sdl.file})`;
    const allSdlValues = sdl.values.map((v) => v.name);
    const undescribed = sdl.values.filter((v) => !v.description?.trim()).map((v) => v.name);
    if (undescribed.length) {
      problems.push(`${where}: SDL values without a label: ${list(undescribed)}`);
    }

    const source = spec.sources[sdl.name];
    if (!source) {
      if (!(sdl.name in withoutTs)) {
        problems.push(`${where}: no TS value list and label map registered, and no reason given`);
      }
      continue;
    }
    const inputOnly = Object.keys(source.inputOnly ?? {});
    const strays = difference(inputOnly, allSdlValues);
    if (strays.length) problems.push(`${where}: input-only values not in the SDL: ${list(strays)}`);
    const sdlValues = difference(allSdlValues, inputOnly);
    if (!source.labels && !source.unlabelled) {
      problems.push(`${where}: no label map registered, and no reason given`);
    }
    if (!source.labels && !source.values) {
      problems.push(`${where}: neither a TS list nor a label map`);
    }
    const labels = source.labels ?? {};
    const values = source.values ?? Object.keys(labels);
    const labelKeys = source.labels ? Object.keys(labels) : values;
    const duplicates = values.filter((v, i) => values.indexOf(v) !== i);
    if (duplicates.length) problems.push(`${where}: TS list repeats ${list(duplicates)}`);
    const pairs: [string, readonly string[], string, readonly string[]][] = [
      ['SDL', sdlValues, 'TS list', values],
      ['TS list', values, 'SDL', sdlValues],
      ['SDL', sdlValues, 'label map', labelKeys],
      ['label map', labelKeys, 'SDL', sdlValues],
    ];
    for (const [has, left, lacks, right] of pairs) {
      const missing = difference(left, right);
      if (missing.length) {
        problems.push(`${where}: in the ${has}, not in the ${lacks}: ${list(missing)}`);
      }
    }
    for (const value of sdl.values) {
      const label = labels[value.name];
      if (
        label !== undefined &&
        value.description !== undefined &&
        !isLabelled(value.description, label)
      ) {
        problems.push(
          `${where}: ${value.name} is "${value.description}" in the SDL but "${label}" in the label map`,
        );
      }
    }
  }
  return problems;
}

/**
 * Enum value arrays under `srcDir` spelled out as string literals, in a mongoose schema
 * (`enum: [...]`) or an input validator (`@IsEnum([...])`, `@IsIn([...])`), that are exactly the
 * values of one SDL enum, or its stored values without the input-only ones (`file:line`). Such
 * code takes the TS list instead, so the set cannot drift from the SDL. Literals of other sets
 * (GeoJSON `'Point'`, a counter's `'DAY' | 'MONTH'`) are not copies.
 */
export function literalEnumCopies(srcDir: string, spec: EnumSources): string[] {
  const sets = sdlEnums(srcDir).flatMap((e) => {
    const all = e.values.map((v) => v.name);
    const stored = difference(all, Object.keys(spec.sources[e.name]?.inputOnly ?? {}));
    return [all, stored].map((values) => ({ name: e.name, key: [...values].sort().join() }));
  });
  const literal = /(?:\benum:\s*|@Is(?:Enum|In)\(\s*)\[([^\]]*)\]/g;
  return files(srcDir, (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts')).flatMap(
    (file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(literal)].flatMap((match) => {
        const items = match[1]
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
        if (!items.length || !items.every((item) => /^['"`]\w+['"`]$/.test(item))) return [];
        const values = items.map((item) => item.slice(1, -1));
        const key = [...values].sort().join();
        const copied = sets.find((set) => set.key === key);
        if (!copied) return [];
        const line = text.slice(0, match.index).split('\n').length;
        return [
          `${relative(srcDir, file)}:${line} spells ${copied.name} literally: ${list(values)}`,
        ];
      });
    },
  );
}

/** The two checks every subgraph's `src/enums.spec.ts` runs over its registry. */
export function describeEnumSources(subgraph: string, srcDir: string, spec: EnumSources): void {
  describe(`${subgraph} enums`, () => {
    it('SDL, TS list, label map agree for every SDL enum', () => {
      expect(enumSourceMismatches(srcDir, spec)).toEqual([]);
    });

    it('schemas and input validators take enum values from the TS lists', () => {
      expect(literalEnumCopies(srcDir, spec)).toEqual([]);
    });
  });
}
