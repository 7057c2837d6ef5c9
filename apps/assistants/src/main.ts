import 'reflect-metadata';
import { runService } from '@platform/service-kit';
import { AppModule } from './app.module';
import { assistantErrors } from './assistants/assistant.errors';
import { promptErrors } from './prompts/prompt.errors';

runService({ name: 'assistants', module: AppModule, errors: [...assistantErrors, ...promptErrors] });
