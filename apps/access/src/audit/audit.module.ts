import { Module } from '@nestjs/common';
import { AuditQuery } from './queries/audit.query';

@Module({ controllers: [AuditQuery] })
export class AuditModule {}
