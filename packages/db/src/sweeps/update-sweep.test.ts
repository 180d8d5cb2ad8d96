import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { useTestDatabase } from '../testing/index.js';
import { createSweep } from './create-sweep.js';
import { ensureReferenceSweep } from './ensure-reference-sweep.js';
import { updateSweep } from './update-sweep.js';

describe('updateSweep', () => {
  const database = useTestDatabase();

  it('changes only the fields given, checked and trimmed', async () => {
    const sweep = await createSweep(database.prisma, {
      input: { preset: 'smoke', cells: '8:0.1', name: 'first', tags: ['a'], notes: 'keep' },
      createdBy: 'test',
    });
    const renamed = await updateSweep(database.prisma, sweep.id, { name: '  second ' });
    assert.deepEqual([renamed.name, renamed.tags, renamed.notes], ['second', ['a'], 'keep']);
    const tagged = await updateSweep(database.prisma, sweep.id, { tags: [' baseline', 'fig 3', 'baseline'], notes: 'BN 0.9\nlooks better ' });
    assert.deepEqual([tagged.name, tagged.tags, tagged.notes], ['second', ['baseline', 'fig 3'], 'BN 0.9\nlooks better']);
    const cleared = await updateSweep(database.prisma, sweep.id, { tags: [], notes: '' });
    assert.deepEqual([cleared.tags, cleared.notes], [[], '']);
  });

  it('refuses a value over its limit, naming the field, and changes nothing', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1', name: 'kept', tags: ['x'] }, createdBy: 'test' });
    await assert.rejects(updateSweep(database.prisma, sweep.id, { name: 'new', tags: ['t'.repeat(65)] }), {
      code: ErrorCode.BadUserInput,
      field: ['tags'],
      message: /^tags has a tag of 65 characters .*at most 64 characters\.$/,
    });
    await assert.rejects(
      updateSweep(database.prisma, sweep.id, { notes: 'n'.repeat(10_001) }, (field) => `input.${field}`),
      {
        code: ErrorCode.BadUserInput,
        field: ['input.notes'],
      },
    );
    await assert.rejects(updateSweep(database.prisma, sweep.id, { name: ' ' }), { code: ErrorCode.BadUserInput, message: /^name is empty/ });
    const stored = await database.prisma.sweep.findUniqueOrThrow({ where: { id: sweep.id } });
    assert.deepEqual([stored.name, stored.tags, stored.notes], ['kept', ['x'], '']);
  });

  it('refuses an unknown sweep and a read-only one', async () => {
    await assert.rejects(updateSweep(database.prisma, 2 ** 31, { tags: ['a'] }), { code: ErrorCode.NotFound, field: ['id'] });
    const reference = await ensureReferenceSweep(database.prisma);
    await assert.rejects(updateSweep(database.prisma, reference.id, { notes: 'mine' }), { code: ErrorCode.Conflict, message: /read-only.*to edit\.$/ });
    assert.equal((await database.prisma.sweep.findUniqueOrThrow({ where: { id: reference.id } })).notes, '');
  });
});
