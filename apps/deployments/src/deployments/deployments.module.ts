import { Module } from '@nestjs/common';
import { ArchiveWorkflow } from '../archive/archive.workflow';
import { DeploymentCommands } from './commands/deployment.commands';
import { AssistantCatalog } from './infrastructure/assistant-catalog';
import { DeploymentReadRepository } from './infrastructure/deployment-read.repository';
import { SlotWriter } from './infrastructure/slot-writer';
import { DeploymentQueries } from './queries/deployment.queries';

@Module({
  controllers: [DeploymentCommands, DeploymentQueries],
  providers: [SlotWriter, DeploymentReadRepository, AssistantCatalog, ArchiveWorkflow],
  exports: [SlotWriter],
})
export class DeploymentsModule {}
