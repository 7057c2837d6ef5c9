import { MessagePattern } from '@nestjs/microservices';
import { rpcSubject } from '../config/bus-config';

/**
 * `@RpcPattern('assistants.create')` = `@MessagePattern(rpcSubject('assistants.create'))`. The subject is fixed
 * when the class is defined, so BUS_PREFIX must be set before the controller's module is loaded.
 */
export const RpcPattern = (pattern: string): MethodDecorator => MessagePattern(rpcSubject(pattern));
