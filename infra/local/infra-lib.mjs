// Local infrastructure: a KRaft Kafka (one node, or a three-node cluster with KAFKA_NODES=3) and
// a MongoDB-wire server (mongo-java-server + H2 file backend), run as detached JVMs on 127.0.0.1.
// Every Kafka node has a second, authenticated listener for provincial consumers (see
// provincialListener).
// Only node: builtins, so it works before `npm install` and from test setup code.
//
//   import { up, down, status, reset, killNode, startNode } from './infra/local/infra-lib.mjs';
//
// All state (jars, classes, data, logs, pid files) lives in INFRA_STATE_DIR
// (default infra/local/.state/, git-ignored).

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 300_000; // the Mongo-wire server opens 100,000 demo members slowly
const POLL_MS = 250;

/** An expected, user-facing failure: the CLI prints only its message (one sentence). */
export class InfraError extends Error {}

// ---------------------------------------------------------------------------
// Configuration

function portFromEnv(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InfraError(`${name} must be a port number between 1 and 65535 (got '${raw}').`);
  }
  return port;
}

function megabytesFromEnv(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 16 || mb > 65536) {
    throw new InfraError(
      `${name} must be a whole number of megabytes from 16 to 65536 (got '${raw}').`,
    );
  }
  return mb;
}

// A KRaft quorum needs a majority of its controllers: one node, or three that survive the loss
// of one. Every node is a broker and a controller.
const KAFKA_NODE_COUNTS = [1, 3];

function nodeCountFromEnv(env) {
  const raw = env.KAFKA_NODES;
  if (raw === undefined || raw === '') return 1;
  const nodes = Number(raw);
  if (!KAFKA_NODE_COUNTS.includes(nodes)) {
    throw new InfraError(`KAFKA_NODES must be 1 or 3 (got '${raw}').`);
  }
  return nodes;
}

/**
 * The Kafka nodes: node i (0-based, node.id i + 1) listens for clients on KAFKA_PORT + 2i, for
 * its controller on KAFKA_CONTROLLER_PORT + 2i and for provincial consumers on
 * KAFKA_PROVINCIAL_PORT + 2i, so the defaults 9092/9093 give 9094/9095 and 9096/9097 to nodes 2
 * and 3, and the provincial listeners 9098, 9100 and 9102 (9094 for a single node). Node 1 keeps the single node's names (kafka/, kafka.pid), so a
 * one-node state directory is node 1 of the same layout.
 */
function kafkaNodes(env, component) {
  const port = portFromEnv(env, 'KAFKA_PORT', 9092);
  const controllerPort = portFromEnv(env, 'KAFKA_CONTROLLER_PORT', 9093);
  const count = nodeCountFromEnv(env);
  const provincial = provincialConfig(env, port + 2 * count);
  const nodes = Array.from({ length: count }, (_, i) => {
    const node = component(i === 0 ? 'kafka' : `kafka-${i + 1}`, port + 2 * i, 'KAFKA_PORT');
    node.id = i + 1;
    node.controllerPort = controllerPort + 2 * i;
    node.provincial = { ...provincial, port: provincial.port + 2 * i };
    node.propsFile = join(node.dir, 'server.properties');
    return node;
  });
  const ports = nodes.flatMap((n) => [n.port, n.controllerPort, n.provincial.port]);
  if (ports.some((p) => p > 65535)) {
    throw new InfraError(
      `KAFKA_PORT and KAFKA_CONTROLLER_PORT leave no room for ${nodes.length} nodes.`,
    );
  }
  if (new Set(ports).size !== ports.length) {
    throw new InfraError(
      nodes.length === 1
        ? 'KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_PROVINCIAL_PORT must differ.'
        : `KAFKA_PORT + 2i, KAFKA_CONTROLLER_PORT + 2i and KAFKA_PROVINCIAL_PORT + 2i (i < ${nodes.length}) must all differ.`,
    );
  }
  return nodes;
}

/**
 * The provincial consumers' listener and principal (KAFKA_PROVINCIAL_PORT, KAFKA_PROVINCIAL_USER,
 * KAFKA_PROVINCIAL_PASSWORD): node i's port is KAFKA_PROVINCIAL_PORT + 2i. The defaults are for loopback only: a real deployment issues its
 * own credentials (docker-compose.yml).
 */
function provincialConfig(env, defaultPort) {
  return {
    port: portFromEnv(env, 'KAFKA_PROVINCIAL_PORT', defaultPort),
    portVar: 'KAFKA_PROVINCIAL_PORT',
    user: env.KAFKA_PROVINCIAL_USER || 'provincial',
    password: env.KAFKA_PROVINCIAL_PASSWORD || 'provincial-local-secret',
  };
}

/** Resolves paths and ports from the environment (KAFKA_NODES, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_PROVINCIAL_*, MONGO_PORT, INFRA_STATE_DIR). */
export function config(env = process.env) {
  const stateDir = resolve(env.INFRA_STATE_DIR || join(HERE, '.state'));
  const component = (name, port, portVar) => {
    const dir = join(stateDir, name);
    return {
      name,
      port,
      portVar,
      dir,
      dataDir: join(dir, 'data'),
      logFile: join(dir, 'server.log'), // log4j2 output
      stdoutFile: join(dir, 'stdout.log'), // JVM crashes, uncaught startup errors
      pidFile: join(stateDir, `${name}.pid`),
    };
  };
  const nodes = kafkaNodes(env, component);
  const mongo = component('mongo', portFromEnv(env, 'MONGO_PORT', 27017), 'MONGO_PORT');
  mongo.dataFile = join(mongo.dataDir, 'mongo.mv'); // H2 MVStore file
  mongo.cacheMb = megabytesFromEnv(env, 'MONGO_CACHE_MB', 512);
  return {
    stateDir,
    libDir: join(stateDir, 'lib'),
    classesDir: join(stateDir, 'classes'),
    buildStamp: join(stateDir, 'build.stamp'),
    buildLog: join(stateDir, 'build.log'),
    kafka: nodes[0],
    kafkaNodes: nodes,
    // The cluster id and node count the Kafka data was formatted with.
    kafkaClusterFile: join(stateDir, 'kafka-cluster.json'),
    mongo,
  };
}

// ---------------------------------------------------------------------------
// Small process helpers

function javaTool(tool) {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', tool) : tool;
}

/** Runs a command to completion; resolves { code, output } and never rejects on a missing binary. */
function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (err) =>
      resolvePromise({ code: err.code === 'ENOENT' ? 'ENOENT' : -1, output: String(err) }),
    );
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

async function requireJava() {
  const { code, output } = await run(javaTool('java'), ['-version']);
  if (code === 'ENOENT')
    throw new InfraError('java was not found on PATH (or JAVA_HOME); install a Java 17+ JDK.');
  const major = Number((/version "(\d+)/.exec(output) || [])[1]);
  if (code !== 0 || !(major >= 17)) {
    throw new InfraError(
      `Java 17 or newer is required (found: ${output.split('\n')[0].trim() || 'unknown'}).`,
    );
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  // A zombie still answers kill(0); treat it as dead.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------
// Pid files: "<pid>\n<port>\n". A pid only counts if the process is alive AND its
// command line is the one we started (main class + a path inside our state dir),
// so a recycled pid never gets signalled.

async function readPidFile(comp) {
  try {
    const [pid, port] = (await readFile(comp.pidFile, 'utf8')).split('\n').map(Number);
    return Number.isInteger(pid) && pid > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

function isOurProcess(pid, comp) {
  const args = cmdline(pid);
  return args.includes(comp.mainClass) && args.includes(comp.marker);
}

/** The live process we started for this component, or null (stale pid files are removed). */
async function ourProcess(comp) {
  const rec = await readPidFile(comp);
  if (!rec) return null;
  if (isAlive(rec.pid) && isOurProcess(rec.pid, comp)) return rec;
  await rm(comp.pidFile, { force: true });
  return null;
}

// ---------------------------------------------------------------------------
// Health probes over raw sockets (no client libraries available here).

/** Sends one length-prefixed frame and resolves the first complete reply frame (without its length). */
function request(port, frame, lengthOf, timeoutMs = 2000) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ host: HOST, port });
    let buf = Buffer.alloc(0);
    const done = (result) => {
      socket.destroy();
      resolvePromise(result);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
    socket.on('connect', () => socket.write(frame));
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 4 && buf.length >= lengthOf(buf)) done(buf.subarray(0, lengthOf(buf)));
    });
  });
}

/**
 * Kafka: a Metadata (v4) request must list at least `brokers` brokers, i.e. the broker is serving
 * clients (and, with its cluster's size, every broker has joined).
 */
async function kafkaHealthy(port, brokers = 1) {
  const clientId = Buffer.from('infra-probe');
  const header = Buffer.alloc(10);
  header.writeInt16BE(3, 0); // api key: Metadata
  header.writeInt16BE(4, 2); // api version
  header.writeInt32BE(1, 4); // correlation id
  header.writeInt16BE(clientId.length, 8);
  const body = Buffer.from([0xff, 0xff, 0xff, 0xff, 0]); // topics: null (all), allow_auto_topic_creation: false
  const payload = Buffer.concat([header, clientId, body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  const reply = await request(port, Buffer.concat([size, payload]), (b) => 4 + b.readInt32BE(0));
  // reply: size, correlation id, throttle_time_ms, brokers[] count
  return (
    reply !== null &&
    reply.length >= 16 &&
    reply.readInt32BE(4) === 1 &&
    reply.readInt32BE(12) >= brokers
  );
}

function bsonDoc(fields) {
  const parts = [];
  for (const [key, value] of Object.entries(fields)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'number') {
      const v = Buffer.alloc(4);
      v.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, v);
    } else {
      const s = Buffer.from(`${value}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(s.length);
      parts.push(Buffer.from([0x02]), name, len, s);
    }
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const len = Buffer.alloc(4);
  len.writeInt32LE(body.length + 4);
  return Buffer.concat([len, body]);
}

/** Reads the numeric/boolean top-level fields of a BSON document (enough for a hello reply). */
function bsonScalars(doc) {
  const out = {};
  const fixed = {
    0x01: 8,
    0x07: 12,
    0x08: 1,
    0x09: 8,
    0x0a: 0,
    0x10: 4,
    0x11: 8,
    0x12: 8,
    0x13: 16,
  };
  let off = 4;
  while (off < doc.length && doc[off] !== 0) {
    const type = doc[off];
    const nameEnd = doc.indexOf(0, off + 1);
    const name = doc.toString('utf8', off + 1, nameEnd);
    off = nameEnd + 1;
    if (type === 0x01) out[name] = doc.readDoubleLE(off);
    if (type === 0x08) out[name] = doc[off] === 1;
    if (type === 0x10) out[name] = doc.readInt32LE(off);
    if (type in fixed) off += fixed[type];
    else if (type === 0x02) off += 4 + doc.readInt32LE(off);
    else if (type === 0x03 || type === 0x04) off += doc.readInt32LE(off);
    else if (type === 0x05) off += 5 + doc.readInt32LE(off);
    else break; // unknown type: stop, we have what we need
  }
  return out;
}

/** Mongo: an OP_MSG `isMaster` must answer ok: 1. */
async function mongoHealthy(port) {
  const doc = bsonDoc({ isMaster: 1, $db: 'admin' }); // the legacy handshake drivers use by default
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + doc.length, 0); // message length
  header.writeInt32LE(1, 4); // request id
  header.writeInt32LE(2013, 12); // opcode OP_MSG; flags = 0, section kind 0 at byte 20
  const reply = await request(port, Buffer.concat([header, doc]), (b) => b.readInt32LE(0));
  if (!reply || reply.length < 26 || reply.readInt32LE(12) !== 2013) return false;
  return bsonScalars(reply.subarray(21)).ok === 1;
}

// ---------------------------------------------------------------------------
// Ports

/** True if we can bind host:port ourselves, i.e. nobody else is listening there. */
function portFree(port) {
  return new Promise((resolvePromise) => {
    const server = net.createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ host: HOST, port, exclusive: true }, () =>
      server.close(() => resolvePromise(true)),
    );
  });
}

async function assertPortFree(port, envVar) {
  if (!(await portFree(port))) {
    throw new InfraError(
      `Port ${port} is already in use by another process; set ${envVar} to use another port.`,
    );
  }
}

// ---------------------------------------------------------------------------
// Jars: resolved once with Maven into <state>/lib, the launcher compiled with javac.
// A stamp (hash of pom.xml + launcher source) marks a complete build, so later runs
// need neither Maven nor the network.

const POM = join(HERE, 'pom.xml');
const LAUNCHER_DIR = join(HERE, 'src/main/java/local/infra');
const LOG4J_CONFIG = join(HERE, 'log4j2.xml');

/** The launcher's Java sources (the Mongo-wire server and its backend adjustments). */
function launcherSources() {
  return readdirSync(LAUNCHER_DIR)
    .filter((name) => name.endsWith('.java'))
    .sort()
    .map((name) => join(LAUNCHER_DIR, name));
}

function buildHash() {
  const hash = createHash('sha256');
  for (const file of [POM, ...launcherSources()]) hash.update(readFileSync(file));
  return hash.digest('hex');
}

async function buildIsCurrent(cfg) {
  try {
    return (await readFile(cfg.buildStamp, 'utf8')).trim() === buildHash();
  } catch {
    return false;
  }
}

async function copyDependencies(cfg, outDir, log) {
  const args = [
    '-B',
    '-q',
    '-f',
    POM,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${outDir}`,
  ];
  // Offline first: works whenever ~/.m2 already has everything (e.g. after a reset of .state/lib).
  let result = await run('mvn', ['-o', ...args]);
  if (result.code === 'ENOENT') {
    throw new InfraError(
      'mvn was not found on PATH; install Maven 3.6+ (needed once to download the jars).',
    );
  }
  if (result.code !== 0) {
    log('downloading jars from Maven Central (first run only)...');
    result = await run('mvn', args);
  }
  await writeFile(cfg.buildLog, result.output);
  if (result.code !== 0) {
    throw new InfraError(`Maven could not resolve the jars; see ${cfg.buildLog}.`);
  }
}

async function ensureBuild(cfg, log) {
  if (await buildIsCurrent(cfg)) {
    log('jars: cached');
    return;
  }
  log('jars: resolving with Maven...');
  const libTmp = `${cfg.libDir}.tmp`;
  const classesTmp = `${cfg.classesDir}.tmp`;
  await rm(libTmp, { recursive: true, force: true });
  await rm(classesTmp, { recursive: true, force: true });
  await copyDependencies(cfg, libTmp, log);

  const javac = await run(javaTool('javac'), [
    '--release',
    '17',
    '-d',
    classesTmp,
    '-cp',
    join(libTmp, '*'),
    ...launcherSources(),
  ]);
  if (javac.code === 'ENOENT')
    throw new InfraError(
      'javac was not found on PATH (or JAVA_HOME); install a Java 17+ JDK, not just a JRE.',
    );
  if (javac.code !== 0) {
    await writeFile(cfg.buildLog, javac.output);
    throw new InfraError(`Compiling the Mongo launcher failed; see ${cfg.buildLog}.`);
  }
  // Swap in atomically-ish and only then stamp, so an interrupted build is redone.
  await rm(cfg.libDir, { recursive: true, force: true });
  await rm(cfg.classesDir, { recursive: true, force: true });
  await rename(libTmp, cfg.libDir);
  await rename(classesTmp, cfg.classesDir);
  await writeFile(cfg.buildStamp, `${buildHash()}\n`);
  log('jars: ready');
}

// ---------------------------------------------------------------------------
// Components

const COMMON_JVM_FLAGS = [
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
  `-Dlog4j2.configurationFile=${LOG4J_CONFIG}`,
];
// Kafka and the storage tool: one GC thread and C1 only, for low CPU on 2 cores.
const LIGHT_JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...COMMON_JVM_FLAGS];

/**
 * Replicas of every topic: one per node, and writes with acks=all need all but one of them
 * (min.insync.replicas), so a three-node cluster keeps accepting them with one node down.
 */
export function kafkaReplication(nodes) {
  return { replicationFactor: nodes, minInsyncReplicas: Math.max(1, nodes - 1) };
}

// ---------------------------------------------------------------------------
// The provincial listener: provincial systems authenticate with SASL/SCRAM-SHA-512 and may only
// read the topics published to them (libs/events/provincial-topics.json, generated from
// TOPIC_SPECS) in consumer groups with its prefix. The internal and controller listeners stay
// unauthenticated on loopback; their principal, User:ANONYMOUS, is a super user, so the
// services need no ACLs. Plain SASL (no TLS) here: the listener is bound to 127.0.0.1 like the
// rest, so TLS would protect nothing local and only add a keystore to generate; docker-compose
// runs the same listener as SASL_SSL.

const PROVINCIAL_ACCESS_FILE = join(HERE, '../../libs/events/provincial-topics.json');

/** The listener's entries for `listeners`/`advertised.listeners` and the protocol map. */
function provincialListener(k) {
  return {
    listener: `PROVINCIAL://${HOST}:${k.provincial.port}`,
    protocol: 'PROVINCIAL:SASL_PLAINTEXT',
  };
}

/** Authentication and authorization settings for the broker (StandardAuthorizer is KRaft's). */
function provincialProperties() {
  return [
    'listener.name.provincial.sasl.enabled.mechanisms=SCRAM-SHA-512',
    'listener.name.provincial.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users=User:ANONYMOUS',
    'allow.everyone.if.no.acl.found=false',
  ];
}

/** The topics and group prefix a provincial principal may read. */
export function provincialAccess() {
  try {
    const { topics, groupPrefix } = JSON.parse(readFileSync(PROVINCIAL_ACCESS_FILE, 'utf8'));
    return { topics, groupPrefix };
  } catch (err) {
    throw new InfraError(`Cannot read ${PROVINCIAL_ACCESS_FILE}: ${err.message}.`);
  }
}

/**
 * Sets the provincial principal's SCRAM credential and ACLs (local.infra.ProvincialAccess, over
 * the internal listener) whenever they are not known to be current: a stamp of the cluster id and
 * the settings, so a reset, a new password or a changed topic list applies on the next `up`.
 */
async function grantProvincialAccess(cfg, log) {
  const k = cfg.kafka;
  if (!readFileSync(k.propsFile, 'utf8').includes(provincialListener(k).protocol)) {
    log(
      "kafka: running without the provincial listener (started by an older infra-lib); 'down' then 'up' adds it",
    );
    return;
  }
  const { topics, groupPrefix } = provincialAccess();
  const { user, password } = k.provincial;
  const stampFile = join(k.dir, 'provincial-access.stamp');
  const stamp = createHash('sha256')
    .update(
      JSON.stringify([
        readFileSync(join(k.dataDir, 'meta.properties'), 'utf8'),
        user,
        password,
        groupPrefix,
        topics,
      ]),
    )
    .digest('hex');
  if ((await readFile(stampFile, 'utf8').catch(() => '')).trim() === stamp) return;
  const logFile = join(k.dir, 'provincial-access.log');
  // The running broker's port: it keeps the one it started with when KAFKA_PORT changed since.
  const port = (await readPidFile(k))?.port ?? k.port;
  const result = await run(
    javaTool('java'),
    [
      ...LIGHT_JVM_FLAGS,
      `-Dinfra.log.file=${logFile}`,
      '-cp',
      [cfg.classesDir, join(cfg.libDir, '*')].join(delimiter),
      'local.infra.ProvincialAccess',
      `${HOST}:${port}`,
      user,
      groupPrefix,
      ...topics,
    ],
    { env: { ...process.env, PROVINCIAL_PASSWORD: password } },
  );
  if (result.code !== 0) {
    await writeFile(logFile, result.output);
    throw new InfraError(`Granting the provincial principal its access failed; see ${logFile}.`);
  }
  await writeFile(stampFile, `${stamp}\n`);
  log(`kafka: provincial listener on ${HOST}:${k.provincial.port}, ${result.output.trim()}`);
}

/** The `server.properties` of one Kafka node (`cfg.kafkaNodes[i]`). */
function kafkaProperties(cfg, node = cfg.kafka) {
  const nodes = cfg.kafkaNodes;
  const { replicationFactor: rf, minInsyncReplicas: isr } = kafkaReplication(nodes.length);
  const provincial = provincialListener(node);
  return [
    '# Generated by infra/local/infra-lib.mjs on every start; edit the generator, not this file.',
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    // Static voter set (not --standalone/dynamic): the controller address is not baked into the
    // metadata log, so changing KAFKA_CONTROLLER_PORT later keeps the existing data usable.
    `controller.quorum.voters=${nodes.map((n) => `${n.id}@${HOST}:${n.controllerPort}`).join(',')}`,
    `listeners=PLAINTEXT://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort},${provincial.listener}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${node.port},${provincial.listener}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,${provincial.protocol}`,
    ...provincialProperties(),
    `log.dirs=${node.dataDir}`,
    'auto.create.topics.enable=false',
    'num.partitions=1',
    `default.replication.factor=${rf}`,
    `min.insync.replicas=${isr}`,
    `offsets.topic.replication.factor=${rf}`,
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${isr}`,
    `share.coordinator.state.topic.replication.factor=${rf}`,
    `share.coordinator.state.topic.min.isr=${isr}`,
    'group.initial.rebalance.delay.ms=0',
    // Few internal partitions and threads: small local brokers on 2 cores.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.num.partitions=1',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
    'log.cleaner.threads=1',
    'num.recovery.threads.per.data.dir=1',
    '',
  ].join('\n');
}

function kafkaCommand(cfg, node) {
  return [
    '-Xms128m',
    '-Xmx512m',
    ...LIGHT_JVM_FLAGS,
    `-Dinfra.log.file=${node.logFile}`,
    '-cp',
    join(cfg.libDir, '*'),
    'kafka.Kafka',
    node.propsFile,
  ];
}

function mongoCommand(cfg) {
  return mongoServerArgs(cfg, cfg.mongo);
}

/**
 * The Java arguments of a Mongo-wire server on `port` with `dataFile`. `stock` runs
 * mongo-java-server as shipped (H2's 16 MB cache, C1, commands on the shared I/O loops, no index
 * or maxTimeMS adjustments) as the peer of `infra/local/bench/local-store.mjs`.
 */
export function mongoServerArgs(cfg, { port, dataFile, cacheMb, logFile, stock = false }) {
  const jvm = stock
    ? ['-Xmx2g', ...LIGHT_JVM_FLAGS, '-Dlocal.infra.stock=true']
    : [
        '-Xms256m',
        // The page cache lives on the heap; above it, scans and aggregations hold whole result
        // sets (100,000 demo members, a 100,000-node benchmark tree).
        `-Xmx${cacheMb + 2048}m`,
        // Scans are the hot path here: the full tiered compiler (C2) roughly halves their time.
        // G1 keeps pauses short with a large cache on the heap, where a serial full GC stalled
        // every connection, the drivers' heartbeats included.
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=100',
        ...COMMON_JVM_FLAGS,
      ];
  return [
    ...jvm,
    `-Dinfra.log.file=${logFile}`,
    '-cp',
    [cfg.classesDir, join(cfg.libDir, '*')].join(delimiter),
    'local.infra.MongoWireServer',
    HOST,
    String(port),
    dataFile,
    String(cacheMb),
  ];
}

const isFormatted = (node) => existsSync(join(node.dataDir, 'meta.properties'));

/**
 * What the Kafka data was formatted as: { clusterId, nodes } from kafka-cluster.json, or from
 * node 1's meta.properties for a state directory older than that file (one node), or null.
 */
async function formattedCluster(cfg) {
  try {
    return JSON.parse(await readFile(cfg.kafkaClusterFile, 'utf8'));
  } catch {
    if (!isFormatted(cfg.kafka)) return null;
    const meta = await readFile(join(cfg.kafka.dataDir, 'meta.properties'), 'utf8');
    return { clusterId: /^cluster\.id=(.+)$/m.exec(meta)?.[1], nodes: 1 };
  }
}

/**
 * The cluster id every node is formatted with: the recorded one, or a new one. Data formatted for
 * another number of nodes is refused: its voter set differs, so its metadata log is not usable.
 */
async function kafkaClusterId(cfg) {
  const recorded = await formattedCluster(cfg);
  const nodes = cfg.kafkaNodes.length;
  if (recorded && recorded.nodes !== nodes) {
    throw new InfraError(
      `The Kafka data in ${cfg.stateDir} is formatted for ${recorded.nodes} node(s), not KAFKA_NODES=${nodes}; run 'reset' or use another INFRA_STATE_DIR.`,
    );
  }
  if (recorded) return recorded.clusterId;
  let clusterId;
  do clusterId = randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  await mkdir(cfg.stateDir, { recursive: true });
  await writeFile(cfg.kafkaClusterFile, `${JSON.stringify({ clusterId, nodes })}\n`);
  return clusterId;
}

/** Writes the node's properties; formats its KRaft storage once, skipped when meta.properties exists. */
async function prepareKafka(cfg, log, k) {
  await mkdir(k.dir, { recursive: true });
  await writeFile(k.propsFile, kafkaProperties(cfg, k));
  if (isFormatted(k)) return;
  await rm(k.dataDir, { recursive: true, force: true }); // a half-formatted dir from an interrupted run
  const clusterId = await (cfg.clusterId ??= kafkaClusterId(cfg));
  log(`${k.name}: formatting storage (cluster id ${clusterId})`);
  const result = await run(javaTool('java'), [
    ...LIGHT_JVM_FLAGS,
    `-Dinfra.log.file=${join(k.dir, 'format.log')}`,
    '-cp',
    join(cfg.libDir, '*'),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    k.propsFile,
  ]);
  if (result.code !== 0) {
    await writeFile(join(k.dir, 'format.log'), result.output);
    throw new InfraError(`Formatting Kafka storage failed; see ${join(k.dir, 'format.log')}.`);
  }
}

async function prepareMongo(cfg) {
  await mkdir(cfg.mongo.dataDir, { recursive: true });
}

function components(cfg) {
  return [
    ...cfg.kafkaNodes.map((node) =>
      Object.assign(node, {
        kind: 'kafka',
        label: cfg.kafkaNodes.length === 1 ? 'Kafka' : `Kafka node ${node.id}`,
        mainClass: 'kafka.Kafka',
        marker: node.propsFile,
        healthy: kafkaHealthy,
        // Ready once it lists every node: the cluster takes writes with all its replicas.
        ready: (port) => kafkaHealthy(port, cfg.kafkaNodes.length),
        prepare: (c, log) => prepareKafka(c, log, node),
        command: (c) => kafkaCommand(c, node),
        stopTimeoutMs: 30_000,
      }),
    ),
    Object.assign(cfg.mongo, {
      kind: 'mongo',
      label: 'Mongo',
      mainClass: 'local.infra.MongoWireServer',
      marker: cfg.mongo.dataFile,
      healthy: mongoHealthy,
      prepare: prepareMongo,
      command: mongoCommand,
      stopTimeoutMs: 15_000,
    }),
  ];
}

/** Starts the JVM detached (own session, survives this process), output appended to stdout.log. */
async function launch(cfg, comp) {
  await mkdir(comp.dir, { recursive: true });
  const out = openSync(comp.stdoutFile, 'a');
  try {
    const child = spawn(javaTool('java'), comp.command(cfg), {
      cwd: comp.dir,
      detached: true,
      stdio: ['ignore', out, out],
    });
    const pid = await new Promise((resolvePromise, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolvePromise(child.pid));
    });
    child.unref();
    await writeFile(comp.pidFile, `${pid}\n${comp.port}\n`);
    return pid;
  } finally {
    closeSync(out);
  }
}

async function waitHealthy(comp, pid, log) {
  const started = Date.now();
  while (Date.now() - started < START_TIMEOUT_MS) {
    if (!isAlive(pid)) {
      await rm(comp.pidFile, { force: true });
      throw new InfraError(
        `${comp.label} exited during startup; see ${comp.logFile} and ${comp.stdoutFile}.`,
      );
    }
    if (await (comp.ready ?? comp.healthy)(comp.port)) {
      log(
        `${comp.name}: ready on ${HOST}:${comp.port} (pid ${pid}, ${((Date.now() - started) / 1000).toFixed(1)}s)`,
      );
      return;
    }
    await sleep(POLL_MS);
  }
  throw new InfraError(
    `${comp.label} did not become ready within ${START_TIMEOUT_MS / 1000}s; see ${comp.logFile}.`,
  );
}

async function stopComponent(comp, log) {
  const rec = await ourProcess(comp);
  if (!rec) {
    log(`${comp.name}: not running`);
    return;
  }
  process.kill(rec.pid, 'SIGTERM'); // both JVMs shut down cleanly on SIGTERM (flushes H2 / Kafka logs)
  const deadline = Date.now() + comp.stopTimeoutMs;
  while (isAlive(rec.pid) && Date.now() < deadline) await sleep(POLL_MS);
  if (isAlive(rec.pid)) {
    log(`${comp.name}: did not stop in ${comp.stopTimeoutMs / 1000}s, sending SIGKILL`);
    process.kill(rec.pid, 'SIGKILL');
    while (isAlive(rec.pid)) await sleep(50);
  }
  await rm(comp.pidFile, { force: true });
  log(`${comp.name}: stopped (pid ${rec.pid})`);
}

// ---------------------------------------------------------------------------
// A lock so that concurrent `up`/`down` calls (e.g. several test runners) don't both
// start a broker and overwrite each other's pid files. Stale locks (dead pid) are taken over.

async function withLock(cfg, fn) {
  const lockFile = join(cfg.stateDir, 'infra.lock');
  await mkdir(cfg.stateDir, { recursive: true });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (!holder || !isAlive(holder)) await rm(lockFile, { force: true });
      else if (Date.now() > deadline)
        throw new InfraError(`Another infra.mjs (pid ${holder}) holds ${lockFile}.`);
      else await sleep(POLL_MS);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

// ---------------------------------------------------------------------------
// Public API

/** The bootstrap list of the Kafka nodes, as KAFKA_BROKERS takes it: `127.0.0.1:9092,...`. */
export function kafkaBrokers(env = process.env) {
  return config(env)
    .kafkaNodes.map((node) => `${HOST}:${node.port}`)
    .join(',');
}

/**
 * Status of every component (`kafka`, `kafka-2`, `kafka-3` with KAFKA_NODES=3, `mongo`).
 * `running` means our process is alive AND answers its protocol.
 * @returns {Promise<Record<string, {running:boolean,port:number,pid?:number}>>}
 */
export async function status({ env = process.env } = {}) {
  const cfg = config(env);
  const result = {};
  for (const comp of components(cfg)) {
    const rec = await ourProcess(comp);
    const port = rec?.port || comp.port;
    result[comp.name] = rec
      ? { running: await comp.healthy(port), port, pid: rec.pid }
      : { running: false, port };
  }
  return result;
}

/** Resolves the jars and compiles the launcher if needed (what `up` does first), starting nothing. */
export async function build({ env = process.env, log = () => {} } = {}) {
  const cfg = config(env);
  await withLock(cfg, async () => {
    await requireJava();
    await ensureBuild(cfg, log);
  });
  return cfg;
}

/**
 * Starts whatever is not running yet and waits until all answer (every Kafka node listing the
 * whole cluster). Idempotent. `only: 'kafka'` (or 'mongo') starts just that.
 */
export async function up({ env = process.env, log = () => {}, only } = {}) {
  const cfg = config(env);
  await withLock(cfg, () =>
    startMissing(
      cfg,
      log,
      components(cfg).filter((comp) => !only || comp.kind === only),
    ),
  );
  return status({ env });
}

async function startMissing(cfg, log, all) {
  // Refuses data formatted for another KAFKA_NODES before anything starts.
  if (all.some((comp) => comp.kind === 'kafka')) await (cfg.clusterId = kafkaClusterId(cfg));
  const toStart = [];
  const toAwait = [];
  for (const comp of all) {
    const rec = await ourProcess(comp);
    if (!rec) toStart.push(comp);
    else if (await comp.healthy(rec.port)) {
      log(`${comp.name}: already running on ${HOST}:${rec.port} (pid ${rec.pid})`);
      if (rec.port !== comp.port)
        log(`${comp.name}: note: ${comp.portVar}=${comp.port} is ignored until you run 'down'`);
    } else {
      toAwait.push({ comp, pid: rec.pid }); // started earlier, still booting
      comp.port = rec.port;
    }
  }
  if (toStart.length > 0) {
    await requireJava();
    for (const comp of toStart) {
      await assertPortFree(comp.port, comp.portVar);
      if (comp.controllerPort) await assertPortFree(comp.controllerPort, 'KAFKA_CONTROLLER_PORT');
      if (comp.provincial) await assertPortFree(comp.provincial.port, comp.provincial.portVar);
    }
    await ensureBuild(cfg, log);
    // Side by side: each Kafka node formats its storage in a JVM of its own first.
    await Promise.all(
      toStart.map(async (comp) => {
        await comp.prepare(cfg, log);
        const pid = await launch(cfg, comp);
        log(`${comp.name}: starting (pid ${pid}, log ${comp.logFile})`);
        toAwait.push({ comp, pid });
      }),
    );
  }
  await Promise.all(toAwait.map(({ comp, pid }) => waitHealthy(comp, pid, log)));
  // Credentials and ACLs are the cluster's metadata: set once, through node 1.
  if (all.some((comp) => comp.kind === 'kafka')) await grantProvincialAccess(cfg, log);
}

/** Stops only the processes this tool started (pid file + matching /proc cmdline). */
export async function down({ env = process.env, log = () => {} } = {}) {
  const cfg = await everyFormattedNode(env);
  await withLock(cfg, () => stopAll(cfg, log));
}

/** The configuration with as many Kafka nodes as the data was formatted for, if more than KAFKA_NODES. */
async function everyFormattedNode(env) {
  const recorded = (await formattedCluster(config(env)))?.nodes;
  const cfg = config(env);
  return recorded > cfg.kafkaNodes.length ? config({ ...env, KAFKA_NODES: String(recorded) }) : cfg;
}

async function stopAll(cfg, log) {
  await Promise.all(components(cfg).map((comp) => stopComponent(comp, log)));
}

/** Stops everything and deletes Kafka and Mongo data (the jar cache is kept). */
export async function reset({ env = process.env, log = () => {} } = {}) {
  const cfg = await everyFormattedNode(env);
  await withLock(cfg, async () => {
    await stopAll(cfg, log);
    for (const comp of [...cfg.kafkaNodes, cfg.mongo]) {
      await rm(comp.dataDir, { recursive: true, force: true });
      log(`${comp.name}: data deleted (${comp.dataDir})`);
    }
    await rm(cfg.kafkaClusterFile, { force: true });
  });
}

function kafkaNode(cfg, id) {
  const node = components(cfg).find((comp) => comp.kind === 'kafka' && comp.id === id);
  if (!node) {
    throw new InfraError(`There is no Kafka node ${id}; nodes are 1 to ${cfg.kafkaNodes.length}.`);
  }
  return node;
}

/**
 * SIGKILLs Kafka node `id` (1 to KAFKA_NODES), as a crash would, and waits until it is gone; a
 * test of the cluster's failover restarts it with startNode. Only a process this tool started.
 */
export async function killNode(id, { env = process.env, log = () => {} } = {}) {
  const cfg = config(env);
  await withLock(cfg, async () => {
    const node = kafkaNode(cfg, id);
    const rec = await ourProcess(node);
    if (!rec) throw new InfraError(`${node.label} is not running.`);
    process.kill(rec.pid, 'SIGKILL');
    while (isAlive(rec.pid)) await sleep(50);
    await rm(node.pidFile, { force: true });
    log(`${node.name}: killed (pid ${rec.pid})`);
  });
}

/** Starts Kafka node `id` again (after killNode) and waits until it has rejoined the cluster. */
export async function startNode(id, { env = process.env, log = () => {} } = {}) {
  const cfg = config(env);
  await withLock(cfg, () => startMissing(cfg, log, [kafkaNode(cfg, id)]));
}
