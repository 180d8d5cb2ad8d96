import { importResults } from '@sweepscope/db/imports';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { toImportOptions } from '../../imports/to-import-options.js';
import { ImportResultsInput } from '../types/import-results.input.js';
import { Sweep } from '../types/sweep.type.js';

/** Importing results trained elsewhere, through the same service as the terminal's `import`. */
@Resolver()
export class ImportResolver {
  @Mutation(() => Sweep, {
    description:
      'Stores results trained elsewhere (CSV, JSON or a Keras history) as succeeded runs, in one transaction: a new sweep, or sweepId. ' +
      'Refused whole (BAD_USER_INPUT naming the line, column and value) when any row is wrong; NOT_FOUND or CONFLICT (read-only) for sweepId. Returns the sweep.',
  })
  async importResults(@Arg('input', () => ImportResultsInput) input: ImportResultsInput, @Ctx() { prisma }: Context) {
    const { sweep } = await importResults(prisma, toImportOptions(input));
    return sweep;
  }
}
