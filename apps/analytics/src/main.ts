import 'reflect-metadata';
import { runService } from '@platform/service-kit';
import { AppModule } from './app.module';
import { analyticsErrors } from './queries/analytics.errors';

runService({ name: 'analytics', module: AppModule, errors: analyticsErrors });
