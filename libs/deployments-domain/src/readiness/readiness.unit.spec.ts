import type { Configuration } from '@platform/contracts';
import { environmentRules, gateOf, nextEnvironment, PIPELINE, previousEnvironment } from '../environments/environments';
import { configurationProblems, readinessFailures, type ReadinessInput } from './readiness';

const configuration: Configuration = {
  model: 'gpt-4o-mini',
  temperature: 0.7,
  maxTokens: 1024,
  contextWindowTokens: 8192,
  topP: 1,
};
const ready = (extra: Partial<ReadinessInput> = {}): ReadinessInput => ({
  environment: 'development',
  assistantVersion: 4,
  assistantStatus: 'active',
  configuration,
  systemPrompt: { composes: true },
  gateVersion: null,
  ...extra,
});
const checks = (input: ReadinessInput) => readinessFailures(input).map((f) => f.check);

describe('readiness rules', () => {
  it('pass an active assistant with a valid configuration and a composing prompt in development and testing', () => {
    expect(readinessFailures(ready())).toEqual([]);
    expect(readinessFailures(ready({ environment: 'testing' }))).toEqual([]);
  });

  it('need the same version active in the stage before for staging and production', () => {
    expect(checks(ready({ environment: 'staging', gateVersion: 4 }))).toEqual([]);
    expect(checks(ready({ environment: 'production', gateVersion: 4 }))).toEqual([]);
    const [stale] = readinessFailures(ready({ environment: 'production', gateVersion: 3 }));
    expect(stale).toEqual({
      check: 'previous-stage',
      message: 'production needs assistant version 4 active in staging; staging runs version 3',
    });
    expect(readinessFailures(ready({ environment: 'staging' }))[0].message).toContain('nothing is active there');
  });

  it('list every failure at once, in a fixed order', () => {
    const input = ready({
      environment: 'staging',
      assistantStatus: 'archived',
      configuration: { ...configuration, model: ' ', maxTokens: 9000 },
      systemPrompt: { composes: false, missing: ['customer', 'locale'] },
    });
    expect(readinessFailures(input)).toEqual([
      { check: 'assistant-active', message: 'The assistant is archived, not active' },
      { check: 'configuration', message: 'configuration.model is missing' },
      { check: 'configuration', message: 'configuration.contextWindowTokens must exceed maxTokens' },
      { check: 'system-prompt', message: 'The system prompt misses required variables: customer, locale' },
      {
        check: 'previous-stage',
        message: 'staging needs assistant version 4 active in testing; nothing is active there',
      },
    ]);
  });

  it.each([
    [{ temperature: 2.5 }, 'configuration.temperature must be between 0 and 2'],
    [{ topP: 0 }, 'configuration.topP must be in (0, 1]'],
    [{ maxTokens: 0 }, 'configuration.maxTokens must be at least 1'],
    [{ contextWindowTokens: 1024 }, 'configuration.contextWindowTokens must exceed maxTokens'],
  ])('find a configuration with %j invalid', (change, problem) => {
    expect(configurationProblems({ ...configuration, ...change })).toEqual([problem]);
  });

  it('report a prompt that fails for another reason with that reason', () => {
    const input = ready({ systemPrompt: { composes: false, missing: [], message: 'pin version 9 is gone' } });
    expect(readinessFailures(input)).toEqual([{ check: 'system-prompt', message: 'pin version 9 is gone' }]);
  });
});

describe('the pipeline', () => {
  it('runs development → testing → staging → production, gating staging and production on the stage before', () => {
    expect(PIPELINE.map((e) => e.name)).toEqual(['development', 'testing', 'staging', 'production']);
    expect([previousEnvironment('development'), nextEnvironment('production')]).toEqual([null, null]);
    expect([gateOf('development'), gateOf('testing'), gateOf('staging'), gateOf('production')]).toEqual([
      null,
      null,
      'testing',
      'staging',
    ]);
    expect(environmentRules('production').defaultResources).toEqual({ replicas: 3, cpu: '1', memory: '1Gi' });
  });
});
