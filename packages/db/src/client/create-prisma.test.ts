import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDatabase } from '../testing/index.js';

describe('createPrisma', () => {
  const database = useTestDatabase();

  it("sets every session's limits on quiet clients, and turns JIT compilation off", async () => {
    const settings = await database.prisma.$queryRaw<{ name: string; setting: string }[]>`
      SELECT name, setting FROM pg_settings
      WHERE name IN ('idle_in_transaction_session_timeout', 'tcp_keepalives_idle', 'tcp_user_timeout', 'jit') ORDER BY name`;
    assert.deepEqual(
      Object.fromEntries(settings.map(({ name, setting }) => [name, setting])),
      // tcp_* read 0 on a Unix socket; the suite connects over TCP.
      { idle_in_transaction_session_timeout: '5000', jit: 'off', tcp_keepalives_idle: '5', tcp_user_timeout: '10000' },
    );
  });
});
