import { Global, Module, type DynamicModule } from '@nestjs/common';
import { RPC_CLIENT_OPTIONS, RpcClient, type RpcClientOptions } from './rpc-client';

/** Makes RpcClient injectable everywhere: `imports: [RpcClientModule.forRoot()]` once, in the root module. */
@Global()
@Module({})
export class RpcClientModule {
  static forRoot(options: RpcClientOptions = {}): DynamicModule {
    return {
      module: RpcClientModule,
      global: true,
      providers: [{ provide: RPC_CLIENT_OPTIONS, useValue: options }, RpcClient],
      exports: [RpcClient],
    };
  }
}
