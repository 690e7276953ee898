import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * A span per GraphQL operation a subgraph runs, child of its HTTP server span, named by the
 * operation; its status says whether the answer carried errors, and their codes. (The gateway
 * has @apollo/gateway's own spans: request, plan, fetch.) Variables are never recorded.
 */
export function graphqlOperationSpanPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const span = trace.getTracer('jiceng-graphql').startSpan('graphql.operation', {
        kind: SpanKind.INTERNAL,
      });
      if (!span.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          span.updateName(`graphql ${type} ${operationName ?? request.operationName ?? ''}`.trim());
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async willSendResponse({ response }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
            span.setAttribute('graphql.error.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
          }
          span.end();
        },
      };
    },
  };
}
