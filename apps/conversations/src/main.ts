import 'reflect-metadata';
import { runService } from '@platform/service-kit';
import { AppModule } from './app.module';
import { conversationErrors } from './conversations/conversation.errors';

runService({ name: 'conversations', module: AppModule, errors: conversationErrors });
