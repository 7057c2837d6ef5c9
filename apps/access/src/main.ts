import 'reflect-metadata';
import { runService } from '@platform/service-kit';
import { AppModule } from './app.module';
import { apiKeyErrors } from './api-keys/api-key.errors';

runService({ name: 'access', module: AppModule, errors: apiKeyErrors });
