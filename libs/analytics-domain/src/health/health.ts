import { round, type PeriodFigures } from '../figures';
import { LOWER_IS_BETTER, type ComponentName, type HealthConfig, type Severity } from './health-config';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

export interface HealthComponent {
  name: ComponentName;
  score: number;
  weight: number;
  value: number;
  target: number;
}

export interface Breach {
  metric: ComponentName;
  severity: Severity;
  value: number;
  threshold: number;
  message: string;
}

export interface Recommendation {
  component: ComponentName;
  message: string;
}

export interface HealthAssessment {
  score: number | null;
  grade: Grade | null;
  /** Why there is no score, when there is none. */
  reason: string | null;
  components: HealthComponent[];
  breaches: Breach[];
  recommendations: Recommendation[];
}

/** 100 at the target or better, 0 at `worst` or beyond, linear in between. */
export function componentScore(name: ComponentName, value: number, target: number, worst: number): number {
  const lower = LOWER_IS_BETTER[name];
  const good = lower ? value <= target : value >= target;
  if (good) return 100;
  const bad = lower ? value >= worst : value <= worst;
  if (bad) return 0;
  return round((100 * (worst - value)) / (worst - target), 1);
}

/** The value each component measures, or null when the period gives nothing to measure it by. */
export function componentValues(
  current: PeriodFigures,
  usageChangePercent: number | null,
): Record<ComponentName, number | null> {
  const d = current.deployments;
  return {
    latency: current.responseTimeMs.p95,
    errorRate: current.messages.byRole.assistant > 0 ? current.errorRate : null,
    satisfaction: current.satisfaction.average,
    usageTrend: usageChangePercent,
    deploymentStability: d.total > 0 ? round(Math.min(1, (d.failed + d.rollbacks) / d.total), 4) : null,
  };
}

/** The most severe alert threshold a value crosses, if any. */
export function breachOf(name: ComponentName, value: number, config: HealthConfig): Breach | null {
  const { alerts } = config.components[name];
  const lower = LOWER_IS_BETTER[name];
  for (const severity of ['critical', 'warning', 'info'] as const) {
    const threshold = alerts[severity];
    if (threshold === undefined) continue;
    if (lower ? value > threshold : value < threshold) {
      return {
        metric: name,
        severity,
        value,
        threshold,
        message: `${LABEL[name]} is ${value}, ${lower ? 'above' : 'below'} ${threshold}`,
      };
    }
  }
  return null;
}

const LABEL: Record<ComponentName, string> = {
  latency: 'p95 response time (ms)',
  errorRate: 'error rate',
  satisfaction: 'average rating',
  usageTrend: 'usage change (%)',
  deploymentStability: 'deployment failure and rollback rate',
};

const ADVICE: Record<ComponentName, string> = {
  latency: 'Responses are slow: use a faster model, lower maxTokens, or trim the context window.',
  errorRate: 'Replies fail too often: check the model provider’s errors and timeouts, and add a fallback prompt.',
  satisfaction: 'Users rate the answers low: review low-rated conversations and refine the prompts.',
  usageTrend: 'Usage is falling: check whether users moved elsewhere or whether a recent change hurt answers.',
  deploymentStability: 'Deployments fail or are rolled back often: test versions before promoting them.',
};

/**
 * The health of an assistant over a period: each component scored against its target, the weighted mean as the
 * score (components without data drop out), its grade, the alert thresholds crossed and what to do about the
 * weakest components. Too little data (fewer assistant messages than configured) gives no score and says why.
 */
export function assessHealth(
  current: PeriodFigures,
  usageChangePercent: number | null,
  config: HealthConfig,
): HealthAssessment {
  const values = componentValues(current, usageChangePercent);
  const components: HealthComponent[] = [];
  for (const name of Object.keys(config.components) as ComponentName[]) {
    const value = values[name];
    if (value === null) continue;
    const c = config.components[name];
    components.push({
      name,
      score: componentScore(name, value, c.target, c.worst),
      weight: c.weight,
      value,
      target: c.target,
    });
  }
  const assistantMessages = current.messages.byRole.assistant;
  if (assistantMessages < config.minAssistantMessages) {
    return {
      score: null,
      grade: null,
      reason: `Too little data: ${assistantMessages} assistant message(s) in the period, ${config.minAssistantMessages} needed for a score`,
      components,
      breaches: [],
      recommendations: [],
    };
  }
  const weights = components.reduce((sum, c) => sum + c.weight, 0);
  const score = weights > 0 ? round(components.reduce((sum, c) => sum + c.score * c.weight, 0) / weights, 1) : 100;
  const breaches = components.map((c) => breachOf(c.name, c.value, config)).filter((b): b is Breach => b !== null);
  const recommendations = components
    .filter((c) => c.score < 80)
    .sort((a, b) => a.score - b.score)
    .map((c) => ({ component: c.name, message: ADVICE[c.name] }));
  return { score, grade: gradeOf(score), reason: null, components, breaches, recommendations };
}
