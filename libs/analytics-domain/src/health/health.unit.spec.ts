import { figuresOf, sumActivity, trendOf, type PeriodFigures } from '../figures';
import { emptyHourlyActivity } from '../projections/activity';
import { addSample } from '../latency';
import { assessHealth, breachOf, componentScore, gradeOf } from './health';
import { DEFAULT_HEALTH_CONFIG, healthConfigOf } from './health-config';

const figures = (o: {
  replies?: number;
  errors?: number;
  ms?: number;
  ratings?: number[];
  deployments?: [number, number, number];
}) => {
  const row = emptyHourlyActivity('a', '2026-03-01T00:00:00.000Z');
  const replies = o.replies ?? 20;
  let latency = row.latency;
  for (let i = 0; i < replies; i++) latency = addSample(latency, o.ms ?? 500);
  const [total, failed, rollbacks] = o.deployments ?? [0, 0, 0];
  return figuresOf(
    sumActivity([
      {
        ...row,
        messages: { user: replies, assistant: replies, system: 0, tool: 0 },
        errors: o.errors ?? 0,
        latency,
        responseTimeMsSum: replies * (o.ms ?? 500),
        responseTimeCount: replies,
        ratingSum: (o.ratings ?? []).reduce((a, b) => a + b, 0),
        ratingCount: (o.ratings ?? []).length,
        deployments: total,
        deploymentsFailed: failed,
        rollbacks,
      },
    ]),
  );
};

describe('grades', () => {
  it('A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F', () => {
    expect([100, 90, 89.9, 80, 70, 60, 59.9, 0].map(gradeOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'D', 'F', 'F']);
  });
});

describe('trends', () => {
  it('are stable within ±5 %, up or down beyond, against the period before', () => {
    expect(trendOf(105, 100)).toEqual({ direction: 'stable', changePercent: 5 });
    expect(trendOf(95, 100)).toEqual({ direction: 'stable', changePercent: -5 });
    expect(trendOf(106, 100)).toEqual({ direction: 'up', changePercent: 6 });
    expect(trendOf(50, 100)).toEqual({ direction: 'down', changePercent: -50 });
    expect(trendOf(3, 0)).toEqual({ direction: 'up', changePercent: null });
    expect(trendOf(0, 0)).toEqual({ direction: 'stable', changePercent: 0 });
    expect(trendOf(null, 4)).toEqual({ direction: 'stable', changePercent: null });
  });
});

describe('component scores', () => {
  it('are 100 at or better than the target, 0 at the worst, linear between', () => {
    expect(componentScore('latency', 1500, 2000, 10000)).toBe(100);
    expect(componentScore('latency', 6000, 2000, 10000)).toBe(50);
    expect(componentScore('latency', 12000, 2000, 10000)).toBe(0);
    expect(componentScore('satisfaction', 4.5, 4.2, 2)).toBe(100);
    expect(componentScore('satisfaction', 3.1, 4.2, 2)).toBe(50);
  });
});

describe('health', () => {
  it('scores a healthy assistant A with no alerts or recommendations', () => {
    const h = assessHealth(figures({ ratings: [5, 5, 4] }), 10, DEFAULT_HEALTH_CONFIG);
    expect(h).toMatchObject({ score: 100, grade: 'A', reason: null, breaches: [], recommendations: [] });
    expect(h.components.map((c) => c.name)).toEqual(['latency', 'errorRate', 'satisfaction', 'usageTrend']);
  });

  it('answers no score and no grade, saying why, with fewer than 10 assistant messages', () => {
    const h = assessHealth(figures({ replies: 9 }), 0, DEFAULT_HEALTH_CONFIG);
    expect(h.score).toBeNull();
    expect(h.grade).toBeNull();
    expect(h.reason).toContain('9 assistant message(s)');
  });

  it('weighs the components, drops those without data, and recommends for the weakest first', () => {
    const h = assessHealth(figures({ errors: 4, ms: 6000, deployments: [4, 1, 1] }), -20, DEFAULT_HEALTH_CONFIG);
    const byName = Object.fromEntries(h.components.map((c) => [c.name, c]));
    expect(byName.errorRate).toMatchObject({ value: 0.2, score: 0 });
    expect(byName.deploymentStability).toMatchObject({ value: 0.5, score: 0 });
    expect(byName.satisfaction).toBeUndefined();
    expect(h.grade).toBe('F');
    expect(h.recommendations[0].component).toBe('errorRate');
    expect(h.breaches.map((b) => [b.metric, b.severity])).toEqual([
      ['latency', 'critical'],
      ['errorRate', 'critical'],
      ['deploymentStability', 'warning'],
    ]);
  });

  it('takes weights, targets and thresholds from its configuration', () => {
    const config = healthConfigOf({
      minAssistantMessages: 1,
      components: { latency: { target: 100, worst: 1000, alerts: { info: 400 } } },
    });
    const h = assessHealth(figures({ replies: 2, ms: 550 }), null, config);
    expect(h.components[0]).toMatchObject({ name: 'latency', target: 100, score: expect.closeTo(50, 0) });
    expect(breachOf('latency', 550, config)).toMatchObject({ severity: 'info', threshold: 400 });
    expect(() => healthConfigOf({ components: { speed: {} } as never })).toThrow('speed');
  });
});

export type { PeriodFigures };
