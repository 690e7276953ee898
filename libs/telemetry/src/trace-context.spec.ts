import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { currentTraceparent, inSpan, SpanKind } from './trace-context';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';

describe('trace context of events', () => {
  it('writes nothing and runs the work as is while tracing is off', async () => {
    expect(currentTraceparent()).toBeUndefined();
    await expect(
      inSpan(undefined, 'work', { kind: SpanKind.INTERNAL }, async () => 'done'),
    ).resolves.toBe('done');
  });

  describe('with a tracer provider', () => {
    const exporter = new InMemorySpanExporter();
    beforeAll(() => {
      // What startTracing registers: W3C propagation and the async context manager.
      new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    });
    afterAll(() => {
      trace.disable();
      context.disable();
      propagation.disable();
    });
    beforeEach(() => exporter.reset());

    it("continues an event's traceparent, and the work inside sees its span", async () => {
      let inside: string | undefined;
      await inSpan(
        `00-${TRACE}-${PARENT}-01`,
        'process t',
        { kind: SpanKind.CONSUMER },
        async () => {
          inside = currentTraceparent();
        },
      );
      const [span] = exporter.getFinishedSpans();
      expect(span.spanContext().traceId).toBe(TRACE);
      expect(span.parentSpanId).toBe(PARENT);
      expect(span.kind).toBe(SpanKind.CONSUMER);
      expect(inside).toBe(`00-${TRACE}-${span.spanContext().spanId}-01`);
    });

    it('ends the span with the error, which it passes on', async () => {
      await expect(
        inSpan(undefined, 'fails', { kind: SpanKind.INTERNAL }, async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
      expect(span.events.map((e) => e.name)).toEqual(['exception']);
      expect(span.parentSpanId).toBeUndefined();
    });
  });
});
