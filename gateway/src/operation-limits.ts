import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ValueNode } from 'graphql';
import { MAX_PAGE_SIZE } from '@jiceng/graphql';

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
