import 'reflect-metadata';
import { runService } from '@platform/service-kit';
import { AppModule } from './app.module';
import { deploymentErrors } from './deployments/deployment.errors';

runService({ name: 'deployments', module: AppModule, errors: deploymentErrors });
