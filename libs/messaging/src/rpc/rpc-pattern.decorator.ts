import { MessagePattern } from '@nestjs/microservices';
import { rpcChannel } from '../config/bus-config';

/**
 * `@RpcPattern('assistants.create')` registers the channel `rpc.assistants.create`; the platform's NATS server
 * subscribes it under the bus prefix (`<prefix>.rpc.assistants.create`) when it starts listening.
 */
export const RpcPattern = (pattern: string): MethodDecorator => MessagePattern(rpcChannel(pattern));
