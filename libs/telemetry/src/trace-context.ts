// Spans and W3C trace context for the platform's own code: the `traceparent` an event carries
// (the CloudEvents distributed-tracing extension, libs/events) and the spans that continue it in
// the outbox relay and the consumers. Only @opentelemetry/api: with tracing off (tracing.ts) there
// is no active span, nothing is written, and every span is a no-op.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

const tracer = () => trace.getTracer('jiceng');

/** The active span's `traceparent`, or undefined outside any traced work. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` names (the root context without one). */
export function traceContextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  links?: Link[];
}

/** A span continuing the trace of `traceparent` (a new trace without one). */
export function startSpanIn(
  traceparent: string | undefined,
  name: string,
  options: SpanOptions,
): Span {
  return tracer().startSpan(name, options, traceContextOf(traceparent));
}

/** Ends a span with the outcome of `work`, and passes that outcome on. */
export async function endWith<T>(span: Span, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `work` in a span of its own, active meanwhile, continuing `traceparent`'s trace. */
export function inSpan<T>(
  traceparent: string | undefined,
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = startSpanIn(traceparent, name, options);
  return endWith(
    span,
    context.with(trace.setSpan(context.active(), span), () => work(span)),
  );
}

export { SpanKind };
