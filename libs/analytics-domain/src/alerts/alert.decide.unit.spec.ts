import type { Breach } from '../health/health';
import { decideAlerts, evolveAlerts, initialAlertsState, type AlertsState, type EvaluateAlerts } from './alert.decide';

const t0 = '2026-03-01T10:00:00.000Z';
const t1 = '2026-03-01T11:00:00.000Z';
const breach = (severity: Breach['severity'], value = 0.2): Breach => ({
  metric: 'errorRate',
  severity,
  value,
  threshold: severity === 'critical' ? 0.15 : 0.05,
  message: `error rate is ${value}`,
});
const evaluate = (breaches: Breach[], at = t0, values = { errorRate: 0.01 }): EvaluateAlerts => ({
  type: 'EvaluateAlerts',
  assistantId: 'a',
  ownerId: 'o',
  breaches,
  measured: ['errorRate', 'latency'],
  values,
  at,
});
const given = (...commands: EvaluateAlerts[]): AlertsState =>
  commands.reduce((s, c) => decideAlerts(c, s).reduce(evolveAlerts, s), initialAlertsState);

describe('alerts', () => {
  it('open when a component crosses its threshold', () => {
    expect(decideAlerts(evaluate([breach('warning', 0.08)]), initialAlertsState)).toEqual([
      {
        type: 'AlertOpened',
        data: {
          assistantId: 'a',
          ownerId: 'o',
          metric: 'errorRate',
          severity: 'warning',
          message: 'error rate is 0.08',
          value: 0.08,
          threshold: 0.05,
          openedAt: t0,
        },
      },
    ]);
  });

  it('stay open, without new events, while it stays crossed', () => {
    expect(decideAlerts(evaluate([breach('warning')], t1), given(evaluate([breach('warning')])))).toEqual([]);
  });

  it('close when it recovers, with the value it recovered to', () => {
    const events = decideAlerts(evaluate([], t1), given(evaluate([breach('warning')])));
    expect(events).toEqual([
      {
        type: 'AlertClosed',
        data: {
          assistantId: 'a',
          ownerId: 'o',
          metric: 'errorRate',
          severity: 'warning',
          value: 0.01,
          openedAt: t0,
          closedAt: t1,
        },
      },
    ]);
    expect(events.reduce(evolveAlerts, given(evaluate([breach('warning')]))).open).toEqual({});
  });

  it('close and reopen when the severity changes', () => {
    const events = decideAlerts(evaluate([breach('critical')], t1), given(evaluate([breach('warning')])));
    expect(events.map((e) => [e.type, e.data.severity])).toEqual([
      ['AlertClosed', 'warning'],
      ['AlertOpened', 'critical'],
    ]);
  });

  it('leave an alert open while its component has no data to judge by', () => {
    const state = given(evaluate([breach('warning')]));
    expect(decideAlerts({ ...evaluate([], t1), measured: ['latency'] }, state)).toEqual([]);
  });
});
