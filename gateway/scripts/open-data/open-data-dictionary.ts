// The data dictionary (数据字典) of the open data, read from the schema: each column's type and
// the description its field carries there, so the dictionary never drifts from what is published;
// and the guard that keeps personal data out of it.
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { planExport } from '../../src/csv-export';
import type { OpenDataset } from './open-datasets';

export interface DictionaryEntry {
  dataset: string;
  column: string;
  /** The column's Chinese name (the dataset's). */
  label: string;
  type: string;
  /** The field's description in the schema, when it has one. */
  description: string;
}

/** The supergraph as a schema to read types and descriptions from (its directives unchecked). */
export function schemaOfSupergraph(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** A type holding personal data: what the members service masks, or a number to reach a person. */
function isPersonal(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return ['personalDataMasked', 'idNumber', 'phone', 'birthDate'].some((f) => f in fields);
}

/** The personal types a query selects anything of: none, for open data. */
export function personalTypesIn(schema: GraphQLSchema, query: string): string[] {
  const info = new TypeInfo(schema);
  const found = new Set<string>();
  visit(
    parse(query),
    visitWithTypeInfo(info, {
      Field() {
        const type = info.getType();
        if (type && isPersonal(getNamedType(type))) found.add(getNamedType(type).name);
      },
    }),
  );
  return [...found];
}

function fieldAt(schema: GraphQLSchema, path: readonly string[]): GraphQLField<unknown, unknown> {
  let type: GraphQLNamedType = schema.getQueryType()!;
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const key of path) {
    field = isObjectType(type) ? type.getFields()[key] : undefined;
    if (!field) throw new Error(`no field ${path.join('.')} in the schema`);
    type = getNamedType(field.type);
  }
  return field!;
}

function typeName(field: GraphQLField<unknown, unknown>): string {
  const type = getNullableType(field.type);
  return isListType(type) ? `[${getNamedType(type).name}]` : getNamedType(type).name;
}

/** One entry a column of a dataset, in the order of its CSV columns. */
export function datasetDictionary(schema: GraphQLSchema, dataset: OpenDataset): DictionaryEntry[] {
  const plan = planExport(dataset.query, undefined, dataset.list);
  // The rows' type: the list's items, a connection's nodes.
  const itemPath = plan.paging ? [...plan.listPath, 'node'] : plan.listPath;
  return plan.columns.map((column) => {
    const field = fieldAt(schema, [...itemPath, ...column]);
    return {
      dataset: dataset.name,
      column: column.join('.'),
      label: dataset.labels[column.join('.')] ?? '',
      type: typeName(field),
      description: field.description?.trim() ?? '',
    };
  });
}
