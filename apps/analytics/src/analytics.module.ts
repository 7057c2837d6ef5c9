import { Module } from '@nestjs/common';
import { LagProbe } from './lag/lag-probe';
import { AnalyticsCalculator } from './queries/analytics.calculator';
import { AnalyticsQuery } from './queries/analytics.query';
import { AnalyticsReader } from './queries/analytics.reader';
import { AlertEvaluator } from './alerts/alert-evaluator';

@Module({
  controllers: [AnalyticsQuery],
  providers: [AnalyticsReader, AnalyticsCalculator, LagProbe, AlertEvaluator],
})
export class AnalyticsModule {}
