import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ValueNode } from 'graphql';
import { badUserInput, MAX_PAGE_SIZE } from '@jiceng/graphql';

/** Limits for ad-hoc queries; each rejection names the limit that was crossed. */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 3_000,
  maxDirectives: 50,
  maxPageSize: MAX_PAGE_SIZE,
} as const;

export function armorProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost },
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

function intValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** Rejects any `first`/`last` argument above the page size limit, literal or variable. */
export function pageSizeLimitPlugin(
  maxPageSize: number = OPERATION_LIMITS.maxPageSize,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variables = request.variables ?? {};
          visit(document, {
            Argument(node) {
              if (node.name.value !== 'first' && node.name.value !== 'last') return;
              const value = intValue(node.value, variables);
              if (typeof value === 'number' && value > maxPageSize) {
                throw new GraphQLError(
                  `Page size ${value} exceeds the limit of ${maxPageSize} (argument ${node.name.value})`,
                  {
                    nodes: [node],
                    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
                  },
                );
              }
            },
          });
        },
      };
    },
  };
}

// The paths of the number literals in an argument's value that are not finite.
function nonFiniteLiterals(node: ValueNode, at: string): string[] {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT)
    return Number.isFinite(Number(node.value)) ? [] : [at];
  if (node.kind === Kind.LIST)
    return node.values.flatMap((item, i) => nonFiniteLiterals(item, `${at}.${i}`));
  if (node.kind === Kind.OBJECT)
    return node.fields.flatMap((f) => nonFiniteLiterals(f.value, `${at}.${f.name.value}`));
  return [];
}

// The paths of the numbers in a variable's value that are not finite.
function nonFinite(value: unknown, at: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFinite(item, `${at}.${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${at}.${key}`));
  return [];
}

/**
 * Rejects a number too large for a double (1e400, read as Infinity), which the gateway can pass
 * on to no subgraph: as a literal the query planner cannot print it, as a variable it would be
 * sent as null; either failed as a server error. The field is named by its argument path
 * (`input.amountFen`) or, for a variable, by its variable path (`$input.amountFen`).
 */
export function finiteNumbersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const paths = Object.entries(request.variables ?? {}).flatMap(([name, value]) =>
            nonFinite(value, `$${name}`),
          );
          visit(document, {
            Argument(node) {
              paths.push(...nonFiniteLiterals(node.value, node.name.value));
            },
          });
          const fields = paths.map((field) => ({ field, message: 'must be a finite number' }));
          if (fields.length === 0) return;
          const error = badUserInput(fields);
          throw new GraphQLError(error.message, {
            extensions: { ...error.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}
