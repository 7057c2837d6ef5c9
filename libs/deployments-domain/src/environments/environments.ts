import {
  DEPLOYMENT_ENVIRONMENTS,
  type DeploymentEnvironment,
  type DeploymentResources,
  type ReadinessCheckName,
} from '@platform/contracts';

/** Where an environment sits in the pipeline, what a deployment there must pass, and what it runs with by default. */
export interface EnvironmentRules {
  name: DeploymentEnvironment;
  order: number;
  previous: DeploymentEnvironment | null;
  next: DeploymentEnvironment | null;
  requires: { check: ReadinessCheckName; description: string }[];
  defaultResources: DeploymentResources;
}

const BASE: EnvironmentRules['requires'] = [
  { check: 'assistant-active', description: 'The assistant exists and is active' },
  { check: 'configuration', description: 'Its configuration is complete and valid' },
  { check: 'system-prompt', description: 'Its system prompt composes with no missing required variable' },
];

const DEFAULTS: Record<DeploymentEnvironment, DeploymentResources> = {
  development: { replicas: 1, cpu: '250m', memory: '256Mi' },
  testing: { replicas: 1, cpu: '500m', memory: '512Mi' },
  staging: { replicas: 2, cpu: '500m', memory: '512Mi' },
  production: { replicas: 3, cpu: '1', memory: '1Gi' },
};

/** Environments whose deployments need the same assistant version active in the stage before. */
const GATED: readonly DeploymentEnvironment[] = ['staging', 'production'];

export const previousEnvironment = (env: DeploymentEnvironment): DeploymentEnvironment | null =>
  DEPLOYMENT_ENVIRONMENTS[DEPLOYMENT_ENVIRONMENTS.indexOf(env) - 1] ?? null;

export const nextEnvironment = (env: DeploymentEnvironment): DeploymentEnvironment | null =>
  DEPLOYMENT_ENVIRONMENTS[DEPLOYMENT_ENVIRONMENTS.indexOf(env) + 1] ?? null;

/** The stage whose active version a deployment to `env` must match, or null when `env` is not gated. */
export const gateOf = (env: DeploymentEnvironment): DeploymentEnvironment | null =>
  GATED.includes(env) ? previousEnvironment(env) : null;

export function environmentRules(env: DeploymentEnvironment): EnvironmentRules {
  const gate = gateOf(env);
  return {
    name: env,
    order: DEPLOYMENT_ENVIRONMENTS.indexOf(env) + 1,
    previous: previousEnvironment(env),
    next: nextEnvironment(env),
    requires: gate
      ? [...BASE, { check: 'previous-stage', description: `The same assistant version is active in ${gate}` }]
      : [...BASE],
    defaultResources: { ...DEFAULTS[env] },
  };
}

/** The four environments in pipeline order. */
export const PIPELINE: readonly EnvironmentRules[] = DEPLOYMENT_ENVIRONMENTS.map(environmentRules);
