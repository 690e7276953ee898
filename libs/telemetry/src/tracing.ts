// The OpenTelemetry SDK of a process, on when OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) names a collector, off otherwise: then every span the code
// starts through @opentelemetry/api is a no-op and no traceparent is written into events.
//
// What makes one trace of a request: the HTTP instrumentation (the gateway's server span, its
// fetches to the subgraphs with their `traceparent` header, each subgraph's server span),
// @apollo/gateway's own spans (plan, fetch), the subgraphs' GraphQL operation span
// (libs/subgraph), MongoDB command spans (libs/mongo), and, across Kafka, the `traceparent`
// CloudEvents extension attribute each event carries from the request that wrote it
// (libs/events) to the relay's publish span (libs/outbox) and the consumer's process span
// (libs/kafka).
import { context, propagation, trace } from '@opentelemetry/api';

export interface Tracing {
  /** Exports what is still buffered and stops; spans started afterwards are dropped. */
  shutdown(): Promise<void>;
}

/** Paths probes and scrapers call every few seconds: their spans would drown the requests'. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Registers the tracer provider and the HTTP instrumentation for `service` (its `service.name`,
 * unless OTEL_SERVICE_NAME says otherwise). Call it first thing in a process, before the
 * modules it instruments are used. The exporter and the batch processor read the standard
 * OTEL_* variables (OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_SCHEDULE_DELAY, …).
 */
export async function startTracing(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing> {
  if (!tracingEnabled(env)) return { shutdown: async () => undefined };
  // Loaded only when on: the libraries that start spans import this package for its helpers.
  const [
    { OTLPTraceExporter },
    { registerInstrumentations },
    { HttpInstrumentation },
    { Resource },
    { BatchSpanProcessor },
    { NodeTracerProvider },
    { ATTR_SERVICE_NAME },
  ] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const provider = new NodeTracerProvider({
    resource: new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The W3C trace-context propagator and the AsyncLocalStorage context manager.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
    ],
  });
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
