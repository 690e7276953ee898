import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@jiceng/graphql';

/**
 * What an operation costs to answer: each field 1, and a paginated field (one taking `first` or
 * `last`) its page size times the cost of one item, so a list under a list multiplies: 10
 * organizations each with a page of 100 members cost as 1,000 members. The page size is the
 * argument's value, literal or variable, or the platform's default page size when it is not
 * given (what the subgraphs then serve). Introspection and `__typename` are free.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A fragment costs the same wherever it is spread (validation has ruled out cycles).
  const fragmentCost = new Map<string, number>();

  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        cost += isCompositeType(on) ? costOf(selection.selectionSet, on) : 0;
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (!fragmentCost.has(name)) {
          const fragment = fragments.get(name);
          const on = fragment && schema.getType(fragment.typeCondition.name.value);
          fragmentCost.set(
            name,
            fragment && isCompositeType(on) ? costOf(fragment.selectionSet, on) : 0,
          );
        }
        cost += fragmentCost.get(name)!;
      } else {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const field =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) continue;
        const type = getNamedType(field.type);
        const inner =
          selection.selectionSet && isCompositeType(type)
            ? costOf(selection.selectionSet, type)
            : 0;
        const paginated = field.args.some((a) => a.name === 'first' || a.name === 'last');
        const size = paginated ? pageSizeOf(selection.arguments ?? [], variables) : 1;
        cost += size * (1 + inner);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? costOf(operation.selectionSet, root) : 0;
}

function pageSizeOf(
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
): number {
  let size: number | undefined;
  for (const arg of args) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value =
      arg.value.kind === Kind.INT
        ? Number(arg.value.value)
        : arg.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value]
          : undefined;
    if (typeof value === 'number') size = Math.max(size ?? 0, value);
  }
  return Math.max(size ?? DEFAULT_PAGE_SIZE, 1);
}

/** Rejects an operation costing more than `maxCost` (GRAPHQL_VALIDATION_FAILED, 400), naming both. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > maxCost)
            throw new GraphQLError(
              `Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages, above all of lists within lists`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
        },
      };
    },
  };
}
