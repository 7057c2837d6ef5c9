import { Payload } from '@nestjs/microservices';
import {
  parseOperationInput,
  type Envelope,
  type OperationContract,
  type OperationInput,
  type OperationResult,
  type RawOperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';

/** A handler must answer with what the contract's `response` describes, so the service and its contract agree. */
export type OperationHandler<O extends OperationContract> = (
  input: OperationInput<O>,
  meta: RequestMeta,
) => OperationResult<O> | Promise<OperationResult<O>>;

/**
 * Serves `contract` on the bus: the envelope's input is parsed with the contract's schemas (400 naming every
 * offending field) and the method is called with `(input, meta)`.
 */
export function RpcOperation<O extends OperationContract>(contract: O) {
  return <F extends OperationHandler<O>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ) => {
    const handler = descriptor.value!;
    const parsing = function (this: unknown, envelope: Envelope<RawOperationInput>) {
      return handler.call(this, parseOperationInput(contract, envelope?.body), envelope?.meta);
    };
    descriptor.value = parsing as unknown as F;
    Payload()(target, key, 0);
    RpcPattern(contract.pattern)(target, key, descriptor);
  };
}
