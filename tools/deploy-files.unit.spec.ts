// Checks the deployment files against the workspace: every app (apps/*/project.json with projectType
// "application", browser apps aside) must be runnable from docker-compose.yml and from k8s/, so adding an app
// without its entries fails here. What needs Docker or a cluster to prove is out of reach of a unit test.
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..');
const EDGE = 'gateway';
const CONFIG_MAP = 'platform-config';
const SECRET = 'platform-secrets';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

// The project image is tagged with the workspace version; every other image names one release of its software.
const VERSION: string = JSON.parse(read('package.json')).version;
const APP_IMAGE = `assistant-platform:${VERSION}`;
const imageTag = (image: string) => /^[^@]+:([^/:@]+)$/.exec(image)?.[1];
/** A tag naming a release (15.17, 2.11.8-alpine), not `latest`, no tag, nor a moving major (15, 2-alpine). */
const pinned = (image: string) => /^v?\d+\.\d+(\.\d+)?([-.][\w.-]+)?$/.test(imageTag(image) ?? '');

// What the shipped k8s Secret holds instead of a real admin token; the gateway refuses it (and any token shorter
// than 32 characters), so an installation that forgot to replace it does not serve anyone.
const ADMIN_TOKEN_PLACEHOLDER = 'change-me';
const SECRET_VARIABLES = /PASSWORD|TOKEN|SECRET/;
// Variables a compose user must set (in .env, see .env.example): no default, compose stops with a message.
const REQUIRED_COMPOSE_VARIABLES = ['POSTGRES_PASSWORD', 'ADMIN_TOKEN'];
// Read by the event relay to bound the JetStream stream of domain events.
const STREAM_LIMITS = ['EVENT_STREAM_MAX_AGE', 'EVENT_STREAM_MAX_BYTES'];
// The runtime user of the project image, not root: node:20-slim's `node`.
const IMAGE_USER = { runAsUser: 1000, runAsGroup: 1000 };

/** JetStream settings of a nats-server config file; sizes must be plain byte counts. */
function natsJetStream(conf: string) {
  const block = /^jetstream\s*[:=]?\s*\{([^}]*)\}/m.exec(conf)?.[1] ?? '';
  const value = (key: string) => new RegExp(`^\\s*${key}\\s*[:=]\\s*(\\S+)\\s*$`, 'm').exec(block)?.[1];
  const bytes = (key: string) => (/^\d+$/.test(value(key) ?? '') ? Number(value(key)) : undefined);
  return {
    enabled: block !== '',
    storeDir: value('store_dir'),
    maxFileStore: bytes('max_file_store'),
    maxMemoryStore: bytes('max_memory_store'),
  };
}

const QUANTITY_UNITS: Record<string, number> = {
  ...{ '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 },
  ...{ Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 },
};
/** Bytes of a Kubernetes quantity (2Gi, 512Mi, 1G) or of a plain number. */
function quantityBytes(quantity: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(|[KMGT]i?)$/.exec(String(quantity));
  return m ? Number(m[1]) * QUANTITY_UNITS[m[2]] : NaN;
}

// A browser app (tag `platform:browser`, the dashboard) is no process of its own: the gateway serves its build.
const apps = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'apps', d.name, 'project.json')))
  .filter((d) => {
    const project = JSON.parse(read(`apps/${d.name}/project.json`)) as { projectType?: string; tags?: string[] };
    return project.projectType === 'application' && !project.tags?.includes('platform:browser');
  })
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
  const text = read('docker-compose.yml');
  const compose = obj(parse(text, { merge: true }));
  const services = obj(compose.services);
  const env = (name: string) => obj(obj(services[name]).environment);
  const dependsOn = (name: string) => obj(obj(services[name]).depends_on);
  /** The host file mounted at `target` in a service (short volume syntax `source:target[:mode]`), if any. */
  const mountedFile = (service: string, target: string) =>
    arr(obj(services[service]).volumes)
      .map((v) => String(v).split(':'))
      .find(([, to]) => to === target)?.[0];

  it('runs NATS with JetStream and PostgreSQL, each with a healthcheck', () => {
    expect(String(obj(services.postgres).image)).toMatch(/^postgres:/);
    expect(obj(services.nats).healthcheck).toBeTruthy();
    expect(obj(services.postgres).healthcheck).toBeTruthy();
  });

  it('runs NATS from a config file whose JetStream storage is capped, above the event stream limit', () => {
    const command = arr(obj(services.nats).command).map(String);
    const configPath = command[command.indexOf('--config') + 1];
    expect(command).toContain('--config');
    const source = mountedFile('nats', configPath);
    expect(source).toBeDefined();
    const jetstream = natsJetStream(read(source!));
    expect(jetstream.enabled).toBe(true);
    expect(arr(obj(services.nats).volumes).map(String)).toContain(`nats-data:${jetstream.storeDir}`);
    expect(jetstream.maxFileStore).toBeGreaterThan(0);
    expect(jetstream.maxMemoryStore).toBeGreaterThan(0);
    for (const app of backends) expect(Number(env(app).EVENT_STREAM_MAX_BYTES)).toBeLessThan(jetstream.maxFileStore!);
  });

  it('pins every image to a release; the apps run the project image tagged with the workspace version', () => {
    const images = Object.entries(services).map(([name, service]) => [name, String(obj(service).image)]);
    expect(images.filter(([, image]) => !pinned(image))).toEqual([]);
    for (const app of apps) expect(obj(services[app]).image).toBe(APP_IMAGE);
  });

  it('has no default for a password or token; the required ones stop compose with a hint to .env.example', () => {
    const interpolations = [...text.matchAll(/\$\{(\w+)(:?[-?+])?([^}]*)\}/g)].map(([, name, op, rest]) => ({
      name,
      op,
      rest,
    }));
    expect(interpolations.filter((i) => SECRET_VARIABLES.test(i.name) && i.op !== ':?')).toEqual([]);
    for (const name of REQUIRED_COMPOSE_VARIABLES) {
      const uses = interpolations.filter((i) => i.name === name);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use).toEqual({ name, op: ':?', rest: expect.stringContaining('.env.example') });
    }
  });

  it('lists the required variables in .env.example, without values; .env stays out of git and the image', () => {
    const example = read('.env.example');
    for (const name of REQUIRED_COMPOSE_VARIABLES) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(read('.dockerignore').split('\n')).toContain('.env');
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

  it.each(backends)('sets the event stream limits for backend %s', (app) => {
    for (const key of STREAM_LIMITS) expect(env(app)[key]).toBeTruthy();
  });

  it.each(apps)('gives %s the database: DATABASE_URL without a password, which comes in PGPASSWORD', (app) => {
    const url = new URL(String(env(app).DATABASE_URL));
    expect(url.protocol).toBe('postgres:');
    expect(url.password).toBe('');
    expect(String(env(app).PGPASSWORD)).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('publishes the gateway on 3000 and hands it the admin token', () => {
    expect(
      arr(obj(services[EDGE]).ports)
        .map(String)
        .some((p) => p.endsWith(':3000')),
    ).toBe(true);
    expect(Object.keys(env(EDGE))).toContain('ADMIN_TOKEN');
  });
});

describe('k8s/', () => {
  const files = yamlFiles(join(ROOT, 'k8s')).sort();
  const docs = files.flatMap((file) =>
    parseAllDocuments(read(`k8s/${file}`)).map((doc) => ({
      file,
      errors: doc.errors.map(String),
      value: obj(doc.toJS()),
    })),
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
    const resources = arr(obj(parse(read('k8s/kustomization.yaml'))).resources)
      .map(String)
      .sort();
    expect(resources).toEqual(files.filter((f) => f !== 'kustomization.yaml'));
  });

  const kustomization = obj(parse(read('k8s/kustomization.yaml')));
  const workloads = manifests.filter((m) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(String(m.kind)));
  const podOf = (workload: Obj) => obj(obj(obj(workload.spec).template).spec);
  const containersOf = (pod: Obj) => [...arr(pod.initContainers), ...arr(pod.containers)].map(obj);
  const workloadNames = workloads.map((w) => `${w.kind}/${obj(w.metadata).name}`);

  it('configures the apps with a ConfigMap and a placeholder Secret', () => {
    expect(Object.keys(obj(obj(find('ConfigMap', CONFIG_MAP)).data))).toEqual(
      expect.arrayContaining(['NATS_URL', 'DATABASE_URL', 'BUS_PREFIX']),
    );
    expect(obj(obj(find('Secret', SECRET)).stringData).ADMIN_TOKEN).toBeTruthy();
  });

  it('ships an admin token the gateway refuses (a short, known placeholder), documented as to be replaced', () => {
    const token = String(obj(obj(find('Secret', SECRET)).stringData).ADMIN_TOKEN);
    expect(token).toBe(ADMIN_TOKEN_PLACEHOLDER);
    expect(token.length).toBeLessThan(32);
    expect(read('k8s/secret.yaml')).toMatch(/^#.*replace/im);
    expect(read('README.md')).toContain(`\`${ADMIN_TOKEN_PLACEHOLDER}\``);
  });

  it('sets the event stream limits in the ConfigMap every app reads', () => {
    const data = obj(obj(find('ConfigMap', CONFIG_MAP)).data);
    expect(data).toMatchObject({
      EVENT_STREAM_MAX_AGE: expect.any(String),
      EVENT_STREAM_MAX_BYTES: expect.stringMatching(/^\d+$/),
    });
  });

  it('runs PostgreSQL as a StatefulSet', () => {
    expect(find('StatefulSet', 'postgres')).toBeTruthy();
  });

  it('runs NATS as a StatefulSet with JetStream storage capped below its volume, above the event stream limit', () => {
    const statefulSet = obj(find('StatefulSet', 'nats'));
    const pod = podOf(statefulSet);
    const nats = obj(arr(pod.containers)[0]);
    const args = arr(nats.args).map(String);
    expect(args).toContain('--config');
    const configPath = args[args.indexOf('--config') + 1];
    // The config file comes from kustomization.yaml's configMapGenerator, mounted as a directory.
    const mount = arr(nats.volumeMounts)
      .map(obj)
      .find((m) => configPath.startsWith(`${m.mountPath}/`));
    const volume = arr(pod.volumes)
      .map(obj)
      .find((v) => v.name === mount?.name);
    const generator = arr(kustomization.configMapGenerator)
      .map(obj)
      .find((g) => g.name === obj(volume?.configMap).name);
    const file = arr(generator?.files)
      .map(String)
      .find((f) => f.split('=')[0] === configPath.split('/').pop());
    expect(file).toBeDefined();
    const jetstream = natsJetStream(read(`k8s/${file!.split('=').pop()}`));
    expect(jetstream.enabled).toBe(true);

    const dataMount = arr(nats.volumeMounts)
      .map(obj)
      .find((m) => m.mountPath === jetstream.storeDir);
    const claim = arr(obj(statefulSet.spec).volumeClaimTemplates)
      .map(obj)
      .find((c) => obj(c.metadata).name === dataMount?.name);
    const volumeBytes = quantityBytes(obj(obj(obj(claim?.spec).resources).requests).storage);
    expect(volumeBytes).toBeGreaterThan(0);
    expect(jetstream.maxFileStore).toBeLessThan(volumeBytes);
    expect(jetstream.maxMemoryStore).toBeLessThan(quantityBytes(obj(obj(nats.resources).limits).memory));
    const streamBytes = Number(obj(obj(find('ConfigMap', CONFIG_MAP)).data).EVENT_STREAM_MAX_BYTES);
    expect(streamBytes).toBeLessThan(jetstream.maxFileStore!);
  });

  it('pins every image to a release; the project image is tagged with the workspace version', () => {
    const images = workloads.flatMap((w) => containersOf(podOf(w)).map((c) => String(c.image)));
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !pinned(image))).toEqual([]);
    const overrides = arr(kustomization.images).map(obj);
    expect(overrides.filter((o) => o.newTag !== undefined && !pinned(`image:${o.newTag}`))).toEqual([]);
    expect(overrides.find((o) => o.name === 'assistant-platform')?.newTag).toBe(VERSION);
  });

  it('enforces the restricted Pod Security Standard on the namespace', () => {
    const labels = obj(obj(find('Namespace', 'platform')?.metadata).labels);
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  describe.each(workloadNames)('%s', (workloadName) => {
    const workload = workloads[workloadNames.indexOf(workloadName)];
    const pod = podOf(workload);
    const podSecurity = obj(pod.securityContext);

    it('does not mount a service account token', () => {
      expect(pod.automountServiceAccountToken).toBe(false);
    });

    const containerNames = containersOf(pod).map((c) => String(c.name));

    it.each(containerNames)('runs container %s as the restricted standard asks', (name) => {
      const container = containersOf(pod).find((c) => c.name === name)!;
      const own = obj(container.securityContext);
      const effective = { ...podSecurity, ...own }; // container settings win over the pod's
      expect(effective.runAsNonRoot).toBe(true);
      expect(effective.runAsUser).toEqual(expect.any(Number));
      expect(effective.runAsUser).toBeGreaterThan(0);
      expect(effective.runAsGroup).toEqual(expect.any(Number));
      expect(effective.runAsGroup).toBeGreaterThan(0);
      expect(obj(effective.seccompProfile).type).toBe('RuntimeDefault');
      expect(own.allowPrivilegeEscalation).toBe(false);
      expect(arr(obj(own.capabilities).drop)).toContain('ALL');
      expect(arr(obj(own.capabilities).add)).toEqual([]);
      expect(own.readOnlyRootFilesystem).toBe(true);
    });

    it.each(containerNames)('gives container %s a writable emptyDir at /tmp', (name) => {
      const container = containersOf(pod).find((c) => c.name === name)!;
      const mount = arr(container.volumeMounts)
        .map(obj)
        .find((m) => m.mountPath === '/tmp');
      expect(mount?.readOnly).not.toBe(true);
      expect(
        arr(pod.volumes)
          .map(obj)
          .find((v) => v.name === mount?.name)?.emptyDir,
      ).toBeDefined();
    });
  });

  describe.each(apps)('app %s', (app) => {
    const deployment = obj(find('Deployment', app));
    const pod = obj(obj(obj(deployment.spec).template).spec);
    const container = obj(arr(pod.containers)[0]);
    const env = arr(container.env).map(obj);
    const envValue = (name: string) => env.find((e) => e.name === name);
    const ports = arr(container.ports).map(obj);
    const probe = (kind: string) => obj(obj(container[kind]).httpGet);
    const portNumber = (port: unknown) =>
      typeof port === 'number' ? port : ports.find((p) => p.name === port)?.containerPort;

    it('has a Deployment running the project image as this app', () => {
      expect(container.image).toBe(APP_IMAGE);
      expect(envValue('APP')).toEqual({ name: 'APP', value: app });
    });

    it('runs as the image user', () => {
      expect({ ...obj(pod.securityContext), ...obj(container.securityContext) }).toMatchObject(IMAGE_USER);
    });

    it('gets the database: DATABASE_URL from the ConfigMap, the password from the Secret', () => {
      expect(arr(container.envFrom).map(obj)).toContainEqual({ configMapRef: { name: CONFIG_MAP } });
      expect(obj(obj(find('ConfigMap', CONFIG_MAP)).data).DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(obj(envValue('PGPASSWORD')?.valueFrom).secretKeyRef).toEqual({ name: SECRET, key: 'PGPASSWORD' });
    });

    if (app === EDGE) {
      it('can write its .platform state (on an emptyDir, the root filesystem being read-only)', () => {
        const mount = arr(container.volumeMounts)
          .map(obj)
          .find((m) => m.mountPath === '/app/.platform');
        expect(
          arr(pod.volumes)
            .map(obj)
            .find((v) => v.name === mount?.name)?.emptyDir,
        ).toBeDefined();
      });
    }

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
      expect(obj(resources.requests)).toEqual(
        expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
      );
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

describe('k8s-cluster/ (the overlay of k8s/ for a cluster that survives losing a node)', () => {
  const dir = 'k8s-cluster';
  const kustomization = obj(parse(read(`${dir}/kustomization.yaml`)));
  const docsOf = (file: string) => parseAllDocuments(read(`${dir}/${file}`)).map((d) => obj(d.toJS()));
  const files = readdirSync(join(ROOT, dir)).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
  const patchFiles = arr(kustomization.patches).map((p) => String(obj(p).path));
  const resources = arr(kustomization.resources).map(String);
  const manifests = resources.filter((r) => r !== '../k8s').flatMap(docsOf);
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && obj(m.metadata).name === name);

  it('builds on k8s/ and lists every file of its folder as a resource or a patch', () => {
    expect(resources).toContain('../k8s');
    expect([...resources.filter((r) => r !== '../k8s'), ...patchFiles].sort()).toEqual(files.sort());
    expect(kustomization.namespace).toBe('platform');
  });

  it('runs NATS as 3 routed JetStream servers with the event stream on all three', () => {
    const nats = docsOf('nats-patch.yaml').find((d) => d.kind === 'StatefulSet');
    expect(obj(nats?.spec).replicas).toBe(3);
    const generator = arr(kustomization.configMapGenerator)
      .map(obj)
      .find((g) => g.name === 'nats-config');
    expect(generator?.behavior).toBe('replace');
    const conf = read(`${dir}/nats.conf`);
    expect(natsJetStream(conf).enabled).toBe(true);
    expect(conf).toMatch(/^server_name: \$POD_NAME$/m);
    for (const i of [0, 1, 2]) expect(conf).toContain(`nats://nats-${i}.nats:6222`);
    const config = obj(docsOf('config-patch.yaml')[0].data);
    expect(config.EVENT_STREAM_REPLICAS).toBe('3');
    expect(String(config.NATS_URL).split(',')).toHaveLength(3);
  });

  it('replaces the single PostgreSQL with a CloudNativePG Cluster with a synchronous replica', () => {
    const removed = ['postgres-statefulset-removed.yaml', 'postgres-service-removed.yaml'].flatMap(docsOf);
    expect(removed.map((d) => [d.$patch, d.kind, obj(d.metadata).name])).toEqual([
      ['delete', 'StatefulSet', 'postgres'],
      ['delete', 'Service', 'postgres'],
    ]);
    const cluster = obj(find('Cluster', 'postgres'));
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(obj(cluster.spec).instances).toBeGreaterThanOrEqual(2);
    expect(obj(cluster.spec).minSyncReplicas).toBeGreaterThanOrEqual(1);
    expect(pinned(String(obj(cluster.spec).imageName))).toBe(true);
    expect(obj(obj(obj(cluster.spec).bootstrap).initdb).database).toBe('platform');
  });

  it("gives every app DATABASE_URL from the operator's Secret and two pods", () => {
    const patch = arr(parse(read(`${dir}/apps-patch.yaml`))).map(obj);
    expect(patch).toContainEqual({ op: 'replace', path: '/spec/replicas', value: 2 });
    const env = obj(patch.find((p) => p.path === '/spec/template/spec/containers/0/env/-')?.value);
    expect(env.name).toBe('DATABASE_URL');
    expect(obj(obj(env.valueFrom).secretKeyRef)).toEqual({ name: 'postgres-app', key: 'uri' });
    const target = obj(
      arr(kustomization.patches)
        .map(obj)
        .find((p) => p.path === 'apps-patch.yaml')?.target,
    );
    expect(target).toEqual({ kind: 'Deployment', labelSelector: 'app.kubernetes.io/part-of=assistant-platform' });
  });

  describe.each(apps)('%s', (app) => {
    it('has a PodDisruptionBudget keeping one pod and an HPA of at least two on its Deployment', () => {
      const pdb = obj(find('PodDisruptionBudget', app));
      expect(obj(pdb.spec).minAvailable).toBe(1);
      expect(obj(obj(obj(pdb.spec).selector).matchLabels)['app.kubernetes.io/name']).toBe(app);
      const hpa = obj(find('HorizontalPodAutoscaler', app));
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(obj(hpa.spec).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
      expect(obj(hpa.spec).minReplicas).toBeGreaterThanOrEqual(2);
      expect(Number(obj(hpa.spec).maxReplicas)).toBeGreaterThan(Number(obj(hpa.spec).minReplicas));
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs the apps as a non-root user given by number, which Kubernetes can check (runAsNonRoot)', () => {
    const user = /^USER (\d+):(\d+)$/m.exec(runtimeStage);
    expect(user).not.toBeNull();
    expect({ runAsUser: Number(user![1]), runAsGroup: Number(user![2]) }).toEqual(IMAGE_USER);
  });

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
