import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/**
 * Makes an adapter run each migration script as one statement list in one query, as
 * `prisma migrate deploy` sends it. Prisma's PostgreSQL adapter splits a script at every
 * `;` and runs the pieces one by one: that cuts a PL/pgSQL body in pieces ("unterminated
 * dollar-quoted string"), and a process killed part-way leaves a migration half applied.
 * With no arguments, pg sends the script as a simple query, which PostgreSQL runs whole in
 * one transaction: it applies entirely or not at all.
 */
export function runWholeScripts<Adapter extends SqlDriverAdapter>(adapter: Adapter): Adapter {
  return Object.assign(adapter, {
    async executeScript(script: string) {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
  });
}
