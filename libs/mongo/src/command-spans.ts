import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Connection } from 'mongoose';

type MongoClient = ReturnType<Connection['getClient']>;

// The driver announces each command it sends (command monitoring): a span from the start to the
// reply, as a child of the work that sent it — a request, a consumer's handling. Commands sent
// outside traced work (the outbox relay's polls, index builds) start no trace of their own. The
// command's content is never recorded: it holds personal data.
const tracer = () => trace.getTracer('jiceng-mongo');

/** Spans for the commands a client sends; a no-op while tracing is off (libs/telemetry). */
export function traceMongoCommands(client: MongoClient): void {
  const open = new Map<string, Span>();
  const key = (event: { connectionId?: unknown; requestId: number }) =>
    `${String(event.connectionId)}:${event.requestId}`;
  client.on('commandStarted', (event) => {
    if (!trace.getSpan(context.active())?.isRecording()) return;
    const collection = event.command?.[event.commandName];
    open.set(
      key(event),
      tracer().startSpan(`${event.commandName} ${event.databaseName}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system': 'mongodb',
          'db.namespace': event.databaseName,
          'db.operation.name': event.commandName,
          ...(typeof collection === 'string' ? { 'db.collection.name': collection } : {}),
          'server.address': event.address,
        },
      }),
    );
  });
  const end = (event: { connectionId?: unknown; requestId: number }, failure?: Error) => {
    const span = open.get(key(event));
    if (!span) return;
    open.delete(key(event));
    if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    span.end();
  };
  client.on('commandSucceeded', (event) => end(event));
  client.on('commandFailed', (event) => end(event, event.failure));
}
