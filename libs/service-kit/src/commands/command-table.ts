import { Controller, Inject, type Type } from '@nestjs/common';
import type { OperationContract, OperationInput, RequestMeta } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { RpcOperation } from '../rpc/rpc-operation.decorator';
import type { Aggregate, DomainEvent } from './aggregate';
import { CommandRunner, type CommandContext } from './command-runner';

/** One command of an aggregate: the operation that carries it and how its input becomes a domain command. */
export interface CommandEntry<Doc, Command> {
  operation: OperationContract;
  /** The aggregate the request addresses; without it the command creates one with a fresh id. */
  target?(input: never): string;
  command(input: never, context: CommandContext<Doc>): Command;
}

/**
 * Typed rows of an aggregate's command table: `const command = commandsOf(assistantAggregate)`, then
 * `command(AssistantOperations.update, { target: ({ params }) => params.id, command: ({ body }, { id, now }) => … })`.
 */
export function commandsOf<Doc, State, Command, Event extends DomainEvent>(
  _aggregate: Aggregate<Doc, State, Command, Event>,
) {
  return <O extends OperationContract>(
    operation: O,
    entry: {
      target?: (input: OperationInput<O>) => string;
      command: (input: OperationInput<O>, context: CommandContext<Doc>) => Command;
    },
  ): CommandEntry<Doc, Command> => ({ operation, ...entry }) as CommandEntry<Doc, Command>;
}

/** The usual target: the `id` path parameter. */
export const byParamsId = ({ params }: { params: { id: string } }) => params.id;

/**
 * One generic RPC controller serving every row of an aggregate's command table: parse with the operation's
 * contract, run load → decide → append, answer with the aggregate as it is afterwards.
 */
export function commandController<Doc, State, Command, Event extends DomainEvent>(
  aggregate: Aggregate<Doc, State, Command, Event>,
  table: readonly CommandEntry<Doc, Command>[],
): Type {
  @Controller()
  class AggregateCommandsController {
    constructor(@Inject(CommandRunner) readonly runner: CommandRunner) {}
  }
  Object.defineProperty(AggregateCommandsController, 'name', { value: `${aggregate.category}CommandsController` });
  for (const entry of table) {
    const key = entry.operation.pattern;
    const descriptor: TypedPropertyDescriptor<
      (input: OperationInput<OperationContract>, meta: RequestMeta) => unknown
    > = {
      value(this: AggregateCommandsController, input, meta) {
        const id = entry.target ? entry.target(input as never) : uuidv7();
        return this.runner.execute(aggregate, id, meta, (context) => entry.command(input as never, context));
      },
      writable: true,
      configurable: true,
    };
    RpcOperation(entry.operation)(AggregateCommandsController.prototype, key, descriptor);
    Object.defineProperty(AggregateCommandsController.prototype, key, descriptor);
  }
  return AggregateCommandsController;
}
