import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { badUserInput, MAX_PAGE_SIZE } from '@jiceng/graphql';

/** Limits for ad-hoc queries; each rejection names the limit that was crossed. */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 3_000,
  maxDirectives: 50,
  maxFields: 500,
  maxPageSize: MAX_PAGE_SIZE,
} as const;

export function armorProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    // armor's cost counts literal page sizes only and ignores a missing one: operation-cost.ts.
    costLimit: { enabled: false },
    // Counted by graphql-js's own parser instead (`limitedParseOptions`): armor's plugin parses
    // the document a second time in a hook, so a syntax error or too many tokens became a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * Rejects a document selecting more than `maxFields` fields in all. graphql-js stops checking
 * that same-named fields can merge once that costs too much work (hundreds of repeated fields
 * do) with a bare "Validation aborted."; this names the limit such a document crosses.
 */
export function fieldLimitRule(maxFields: number = OPERATION_LIMITS.maxFields) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      let fields = 0;
      visit(document, {
        Field() {
          fields++;
        },
      });
      if (fields > maxFields)
        context.reportError(
          new GraphQLError(`Field limit of ${maxFields} exceeded, found ${fields}.`),
        );
    },
  });
}

const ABORTED = 'Validation aborted.';

/**
 * graphql-js's "Validation aborted." says neither why nor which limit: dropped when another error
 * (the field limit) explains it, otherwise given a reason.
 */
export function validationAbortedPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          // Apollo formats this same array afterwards, so the answer is changed in place.
          const list = errors as GraphQLError[];
          const aborted = list.findIndex((e) => e.message === ABORTED);
          if (aborted < 0) return;
          if (list.length > 1) list.splice(aborted, 1);
          else
            list[aborted].message =
              'Validation aborted: the document repeats or overlaps fields too much to be checked; select each field once';
        },
      };
    },
  };
}

/** Apollo's `parseOptions`: a document over the token limit fails to parse (GRAPHQL_PARSE_FAILED, 400). */
export const limitedParseOptions = { maxTokens: OPERATION_LIMITS.maxTokens } as const;

/**
 * Answers a document that names no operation to run with a 400 BAD_REQUEST: several operations
 * without `operationName`, or an `operationName` the document lacks. The gateway's executor would
 * otherwise throw, which Apollo reports as an internal error (500).
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `The document has no operation named ${request.operationName}`
            : 'The document has several operations: name the one to run in operationName';
          throw new GraphQLError(message, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
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
