import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNode, parse, parseDocument } from 'yaml';
import {
  checkInReviewedV1,
  whistleStepV1,
  serviceRequestStepV1,
  firmBonusV1,
  memberLifecycleV1,
  householdContactsV1,
  organizationalLifeV1,
  organizationLifecycleV1,
  pairingEventsV1,
  parseEvent,
  projectEventsV1,
  PROVINCIAL_GROUP_PREFIX,
  PROVINCIAL_TOPICS,
  serviceDayV1,
  starRatingV1,
  stationVisitRecordedV1,
  TOPIC_SPECS,
  validateData,
  type EventContract,
} from './index';

// libs/events/asyncapi.yaml is what provincial systems read; this keeps it equal to the code.
// UPDATE_ASYNCAPI=1 rewrites the document's payload schemas from the contracts first (and formats
// the file with prettier), and provincial-topics.json from TOPIC_SPECS.

const FILE = join(__dirname, '..', 'asyncapi.yaml');
// What the broker's ACLs allow a provincial principal (infra/local reads it with node builtins
// only, before any build; docker-compose's kafka-access service mounts it).
const PROVINCIAL_FILE = join(__dirname, '..', 'provincial-topics.json');
const provincialAccess = () =>
  `${JSON.stringify(
    {
      $comment:
        'Generated from libs/events/src/topics.ts (audience: provincial) by UPDATE_ASYNCAPI=1 npx jest -c libs/events/jest.config.js asyncapi; do not edit.',
      groupPrefix: PROVINCIAL_GROUP_PREFIX,
      topics: PROVINCIAL_TOPICS,
    },
    null,
    2,
  )}\n`;
const PROVINCIAL_SERVERS = ['local', 'localProvincial', 'provincial'];
// Each contract's payload type differs; here they are only data with their schemas.
const CONTRACTS = [
  organizationLifecycleV1,
  projectEventsV1,
  pairingEventsV1,
  starRatingV1,
  memberLifecycleV1,
  organizationalLifeV1,
  householdContactsV1,
  checkInReviewedV1,
  serviceDayV1,
  whistleStepV1,
  serviceRequestStepV1,
  firmBonusV1,
  stationVisitRecordedV1,
] as unknown as EventContract<unknown>[];

type Node = Record<string, any>;

function pointer(doc: Node, ref: string): Node {
  if (!ref.startsWith('#/')) throw new Error(`only local references: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => {
      if (node?.[key] === undefined) throw new Error(`${ref} does not resolve`);
      return node[key];
    }, doc);
}

const deref = (doc: Node, node: Node): Node =>
  node?.$ref ? deref(doc, pointer(doc, node.$ref)) : node;

/** The schema path `data` refers to in a message's envelope, and the envelope's own part. */
function envelopeOf(doc: Node, message: Node): { dataRef: string; own: Node } {
  const envelope = deref(doc, message.payload);
  const own = envelope.allOf?.find((part: Node) => !part.$ref) ?? envelope;
  const dataRef = own.properties?.data?.$ref;
  if (typeof dataRef !== 'string')
    throw new Error(`${message.name}: data is not a schema reference`);
  return { dataRef, own };
}

function messagesOf(doc: Node, channel: Node): Node[] {
  return Object.values(channel.messages ?? {}).map((m) => deref(doc, m as Node));
}

function channelFor(doc: Node, topic: string): [string, Node] | undefined {
  return Object.entries<Node>(doc.channels ?? {}).find(([, c]) => c.address === topic);
}

if (process.env.UPDATE_ASYNCAPI === '1') {
  const text = readFileSync(FILE, 'utf8');
  const plain = parse(text);
  const yaml = parseDocument(text);
  for (const contract of CONTRACTS) {
    const found = channelFor(plain, contract.topic);
    if (!found) continue;
    for (const message of messagesOf(plain, found[1])) {
      const path = envelopeOf(plain, message).dataRef.slice(2).split('/');
      yaml.setIn(path, createNode(JSON.parse(JSON.stringify(contract.schema))));
    }
  }
  writeFileSync(FILE, String(yaml));
  writeFileSync(PROVINCIAL_FILE, provincialAccess());
  // In the repository's format, so that `prettier --check` still passes.
  execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', FILE]);
}

const doc: Node = parse(readFileSync(FILE, 'utf8'));

describe('asyncapi.yaml', () => {
  it('is an AsyncAPI 3.0 document whose references all resolve', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') refs.push(value as string);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(() => pointer(doc, ref)).not.toThrow();
  });

  it('lets provincial systems authenticate with SCRAM-SHA-512 on the provincial servers only', () => {
    expect(doc.components.securitySchemes.scramSha512.type).toBe('scramSha512');
    for (const [name, server] of Object.entries<Node>(doc.servers)) {
      const security = (server.security ?? []).map((s: Node) => deref(doc, s).type);
      expect([name, security]).toEqual([name, name === 'local' ? [] : ['scramSha512']]);
    }
    expect(Object.keys(doc.servers).sort()).toEqual([...PROVINCIAL_SERVERS].sort());
    expect(doc.servers.localProvincial.description).toContain(PROVINCIAL_GROUP_PREFIX);
  });

  it('has provincial-topics.json, what the broker lets a provincial principal read, equal to the code', () => {
    expect(readFileSync(PROVINCIAL_FILE, 'utf8')).toBe(provincialAccess());
    expect(PROVINCIAL_TOPICS.length).toBeGreaterThan(0);
    expect(PROVINCIAL_TOPICS.length).toBeLessThan(TOPIC_SPECS.length);
  });

  it('has a contract here and a channel there for every topic, and nothing else', () => {
    expect(CONTRACTS.map((c) => c.topic).sort()).toEqual(TOPIC_SPECS.map((s) => s.name).sort());
    expect(
      Object.values<Node>(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(TOPIC_SPECS.map((s) => s.name).sort());
  });

  describe.each(TOPIC_SPECS.map((spec) => [spec.name, spec] as const))('%s', (topic, spec) => {
    const contract = CONTRACTS.find((c) => c.topic === topic)!;
    const [channelKey, channel] = channelFor(doc, topic) ?? ['', {}];

    it('is a channel with the topic, its partitions and an operation sending on it', () => {
      expect(channel.address).toBe(topic);
      expect(channel.bindings?.kafka).toMatchObject({ topic, partitions: spec.partitions });
      const operations = Object.values<Node>(doc.operations).filter(
        (op) => deref(doc, op.channel) === channel,
      );
      expect(operations.map((op) => op.action)).toEqual(['send']);
    });

    it(`is tagged ${spec.audience} and on the servers of its audience`, () => {
      expect(channel.tags).toEqual([{ name: spec.audience }]);
      expect(channel.servers.map((s: Node) => s.$ref.replace('#/servers/', ''))).toEqual(
        spec.audience === 'provincial' ? PROVINCIAL_SERVERS : ['local'],
      );
    });

    it("carries the CloudEvents envelope with the contract's source, types and payload schema", () => {
      const messages = messagesOf(doc, channel);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        const { dataRef, own } = envelopeOf(doc, message);
        expect(pointer(doc, dataRef)).toEqual(JSON.parse(JSON.stringify(contract.schema)));
        expect(own.properties.source.const).toBe(contract.source);
        expect(own.properties.dataschema.const).toBe(contract.dataschema);
        expect([...own.properties.type.enum].sort()).toEqual([...contract.types].sort());
        expect(message.bindings?.kafka?.key).toMatchObject({ type: 'string' });
      }
    });

    it('has examples the code accepts, keyed by their subject', () => {
      for (const message of messagesOf(doc, channel)) {
        expect(message.examples?.length).toBeGreaterThan(0);
        for (const example of message.examples) {
          expect(() => validateData(contract, example.payload.data)).not.toThrow();
          const event = parseEvent(contract, JSON.stringify(example.payload));
          expect(event.subject).toMatch(new RegExp(message.bindings.kafka.key.pattern));
          expect(example.headers?.['ce-id']).toBe(event.id);
        }
      }
      expect(channelKey).not.toBe('');
    });
  });
});
