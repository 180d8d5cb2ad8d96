import { createSourceEventStream, execute, Kind, print, visit, type ArgumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** Options of {@link createEventSubscribe}. */
export interface CreateEventSubscribeOptions {
  /** A context for one event's execution, with loaders of its own. */
  createContext: () => unknown;
  /** How long an event's result stays shared with later subscribers of the same operation. @default 10_000 */
  shareMs?: number;
}

/**
 * The variables an operation's events are shaped by: every variable it uses except in the
 * subscription field's own arguments (a sweep's id, a cursor), which choose the stream and
 * where it starts, not what an event looks like.
 */
function eventVariables({ document, variableValues }: ExecutionArgs): Record<string, unknown> {
  const streamArguments = new Set<ArgumentNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD) for (const argument of selection.arguments ?? []) streamArguments.add(argument);
    }
  }
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Argument: (node) => (streamArguments.has(node) ? false : undefined),
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return Object.fromEntries([...used].sort().map((name) => [name, variableValues?.[name] ?? null]));
}

/** Maps each value of an async iterable, passing `return` through so that the source stops when its subscriber goes. */
function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-ws' `subscribe`: graphql-js' own, but for two things.
 * - Each event is executed with a context of its own. graphql-ws makes a subscription's
 *   context once, when it starts, and a subscription lives for hours: loaders that cache
 *   what they read would hand an early event's numbers (a run's epochs done, its
 *   throughput) to every later event.
 * - An event is executed once per operation, and every subscriber of that operation gets
 *   the same result: 500 viewers of a sweep cost one execution an event, not 500. Events
 *   are told apart by their `seq` (the event log's id), operations by their document,
 *   operation name and {@link eventVariables}. A replayed event is shared as a live one is,
 *   for `shareMs`.
 */
export function createEventSubscribe({ createContext, shareMs = 10_000 }: CreateEventSubscribeOptions) {
  const shared = new Map<string, Promise<ExecutionResult>>();
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const operation = JSON.stringify([print(args.document), args.operationName ?? null, eventVariables(args)]);
    const run = (payload: unknown) => Promise.resolve(execute({ ...args, rootValue: payload, contextValue: createContext() }));
    return mapAsyncIterable(source, (payload) => {
      const seq = (payload as { seq?: unknown } | null)?.seq;
      if (typeof seq !== 'number') return run(payload);
      const key = `${seq} ${operation}`;
      let result = shared.get(key);
      if (result === undefined) {
        result = run(payload);
        shared.set(key, result);
        setTimeout(() => shared.delete(key), shareMs).unref();
      }
      return result;
    });
  };
}
