// Part of `npm test` (`npm run k8s:check`): renders the base and every overlay with Kustomize
// (the one built into kubectl) and checks each rendered object
//   - against its schema: Kubernetes' own and Strimzi's (packages kubernetes-models and
//     @kubernetes-models/strimzi-kafka-operator); they allow fields they do not declare;
//   - against the rest of the rendering: selectors that select, Services' target ports that
//     exist, PDB/HPA targets, ConfigMaps that exist, Secrets and keys named in the README,
//     app variables that the code reads.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const K8S = new URL('..', import.meta.url).pathname;
const ROOT = join(K8S, '..', '..');
const TARGETS = ['base', ...readdirSync(join(K8S, 'overlays')).map((o) => `overlays/${o}`)];

function render(target) {
  try {
    return execFileSync('kubectl', ['kustomize', join(K8S, target)], { encoding: 'utf8' });
  } catch (error) {
    if (error.code === 'ENOENT')
      throw new Error('kubectl (with its built-in Kustomize 5) is needed to render deploy/k8s');
    throw error;
  }
}

// ---- schemas ---------------------------------------------------------------------------------

// The model packages validate with the published schemas: Kubernetes' OpenAPI (kubernetes-models)
// and Strimzi's CRDs (@kubernetes-models/strimzi-kafka-operator, API kafka.strimzi.io/v1).
const MODELS = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'kafka.strimzi.io/v1': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1',
};

function missingModels(error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  throw new Error(
    `${error.message}: npm install (devDependencies kubernetes-models, @kubernetes-models/strimzi-kafka-operator)`,
  );
}

async function validateSchema(object) {
  const folder = MODELS[object.apiVersion];
  if (!folder) return [`no schema for apiVersion ${object.apiVersion}`];
  const Model = (await import(`${folder}/${object.kind}`).catch(missingModels))[object.kind];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

// ---- consistency -------------------------------------------------------------------------------

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

const podTemplates = (objects) =>
  objects
    .filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind))
    .map((o) => ({ owner: o, labels: o.spec.template.metadata.labels, pod: o.spec.template.spec }));

// The Secrets a cluster must hold, each with its keys, are listed in the README; so are the
// ones the rendering refers to.
const README = readFileSync(join(K8S, 'README.md'), 'utf8');

// Every variable an app container gets is one the code reads (libs, services, gateway).
const SOURCE = ['libs', 'services', 'gateway/src'].flatMap(function walk(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
});
const CODE = SOURCE.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
const readByCode = (variable) =>
  new RegExp(`\\b${variable}\\b`).test(CODE) ||
  (variable.startsWith('SUBGRAPH_URL_') && CODE.includes('`SUBGRAPH_URL_${'));
// Read by Node or by the runtime image rather than by our settings.
const RUNTIME_VARIABLES = new Set(['NODE_ENV']);

function consistency(objects) {
  const problems = [];
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const templates = podTemplates(objects);

  for (const o of objects.filter((x) => ['Deployment', 'StatefulSet'].includes(x.kind))) {
    if (!matches(o.spec.selector.matchLabels, o.spec.template.metadata.labels))
      problems.push(`${o.kind} ${o.metadata.name}: selector does not select its own pods`);
  }
  for (const s of objects.filter((o) => o.kind === 'Service')) {
    const selected = templates.filter((t) => matches(s.spec.selector, t.labels));
    if (!selected.length) problems.push(`Service ${s.metadata.name} selects no pods`);
    for (const port of s.spec.ports) {
      const ok = selected.every((t) =>
        t.pod.containers.some((c) =>
          (c.ports ?? []).some((p) =>
            typeof port.targetPort === 'string'
              ? p.name === port.targetPort
              : p.containerPort === (port.targetPort ?? port.port),
          ),
        ),
      );
      if (!ok) problems.push(`Service ${s.metadata.name}: no container port ${port.targetPort}`);
    }
  }
  for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    if (!templates.some((t) => matches(pdb.spec.selector.matchLabels, t.labels)))
      problems.push(`PodDisruptionBudget ${pdb.metadata.name} selects no pods`);
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const { kind, name } = hpa.spec.scaleTargetRef;
    const target = named(kind, name);
    if (!target) problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: no ${kind} ${name}`);
    else if (target.spec.template.spec.containers.some((c) => !c.resources?.requests?.cpu))
      problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: ${name} requests no CPU`);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas)
      problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: minReplicas > maxReplicas`);
    // The autoscaler takes over the count; one outside its range changes at the first sync.
    const replicas = target?.spec.replicas ?? 1;
    if (target && (replicas < hpa.spec.minReplicas || replicas > hpa.spec.maxReplicas))
      problems.push(`${kind} ${name}: ${replicas} replicas, outside its autoscaler's range`);
  }
  for (const np of objects.filter((o) => o.kind === 'NetworkPolicy')) {
    const selectors = [
      np.spec.podSelector,
      ...(np.spec.ingress ?? []).flatMap((rule) =>
        (rule.from ?? []).filter((peer) => peer.podSelector).map((peer) => peer.podSelector),
      ),
    ].filter((s) => Object.keys(s.matchLabels ?? {}).length);
    for (const s of selectors)
      if (!templates.some((t) => matches(s.matchLabels, t.labels)))
        problems.push(`NetworkPolicy ${np.metadata.name}: ${JSON.stringify(s)} selects no pods`);
  }

  for (const { owner, labels, pod } of templates) {
    const where = `${owner.kind} ${owner.metadata.name}`;
    const app = ['gateway', 'subgraph'].includes(labels['app.kubernetes.io/component']);
    const volumes = (pod.volumes ?? []).map((v) => v.configMap?.name).filter(Boolean);
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const configMaps = [
        ...volumes,
        ...(container.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean),
      ];
      for (const name of configMaps)
        if (!named('ConfigMap', name)) problems.push(`${where}: no ConfigMap ${name}`);
      const secretKeys = (container.env ?? [])
        .map((e) => e.valueFrom?.secretKeyRef)
        .filter(Boolean);
      for (const { name, key } of secretKeys)
        if (!README.includes(`\`${name}\``) || !README.includes(`\`${key}\``))
          problems.push(`${where}: Secret ${name} (key ${key}) is not in deploy/k8s/README.md`);
      for (const name of (pod.volumes ?? []).map((v) => v.secret?.secretName).filter(Boolean))
        if (!README.includes(`\`${name}\``))
          problems.push(`${where}: Secret ${name} is not in deploy/k8s/README.md`);
      if (!app) continue;
      const variables = [
        ...(container.env ?? []).map((e) => e.name),
        ...configMaps.flatMap((name) => Object.keys(named('ConfigMap', name)?.data ?? {})),
      ];
      for (const variable of variables)
        if (!RUNTIME_VARIABLES.has(variable) && !readByCode(variable))
          problems.push(`${where}: the code reads no variable ${variable}`);
    }
  }
  return problems;
}

// ---- run -------------------------------------------------------------------------------------

let failed = 0;
for (const target of TARGETS) {
  const objects = YAML.parseAllDocuments(render(target))
    .map((d) => d.toJSON())
    .filter(Boolean);
  const problems = consistency(objects);
  for (const object of objects)
    for (const p of await validateSchema(object))
      problems.push(`${object.kind} ${object.metadata?.name}: ${p}`);
  failed += problems.length;
  console.log(`${target}: ${objects.length} objects, ${problems.length} problems`);
  for (const p of problems) console.log(`  ${p}`);
}
if (failed) process.exit(1);
