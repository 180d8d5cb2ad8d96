import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { env } from '../env.js';
import { runWholeScripts } from './run-whole-scripts.js';

const require = createRequire(import.meta.url);

// Node has WebAssembly, but the ES library typings this project compiles against do not describe it.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

interface SchemaEngineBindings {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: typeof SchemaEngine;
}

let bindingsPromise: Promise<SchemaEngineBindings> | undefined;

/**
 * The package is built for bundlers, so it is instantiated by hand, and only once per
 * process: its bindings are module state, and a second instance panics inside the engine.
 */
function loadBindings(): Promise<SchemaEngineBindings> {
  bindingsPromise ??= (async () => {
    // The engine reports a panic's message here before it throws; Prisma's CLI sets this up.
    const registry = {
      message: '',
      set_message(message: string) {
        this.message = message;
      },
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(bindingsPath)) as SchemaEngineBindings;
    const wasmBytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return bindingsPromise;
}

/** A schema engine with the connections it opened; `dispose()` frees both. */
export interface LoadedSchemaEngine {
  engine: SchemaEngine;
  dispose: () => Promise<void>;
}

/**
 * Starts Prisma's schema engine (its WebAssembly build, which needs no download) against
 * one database, with the project's schema loaded.
 * @param connectionString PostgreSQL URL
 */
export async function loadSchemaEngine(connectionString: string): Promise<LoadedSchemaEngine> {
  const bindings = await loadBindings();
  const schema = await readFile(env.schemaPath, 'utf8');
  // The engine's free() leaves its connections open, and with them the advisory lock that
  // migrations take: the next engine would wait 10 s for it. So they are closed here.
  const opened: { dispose(): Promise<void> }[] = [];
  // Some of the engine's own pools are never handed back; idle ones must not keep the process alive.
  const factory = new PrismaPg({ connectionString, allowExitOnIdle: true, idleTimeoutMillis: 1000 });
  const tracked = Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return runWholeScripts(adapter);
    },
  });
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  // The engine logs through this callback; its chatter is not ours to print.
  const log = (): void => {};
  const engine = await bindings.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, log, adapter);
  return {
    engine,
    async dispose() {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
    },
  };
}
