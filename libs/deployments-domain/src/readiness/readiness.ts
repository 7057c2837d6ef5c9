import type { Configuration, DeploymentEnvironment, ReadinessCheckName } from '@platform/contracts';
import { gateOf } from '../environments/environments';

/** One failed readiness check, as the 422 lists it. */
export interface ReadinessFailure {
  check: ReadinessCheckName;
  message: string;
}

/** What the checks look at: the assistant as the assistants service answers now, and the stage before. */
export interface ReadinessInput {
  environment: DeploymentEnvironment;
  assistantVersion: number;
  assistantStatus: string;
  configuration: Configuration;
  /** The composed system prompt, or the required variables it misses (or another reason it does not compose). */
  systemPrompt: { composes: true } | { composes: false; missing: string[]; message?: string };
  /** The assistant version active in the gate environment (see gateOf); null when none is active there. */
  gateVersion: number | null;
}

/** Every readiness check that fails, in a fixed order; empty when the deployment may go ahead. */
export function readinessFailures(input: ReadinessInput): ReadinessFailure[] {
  const failures: ReadinessFailure[] = [];
  if (input.assistantStatus !== 'active') {
    failures.push({ check: 'assistant-active', message: `The assistant is ${input.assistantStatus}, not active` });
  }
  for (const message of configurationProblems(input.configuration)) failures.push({ check: 'configuration', message });
  if (!input.systemPrompt.composes) {
    const { missing, message } = input.systemPrompt;
    failures.push({
      check: 'system-prompt',
      message: missing.length
        ? `The system prompt misses required variables: ${missing.join(', ')}`
        : (message ?? 'The system prompt does not compose'),
    });
  }
  const gate = gateOf(input.environment);
  if (gate && input.gateVersion !== input.assistantVersion) {
    failures.push({
      check: 'previous-stage',
      message:
        input.gateVersion === null
          ? `${input.environment} needs assistant version ${input.assistantVersion} active in ${gate}; nothing is active there`
          : `${input.environment} needs assistant version ${input.assistantVersion} active in ${gate}; ${gate} runs version ${input.gateVersion}`,
    });
  }
  return failures;
}

/** What makes a configuration incomplete or invalid for running: each problem as a sentence. */
export function configurationProblems(c: Partial<Configuration> | undefined): string[] {
  if (!c) return ['The assistant has no configuration'];
  const problems: string[] = [];
  if (typeof c.model !== 'string' || c.model.trim() === '') problems.push('configuration.model is missing');
  if (typeof c.temperature !== 'number' || c.temperature < 0 || c.temperature > 2)
    problems.push('configuration.temperature must be between 0 and 2');
  if (typeof c.topP !== 'number' || c.topP <= 0 || c.topP > 1) problems.push('configuration.topP must be in (0, 1]');
  if (!Number.isInteger(c.maxTokens) || (c.maxTokens ?? 0) < 1)
    problems.push('configuration.maxTokens must be at least 1');
  if (!Number.isInteger(c.contextWindowTokens) || (c.contextWindowTokens ?? 0) <= (c.maxTokens ?? 0))
    problems.push('configuration.contextWindowTokens must exceed maxTokens');
  return problems;
}
