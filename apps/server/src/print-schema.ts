import { printSchema } from 'graphql';
import { buildSweepscopeSchema } from './schema/build-sweepscope-schema.js';

// Writes the SDL to stdout; `npm run print-schema` stores it as schema.graphql.
process.stdout.write(`${printSchema(await buildSweepscopeSchema())}\n`);
