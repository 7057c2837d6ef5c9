// The health score's components, weights, targets and alert thresholds. Defaults below; a deployment overrides
// any of them (see docs/analytics.md). Weights are relative: components without data drop out and the others
// share their weight.

export type ComponentName = 'latency' | 'errorRate' | 'satisfaction' | 'usageTrend' | 'deploymentStability';
export type Severity = 'info' | 'warning' | 'critical';

export interface ComponentConfig {
  weight: number;
  /** At or better than this the component scores 100. */
  target: number;
  /** At or worse than this it scores 0 (linear in between). */
  worst: number;
  /** Alert thresholds, checked from the most severe down; crossing one opens an alert of that severity. */
  alerts: Partial<Record<Severity, number>>;
}

export interface HealthConfig {
  /** Fewer assistant messages than this in the period: no score, no grade. */
  minAssistantMessages: number;
  components: Record<ComponentName, ComponentConfig>;
}

/** Lower values are better for these; higher for the others. */
export const LOWER_IS_BETTER: Record<ComponentName, boolean> = {
  latency: true,
  errorRate: true,
  satisfaction: false,
  usageTrend: false,
  deploymentStability: true,
};

export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  minAssistantMessages: 10,
  components: {
    // p95 response time, ms
    latency: { weight: 0.25, target: 2_000, worst: 10_000, alerts: { warning: 3_000, critical: 5_000 } },
    // failed replies / replies
    errorRate: { weight: 0.25, target: 0.01, worst: 0.2, alerts: { warning: 0.05, critical: 0.15 } },
    // average rating, 1–5
    satisfaction: { weight: 0.2, target: 4.2, worst: 2, alerts: { warning: 3.5, critical: 2.5 } },
    // change of messages against the period before, percent
    usageTrend: { weight: 0.15, target: 0, worst: -60, alerts: { info: -30, warning: -60 } },
    // (failed deployments + rollbacks) / deployments
    deploymentStability: { weight: 0.15, target: 0.05, worst: 0.5, alerts: { warning: 0.2, critical: 0.5 } },
  },
};

/** Defaults overridden by a partial configuration (e.g. parsed from ANALYTICS_HEALTH_CONFIG). */
export function healthConfigOf(
  overrides: {
    minAssistantMessages?: number;
    components?: Partial<Record<ComponentName, Partial<ComponentConfig>>>;
  } = {},
): HealthConfig {
  const components = { ...DEFAULT_HEALTH_CONFIG.components };
  for (const [name, c] of Object.entries(overrides.components ?? {}) as [ComponentName, Partial<ComponentConfig>][]) {
    if (!components[name]) throw new Error(`Unknown health component "${name}"`);
    components[name] = { ...components[name], ...c };
  }
  return {
    minAssistantMessages: overrides.minAssistantMessages ?? DEFAULT_HEALTH_CONFIG.minAssistantMessages,
    components,
  };
}
