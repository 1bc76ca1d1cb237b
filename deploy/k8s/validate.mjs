#!/usr/bin/env node
// Validates the Kubernetes manifests without a cluster or network:
//   node deploy/k8s/validate.mjs [dir]          (default: deploy/k8s/base)
// 1. every document against the Kubernetes OpenAPI schema of its kind (the `kubernetes-models`
//    package ships them compiled; its validators do not reject unknown fields, as kubeconform's
//    -strict would);
// 2. the rules a schema cannot see: selectors that match, references that resolve, probes on
//    the health endpoints, resources on every container, a kustomization listing every file.
// Exits 1 and prints one line per problem when something is wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** apiVersion/kind → module of `kubernetes-models` holding its schema. */
const MODELS = {
  'v1/Namespace': 'v1/Namespace',
  'v1/ServiceAccount': 'v1/ServiceAccount',
  'v1/ConfigMap': 'v1/ConfigMap',
  'v1/Secret': 'v1/Secret',
  'v1/Service': 'v1/Service',
  'apps/v1/Deployment': 'apps/v1/Deployment',
  'batch/v1/Job': 'batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/Ingress': 'networking.k8s.io/v1/Ingress',
};

const LIVENESS_PATH = '/health';
const READINESS_PATH = '/health/ready';

export async function validateManifests(dir) {
  const problems = [];
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const resources = [];
  let kustomization;
  for (const file of files) {
    const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
    for (const doc of docs) {
      if (doc.errors.length) {
        problems.push(`${file}: YAML: ${doc.errors[0].message}`);
        continue;
      }
      const object = doc.toJS();
      if (!object) continue;
      if (object.kind === 'Kustomization') kustomization = { file, object };
      else resources.push({ file, object });
    }
  }

  for (const { file, object } of resources) {
    const where = `${file}: ${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
    const model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!model) {
      problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    const module = await import(`kubernetes-models/${model}`);
    const Model = module[object.kind];
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${where}: schema: ${error.message.split('\n')[0]}`);
    }
  }
  if (problems.length) return problems; // the rules below assume well-formed objects

  const byKind = (kind) => resources.filter((r) => r.object.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((r) => r.object.metadata.name));
  const configMaps = new Map(byKind('ConfigMap').map((r) => [r.object.metadata.name, r.object.data ?? {}]));
  const secrets = new Map(
    byKind('Secret').map((r) => [r.object.metadata.name, { ...r.object.data, ...r.object.stringData }]),
  );
  const workloads = [...byKind('Deployment'), ...byKind('Job')];
  const podLabels = workloads.map((r) => r.object.spec.template.metadata?.labels ?? {});
  const selects = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
  const selectsSomePod = (selector) => podLabels.some((labels) => selects(selector, labels));

  for (const { file, object } of workloads) {
    const where = `${file}: ${object.kind}/${object.metadata.name}`;
    const pod = object.spec.template;
    if (object.kind === 'Deployment' && !selects(object.spec.selector.matchLabels, pod.metadata?.labels ?? {})) {
      problems.push(`${where}: spec.selector does not match the pod template's labels`);
    }
    const account = pod.spec.serviceAccountName;
    if (account && !names('ServiceAccount').has(account)) {
      problems.push(`${where}: service account "${account}" is not defined`);
    }
    for (const c of pod.spec.containers) {
      const at = `${where} container ${c.name}`;
      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (!c.resources?.[kind]?.[resource]) problems.push(`${at}: resources.${kind}.${resource} is not set`);
        }
      }
      for (const source of c.envFrom ?? []) {
        if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
          problems.push(`${at}: ConfigMap "${source.configMapRef.name}" is not defined`);
        }
        if (source.secretRef && !secrets.has(source.secretRef.name)) {
          problems.push(`${at}: Secret "${source.secretRef.name}" is not defined`);
        }
      }
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.configMapKeyRef ?? env.valueFrom?.secretKeyRef;
        const store = env.valueFrom?.configMapKeyRef ? configMaps : secrets;
        if (ref && !(store.get(ref.name) && ref.key in store.get(ref.name))) {
          problems.push(`${at}: env ${env.name} refers to a missing key "${ref.key}" of "${ref.name}"`);
        }
      }
      const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      if (c.ports?.some((p) => p.name === 'http')) {
        const probes = { livenessProbe: LIVENESS_PATH, readinessProbe: READINESS_PATH };
        for (const [probe, path] of Object.entries(probes)) {
          const get = c[probe]?.httpGet;
          if (!get) problems.push(`${at}: ${probe} is missing (expected GET ${path})`);
          else if (get.path !== path) problems.push(`${at}: ${probe} checks ${get.path}, expected ${path}`);
        }
      }
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const port = c[probe]?.httpGet?.port;
        if (port !== undefined && !ports.has(port)) problems.push(`${at}: ${probe} uses port ${port}, not declared`);
      }
    }
  }

  for (const { file, object } of byKind('Service')) {
    const where = `${file}: Service/${object.metadata.name}`;
    const matching = workloads.filter((w) =>
      selects(object.spec.selector, w.object.spec.template.metadata?.labels ?? {}),
    );
    if (!matching.length) problems.push(`${where}: its selector matches no pod template`);
    const ports = new Set(
      matching.flatMap((w) =>
        w.object.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)),
      ),
    );
    for (const p of object.spec.ports ?? []) {
      if (typeof p.targetPort === 'string' && !ports.has(p.targetPort)) {
        problems.push(`${where}: targetPort "${p.targetPort}" is no named container port`);
      }
    }
  }
  for (const { file, object } of byKind('PodDisruptionBudget')) {
    if (!selectsSomePod(object.spec.selector?.matchLabels)) {
      problems.push(`${file}: PodDisruptionBudget/${object.metadata.name}: its selector matches no pod template`);
    }
  }
  for (const { file, object } of byKind('HorizontalPodAutoscaler')) {
    const target = object.spec.scaleTargetRef;
    const deployment = byKind(target.kind).find((r) => r.object.metadata.name === target.name)?.object;
    const where = `${file}: HorizontalPodAutoscaler/${object.metadata.name}`;
    if (!deployment) problems.push(`${where}: scale target ${target.kind}/${target.name} is not defined`);
    else if (deployment.spec.replicas !== undefined) {
      problems.push(`${where}: ${target.kind}/${target.name} sets replicas, which the autoscaler owns`);
    }
    if ((object.spec.minReplicas ?? 1) > object.spec.maxReplicas) problems.push(`${where}: minReplicas > maxReplicas`);
  }

  if (!kustomization) {
    problems.push('kustomization.yaml is missing');
  } else {
    const listed = new Set(kustomization.object.resources ?? []);
    for (const file of files) {
      if (file !== kustomization.file && !listed.has(file))
        problems.push(`${file}: not listed in ${kustomization.file}`);
    }
    for (const file of listed) {
      if (!files.includes(file)) problems.push(`${kustomization.file}: lists ${file}, which does not exist`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? new URL('./base', import.meta.url).pathname);
  const problems = await validateManifests(dir);
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`${problems.length} problem(s) in ${dir}`);
    process.exit(1);
  }
  process.stdout.write(`${dir}: every manifest is valid\n`);
}
