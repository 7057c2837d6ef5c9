// Checks the deployment files against the workspace: every app (apps/*/project.json with projectType
// "application") must be runnable from docker-compose.yml and from k8s/, so adding an app without its
// entries fails here. What needs Docker or a cluster to prove is out of reach of a unit test.
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..');
const EDGE = 'gateway';
const CONFIG_MAP = 'platform-config';
const SECRET = 'platform-secrets';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const apps = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'apps', d.name, 'project.json')))
  .filter((d) => JSON.parse(read(`apps/${d.name}/project.json`)).projectType === 'application')
  .map((d) => d.name);
const backends = apps.filter((app) => app !== EDGE);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [relative(join(ROOT, 'k8s'), path)] : [];
  });
}

describe('the workspace apps', () => {
  it('include the gateway and at least one backend', () => {
    expect(apps).toContain(EDGE);
    expect(backends.length).toBeGreaterThan(0);
  });
});

describe('docker-compose.yml', () => {
  const compose = obj(parse(read('docker-compose.yml'), { merge: true }));
  const services = obj(compose.services);
  const env = (name: string) => obj(obj(services[name]).environment);
  const dependsOn = (name: string) => obj(obj(services[name]).depends_on);

  it('runs NATS with JetStream and PostgreSQL, each with a healthcheck', () => {
    expect(arr(obj(services.nats).command)).toContain('-js');
    expect(String(obj(services.postgres).image)).toMatch(/^postgres:/);
    expect(obj(services.nats).healthcheck).toBeTruthy();
    expect(obj(services.postgres).healthcheck).toBeTruthy();
  });

  it.each(apps)('runs %s from the project image, configured by env, healthy only after its dependencies', (app) => {
    const service = obj(services[app]);
    expect(service.build).toBeTruthy();
    expect(env(app)).toMatchObject({ APP: app });
    for (const key of ['NATS_URL', 'DATABASE_URL', 'BUS_PREFIX']) expect(env(app)[key]).toBeTruthy();
    expect(obj(service.healthcheck).test).toBeTruthy();
    for (const infra of ['nats', 'postgres']) expect(dependsOn(app)[infra]).toEqual({ condition: 'service_healthy' });
  });

  it.each(backends)('gives backend %s a HEALTH_PORT and starts the gateway only once it is healthy', (app) => {
    expect(env(app).HEALTH_PORT).toBeTruthy();
    expect(dependsOn(EDGE)[app]).toEqual({ condition: 'service_healthy' });
  });

  it('publishes the gateway on 3000 and hands it the admin token', () => {
    expect(arr(obj(services[EDGE]).ports).map(String).some((p) => p.endsWith(':3000'))).toBe(true);
    expect(Object.keys(env(EDGE))).toContain('ADMIN_TOKEN');
  });
});

describe('k8s/', () => {
  const files = yamlFiles(join(ROOT, 'k8s')).sort();
  const docs = files.flatMap((file) =>
    parseAllDocuments(read(`k8s/${file}`)).map((doc) => ({ file, errors: doc.errors.map(String), value: obj(doc.toJS()) })),
  );
  const manifests = docs.filter((d) => d.value.kind && d.value.kind !== 'Kustomization').map((d) => d.value);
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && obj(m.metadata).name === name);

  it('holds only YAML that parses, every manifest with apiVersion, kind and name', () => {
    expect(docs.filter((d) => d.errors.length > 0)).toEqual([]);
    for (const m of manifests) {
      expect(m.apiVersion).toBeTruthy();
      expect(obj(m.metadata).name).toBeTruthy();
    }
  });

  it('lists every manifest file in kustomization.yaml, and nothing that does not exist', () => {
    const resources = arr(obj(parse(read('k8s/kustomization.yaml'))).resources).map(String).sort();
    expect(resources).toEqual(files.filter((f) => f !== 'kustomization.yaml'));
  });

  it('configures the apps with a ConfigMap and a placeholder Secret', () => {
    expect(Object.keys(obj(obj(find('ConfigMap', CONFIG_MAP)).data))).toEqual(expect.arrayContaining(['NATS_URL', 'DATABASE_URL', 'BUS_PREFIX']));
    expect(obj(obj(find('Secret', SECRET)).stringData).ADMIN_TOKEN).toMatch(/replace-me/);
  });

  it('runs NATS with JetStream and PostgreSQL as StatefulSets', () => {
    const nats = obj(arr(obj(obj(obj(obj(find('StatefulSet', 'nats')).spec).template).spec).containers)[0]);
    expect(arr(nats.args)).toContain('-js');
    expect(find('StatefulSet', 'postgres')).toBeTruthy();
  });

  describe.each(apps)('app %s', (app) => {
    const deployment = obj(find('Deployment', app));
    const pod = obj(obj(obj(deployment.spec).template).spec);
    const container = obj(arr(pod.containers)[0]);
    const env = arr(container.env).map(obj);
    const envValue = (name: string) => env.find((e) => e.name === name);
    const ports = arr(container.ports).map(obj);
    const probe = (kind: string) => obj(obj(container[kind]).httpGet);
    const portNumber = (port: unknown) => (typeof port === 'number' ? port : ports.find((p) => p.name === port)?.containerPort);

    it('has a Deployment running the project image as this app', () => {
      expect(container.image).toBe('assistant-platform');
      expect(envValue('APP')).toEqual({ name: 'APP', value: app });
    });

    it('probes liveness on /health and readiness on /ready, on a declared port', () => {
      expect(probe('livenessProbe').path).toBe('/health');
      expect(probe('readinessProbe').path).toBe('/ready');
      expect(portNumber(probe('livenessProbe').port)).toBeDefined();
      expect(portNumber(probe('readinessProbe').port)).toBe(portNumber(probe('livenessProbe').port));
      const listenVar = app === EDGE ? 'PORT' : 'HEALTH_PORT';
      expect(Number(envValue(listenVar)?.value)).toBe(portNumber(probe('readinessProbe').port));
    });

    it('reads its config from the ConfigMap and its secrets from the Secret', () => {
      expect(arr(container.envFrom).map(obj)).toContainEqual({ configMapRef: { name: CONFIG_MAP } });
      const secretRefs = env.map((e) => obj(obj(e.valueFrom).secretKeyRef)).filter((ref) => ref.name);
      expect(secretRefs.length).toBeGreaterThan(0);
      const secretKeys = Object.keys(obj(obj(find('Secret', SECRET)).stringData));
      for (const ref of secretRefs) {
        expect(ref.name).toBe(SECRET);
        expect(secretKeys).toContain(ref.key);
      }
      if (app === EDGE) expect(obj(obj(envValue('ADMIN_TOKEN')?.valueFrom).secretKeyRef).key).toBe('ADMIN_TOKEN');
    });

    it('sets resource requests and limits', () => {
      const resources = obj(container.resources);
      expect(obj(resources.requests)).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      expect(obj(resources.limits).memory).toBeTruthy();
    });

    it('has a Service selecting its pods on the probed port', () => {
      const spec = obj(obj(find('Service', app)).spec);
      const podLabels = obj(obj(obj(obj(deployment.spec).template).metadata).labels);
      expect(Object.keys(obj(spec.selector)).length).toBeGreaterThan(0);
      expect(podLabels).toMatchObject(obj(spec.selector));
      const targets = arr(spec.ports).map((p) => portNumber(obj(p).targetPort));
      expect(targets).toContain(portNumber(probe('readinessProbe').port));
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds on node:20-slim with npm ci and npm run build, shipping no dev dependencies', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('chooses the app from APP or the first argument', () => {
    const entrypoint = dockerfile.match(/^ENTRYPOINT (\[.*\])$/m);
    expect(entrypoint).not.toBeNull();
    const script = (JSON.parse(entrypoint![1]) as string[]).join(' ');
    expect(script).toContain('${1:-$APP}');
    expect(script).toContain('dist/apps/$app/src/main.js');
  });
});

describe('.ci/run', () => {
  it('is an executable bash script that installs with npm ci and runs npm test', () => {
    accessSync(join(ROOT, '.ci/run'), constants.X_OK);
    const script = read('.ci/run');
    expect(script).toMatch(/^#!\/usr\/bin\/env bash/);
    expect(script).toContain('set -euo pipefail');
    expect(script).toMatch(/^npm ci\b/m);
    expect(script).toMatch(/^npm test\b/m);
  });
});
