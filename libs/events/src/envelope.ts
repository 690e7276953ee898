import { randomUUID } from 'node:crypto';
import Ajv, { type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { currentTraceparent } from '@jiceng/telemetry';

/** A CloudEvents 1.0 event in structured JSON mode. */
export interface CloudEvent<T> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  data: T;
  /**
   * The CloudEvents distributed-tracing extension: the W3C trace context of the work that
   * created the event, when it was traced; its publishing and handling continue that trace.
   */
  traceparent?: string;
}

/** What a topic carries: its event types and the JSON Schema of their payload. */
export interface EventContract<T> {
  topic: string;
  source: string;
  types: readonly string[];
  dataschema: string;
  schema: JSONSchemaType<T>;
}

export class EventValidationError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length ? `${message}: ${details.join('; ')}` : message);
    this.name = 'EventValidationError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor<T>(contract: EventContract<T>): ValidateFunction<T> {
  let validate = validators.get(contract.schema);
  if (!validate) {
    validate = ajv.compile(contract.schema);
    validators.set(contract.schema, validate);
  }
  return validate as ValidateFunction<T>;
}

function schemaErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  );
}

export function validateData<T>(contract: EventContract<T>, data: unknown): T {
  const validate = validatorFor(contract);
  if (!validate(data)) {
    throw new EventValidationError(`Invalid ${contract.topic} payload`, schemaErrors(validate));
  }
  return data;
}

export interface NewEvent<T> {
  type: string;
  subject: string;
  data: T;
  id?: string;
  time?: Date;
}

/** Builds an event for a contract; the payload is validated before it can reach an outbox. */
export function createEvent<T>(contract: EventContract<T>, event: NewEvent<T>): CloudEvent<T> {
  if (!contract.types.includes(event.type)) {
    throw new EventValidationError(`Event type ${event.type} is not carried by ${contract.topic}`);
  }
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: contract.source,
    type: event.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: contract.dataschema,
    data: validateData(contract, event.data),
    ...traceExtension(),
  };
}

function traceExtension(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}

const REQUIRED_STRINGS = ['id', 'source', 'type', 'subject', 'time', 'dataschema'] as const;

/** Parses and validates a message value received from a contract's topic. */
export function parseEvent<T>(
  contract: EventContract<T>,
  raw: Buffer | string | null,
): CloudEvent<T> {
  if (raw === null) throw new EventValidationError('Empty message');
  let value: unknown;
  try {
    value = JSON.parse(raw.toString());
  } catch {
    throw new EventValidationError('Message is not JSON');
  }
  if (typeof value !== 'object' || value === null)
    throw new EventValidationError('Message is not an object');
  const event = value as Record<string, unknown>;
  const problems: string[] = [];
  if (event.specversion !== '1.0') problems.push('specversion must be "1.0"');
  if (event.datacontenttype !== 'application/json')
    problems.push('datacontenttype must be application/json');
  for (const key of REQUIRED_STRINGS) {
    if (typeof event[key] !== 'string' || event[key] === '')
      problems.push(`${key} must be a non-empty string`);
  }
  if (event.traceparent !== undefined && typeof event.traceparent !== 'string')
    problems.push('traceparent must be a W3C trace context string');
  if (typeof event.time === 'string' && Number.isNaN(Date.parse(event.time)))
    problems.push('time must be an RFC 3339 instant');
  if (typeof event.type === 'string' && !contract.types.includes(event.type)) {
    problems.push(`type ${event.type} is not carried by ${contract.topic}`);
  }
  if (problems.length) throw new EventValidationError('Invalid CloudEvent', problems);
  validateData(contract, event.data);
  return event as unknown as CloudEvent<T>;
}
