import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { createSweep } from '@sweepscope/db/sweeps';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { startStack, type Stack } from '../support/start-stack.js';

/** One hostile request and how it must be answered. */
interface BadInput {
  /** What is wrong, in words: the test's name. */
  problem: string;
  /** A GraphQL document, or the raw body and content type of an HTTP request. */
  query?: string;
  variables?: Record<string, unknown>;
  body?: string;
  contentType?: string;
  /** Where it is sent, with its query string. @default '/graphql' */
  path?: string;
  /** More request headers. */
  headers?: Record<string, string>;
  /** The codes it may be answered with (GraphQL's own validation of literals answers GRAPHQL_VALIDATION_FAILED). */
  codes: readonly string[];
  /** What the message must name: the field, the argument or the fix. */
  names: RegExp;
}

const long = (length: number, letter = 'x'): string => letter.repeat(length);
const idArguments = ['abc', '0', '-1', '1.5', '2147483648', '99999999999999999999', '', ' 1', '1e3', '0x10'];
const input = { preset: 'smoke', cells: '8:0.1', epochs: 1 };

/** createSweep with one bad setting each, sent as variables as a client library would. */
const badSweepSettings: [string, Record<string, unknown>, RegExp][] = [
  ['a learning rate that is not a number', { cells: '32:abc' }, /^cells has learning rate "abc"/],
  ['empty cells', { cells: '' }, /^cells is empty/],
  ['a batch size of 0', { cells: '0:0.1' }, /^cells has batch size "0"/],
  ['a learning rate of 0', { cells: '8:0' }, /^cells has learning rate "0"/],
  ['a negative learning rate', { cells: '8:-1' }, /^cells has learning rate "-1"/],
  ['a learning rate of 1e300', { cells: '8:1e300' }, /^cells has learning rate "1e300".*at most 3\.4e38/],
  ['a learning rate of NaN', { cells: '8:NaN' }, /^cells has learning rate "NaN"/],
  ['a learning rate of Infinity', { cells: '8:Infinity' }, /^cells has learning rate "Infinity"/],
  ['a cell given twice', { cells: '8:0.1,8:0.1' }, /^cells lists 8:0\.1 twice/],
  ['a cell of three parts', { cells: '8:0.1:3' }, /^cells has "8:0\.1:3"/],
  ['a fractional batch size', { cells: '8.5:0.1' }, /^cells has batch size "8\.5"/],
  ['a batch larger than the 32 training images', { cells: '64:0.1' }, /^cells has batch size 64, more than the 32 training images/],
  [
    'a batch larger than Fashion-MNIST',
    { preset: 'quick', cells: '65536:0.1', trainLimit: null },
    /^cells has batch size 65536, more than the 60000 training images/,
  ],
  ['a batch size beyond ten million', { cells: '20000000:0.1' }, /^cells has batch size 20000000/],
  ['an unknown preset', { preset: 'fast' }, /^preset is "fast"/],
  ['an unknown data set', { dataset: 'cifar' }, /^dataset is "cifar"/],
  ['an image data set without a folder', { dataset: 'images' }, /^dataDir is missing/],
  ['a folder for the synthetic set', { dataDir: '/tmp' }, /^dataDir is "\/tmp"/],
  ['a name of 201 characters', { name: long(201) }, /^name is 201 characters long: expected at most 200 characters\./],
  ['a name of 100,000 characters', { name: long(100_000) }, /^name is 100,000 characters long/],
  ['a data folder of 5,000 characters', { dataset: 'images', dataDir: `/${long(4999)}` }, /^dataDir is 5,000 characters long/],
  ['weights of 5,000 characters', { weights: `/${long(4999)}` }, /^weights is 5,000 characters long/],
  ['batch sizes without learning rates', { cells: undefined, batchSizes: [8] }, /^learningRates is missing/],
  ['learning rates without batch sizes', { cells: undefined, learningRates: [0.1] }, /^batchSizes is missing/],
  ['cells with a grid', { batchSizes: [8], learningRates: [0.1] }, /^cells is given with a grid/],
  ['a grid batch size of 0', { cells: undefined, batchSizes: [0], learningRates: [0.1] }, /^batchSizes has batch size "0"/],
  ['a negative grid batch size', { cells: undefined, batchSizes: [-8], learningRates: [0.1] }, /^batchSizes has batch size "-8"/],
  ['a grid batch size twice', { cells: undefined, batchSizes: [8, 8], learningRates: [0.1] }, /^batchSizes lists 8 twice/],
  ['a grid learning rate of 0', { cells: undefined, batchSizes: [8], learningRates: [0] }, /^learningRates has learning rate "0"/],
  ['a grid learning rate of 1e300', { cells: undefined, batchSizes: [8], learningRates: [1e300] }, /^learningRates has learning rate "1e\+300"/],
  [
    'a sweep of 11,000 runs',
    {
      cells: undefined,
      batchSizes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      learningRates: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1],
      repeats: 100,
    },
    /^batchSizes makes 11,000 runs \(110 cells × 100 repeats\): expected at most 10,000 runs/,
  ],
  ['0 repeats', { repeats: 0 }, /^repeats is 0/],
  ['101 repeats', { repeats: 101 }, /^repeats is 101/],
  ['0 epochs', { epochs: 0 }, /^epochs is 0/],
  ['10,001 epochs', { epochs: 10_001 }, /^epochs is 10001/],
  ['an α of 0', { alpha: 0 }, /^alpha is 0/],
  ['a negative α', { alpha: -1 }, /^alpha is -1/],
  ['an α of 5', { alpha: 5 }, /^alpha is 5/],
  ['an input size of 16', { inputSize: 16 }, /^inputSize is 16/],
  ['an input size of 2,000', { inputSize: 2000 }, /^inputSize is 2000/],
  ['a batch-norm momentum of 1', { batchNormMomentum: 1 }, /^batchNormMomentum is 1/],
  ['a negative batch-norm momentum', { batchNormMomentum: -0.1 }, /^batchNormMomentum is -0\.1/],
  ['a divergence factor of 1.5', { divergenceFactor: 1.5 }, /^divergenceFactor is 1\.5/],
  ['a divergence factor of 1e13', { divergenceFactor: 1e13 }, /^divergenceFactor is 10000000000000/],
  ['a patience of 0', { earlyStopPatience: 0 }, /^earlyStopPatience is 0/],
  ['an unknown pruner', { pruner: 'mean' }, /^pruner is "mean"/],
  ['a negative warm-up', { pruneWarmupEpochs: -1 }, /^pruneWarmupEpochs is -1/],
  ['a negative noise-scale interval', { noiseScaleInterval: -1 }, /^noiseScaleInterval is -1: expected a whole number from 0 to 1000000/],
  ['a noise-scale interval past a million', { noiseScaleInterval: 2_000_000 }, /^noiseScaleInterval is 2000000/],
  ['a shuffle buffer of 0', { shuffleBuffer: 0 }, /^shuffleBuffer is 0/],
  ['a negative seed', { seed: -1 }, /^seed is -1/],
  ['a seed too large for its repeats', { seed: 2_147_483_647 }, /^seed is 2147483647/],
  ['a train limit of 0', { trainLimit: 0 }, /^trainLimit is 0/],
  ['a name holding a NUL', { name: 'a\u0000b' }, /^name holds a control character/],
  ['21 tags', { tags: Array.from({ length: 21 }, (_, index) => `t${index}`) }, /^tags has 21 tags: expected at most 20 tags\./],
  ['a tag of 65 characters', { tags: [long(65)] }, /^tags has a tag of 65 characters .*at most 64 characters/],
  ['a tag holding a comma', { tags: ['a,b'] }, /^tags has the tag "a,b": expected tags without commas/],
  ['notes of 10,001 characters', { notes: long(10_001) }, /^notes is 10,001 characters long: expected at most 10,000 characters\./],
  ['a validation limit of 0', { valLimit: 0 }, /^valLimit is 0/],
];

const importMutation = 'mutation ($input: ImportResultsInput!) { importResults(input: $input) { id } }';
const header = 'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy';
const csv = (row: string): Record<string, unknown> => ({ format: 'CSV', content: `${header}\n${row}\n`, filename: 'bad.csv' });
/** importResults with one bad input each. */
const badImports: [string, Record<string, unknown>, string, RegExp][] = [
  ['an empty file', { format: 'CSV', content: '' }, 'BAD_USER_INPUT', /empty|no rows|header/i],
  ['a file without the needed columns', { format: 'CSV', content: 'a,b\n1,2\n' }, 'BAD_USER_INPUT', /batch_size/],
  ['a learning rate of 0', csv('32,0,1,1,0.5,0.5,0.5,0.5'), 'BAD_USER_INPUT', /line 2: learning_rate is "0"/],
  ['a learning rate of 1e300', csv('32,1e300,1,1,0.5,0.5,0.5,0.5'), 'BAD_USER_INPUT', /line 2: learning_rate is "1e300".*3\.4e38/],
  ['an accuracy above 1', csv('32,0.1,1,1,0.5,1.5,0.5,0.5'), 'BAD_USER_INPUT', /line 2: accuracy is "1\.5"/],
  ['an epoch of 0', csv('32,0.1,1,0,0.5,0.5,0.5,0.5'), 'BAD_USER_INPUT', /line 2: epoch is "0"/],
  ['a word for a loss', csv('32,0.1,1,1,low,0.5,0.5,0.5'), 'BAD_USER_INPUT', /line 2: loss is "low"/],
  ['an epoch given twice', { format: 'CSV', content: `${header}\n32,0.1,1,1,0.5,0.5,0.5,0.5\n32,0.1,1,1,0.5,0.5,0.5,0.5\n` }, 'BAD_USER_INPUT', /line 3/],
  ['JSON that does not parse', { format: 'JSON', content: '[{' }, 'BAD_USER_INPUT', /JSON/],
  ['a Keras history without its batch size', { format: 'KERAS_HISTORY', content: '{"loss":[1]}', learningRate: 0.1 }, 'BAD_USER_INPUT', /batchSize/],
  [
    'an import into a sweep beyond 32 bits',
    { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), sweepId: '2147483648' },
    'BAD_USER_INPUT',
    /sweepId "2147483648" is not an id/,
  ],
  ['an import into a sweep that does not exist', { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), sweepId: '999999' }, 'NOT_FOUND', /999999/],
  ['an import named with 201 characters', { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), name: long(201) }, 'BAD_USER_INPUT', /^name is 201 characters long/],
  [
    'a file name of 100,000 characters',
    { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), filename: long(100_000) },
    'BAD_USER_INPUT',
    /^The file name is 100,000 characters long: expected at most 200/,
  ],
  [
    'a long file name into a sweep',
    { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), filename: long(300), sweepId: '1' },
    'BAD_USER_INPUT',
    /^The file name is 300 characters long/,
  ],
  ['a tag of 65 characters for its sweep', { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), tags: [long(65)] }, 'BAD_USER_INPUT', /^tags has a tag of 65 characters/],
  [
    "a run's empty tag in the file",
    { format: 'CSV', content: `${header},tags\n32,0.1,1,1,0.5,0.5,0.5,0.5,"a,,b"\n`, filename: 'bad.csv' },
    'BAD_USER_INPUT',
    /^bad\.csv line 2: tags has an empty tag/,
  ],
  [
    "a run's notes holding a NUL in the file",
    {
      format: 'JSON',
      content: JSON.stringify([{ batch_size: 32, learning_rate: 0.1, epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5, notes: 'a\u0000' }]),
    },
    'BAD_USER_INPUT',
    /^content row 1: notes holds the control character U\+0000/,
  ],
  ['an import with 0 classes', { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), classes: 0 }, 'BAD_USER_INPUT', /classes/],
  ['an import with a negative validation size', { ...csv('32,0.1,1,1,0.5,0.5,0.5,0.5'), valImages: -1 }, 'BAD_USER_INPUT', /valImages/],
];

const uploadHeader = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';

/** Uploads to POST /imports, each wrong in its query string, its headers or its body. */
const badUploads: BadInput[] = [
  {
    problem: 'an upload without a format',
    path: '/imports',
    body: `${uploadHeader}\n8,0.1,1,1,0.5,1,0.5`,
    codes: ['BAD_USER_INPUT'],
    names: /^format is missing/,
  },
  {
    problem: 'an upload of an unknown format',
    path: '/imports?format=xml',
    body: '<runs/>',
    codes: ['BAD_USER_INPUT'],
    names: /^format is "xml": expected one of csv, json, keras-history/,
  },
  {
    problem: 'an upload with a misspelt parameter',
    path: '/imports?format=csv&batchsize=8',
    body: uploadHeader,
    codes: ['BAD_USER_INPUT'],
    names: /^batchsize is not a parameter of an import: expected some of format, filename, sweepId, batchSize/,
  },
  {
    problem: 'an upload tagging its sweep with an empty tag',
    path: '/imports?format=csv&tags=a,,b',
    body: `${uploadHeader}\n8,0.1,1,1,0.5,1,0.5`,
    codes: ['BAD_USER_INPUT'],
    names: /^tags has an empty tag: expected tags of 1 to 64 characters, separated by commas/,
  },
  {
    problem: 'an upload naming its sweep twice',
    path: '/imports?format=csv&name=a&name=b',
    body: uploadHeader,
    codes: ['BAD_USER_INPUT'],
    names: /^name is given more than once/,
  },
  {
    problem: 'a Keras history upload with a batch size that is not a number',
    path: '/imports?format=keras-history&batchSize=abc&learningRate=0.1',
    body: '{}',
    codes: ['BAD_USER_INPUT'],
    names: /^batchSize is "abc": expected a whole number/,
  },
  {
    problem: 'a Keras history upload without its learning rate',
    path: '/imports?format=KERAS_HISTORY&batchSize=8',
    body: JSON.stringify({ loss: [1], accuracy: [0.5], val_loss: [1], val_accuracy: [0.5] }),
    codes: ['BAD_USER_INPUT'],
    names: /^learningRate is missing/,
  },
  {
    problem: 'an upload with a loss that is not a number',
    path: '/imports?format=csv&filename=runs.csv',
    body: `${uploadHeader}\n8,0.1,1,1,0.5,1,0.5\n8,0.1,2,abc,0.5,1,0.5`,
    codes: ['BAD_USER_INPUT'],
    names: /^runs\.csv line 3: loss is "abc": expected a finite number/,
  },
  {
    problem: 'an upload giving an epoch twice',
    path: '/imports?format=csv',
    body: `${uploadHeader}\n8,0.1,1,1,0.5,1,0.5\n8,0.1,1,1,0.5,1,0.5`,
    codes: ['BAD_USER_INPUT'],
    names: /^content line 3: epoch 1 of the run batch_size 8, learning_rate 0\.1, repeat 1 is also at content line 2/,
  },
  { problem: 'an empty upload', path: '/imports?format=csv', body: '', codes: ['BAD_USER_INPUT'], names: /^content is empty: expected a header line/ },
  {
    problem: 'an upload of binary noise',
    path: '/imports?format=csv',
    body: '\u0000\u0001\uFFFD\u0002,\u0000\n\u0003',
    contentType: 'application/octet-stream',
    codes: ['BAD_USER_INPUT'],
    names: /^content line 1: the header has no batch_size/,
  },
  {
    problem: 'a JSON upload of one object',
    path: '/imports?format=json',
    body: JSON.stringify({ loss: [1] }),
    codes: ['BAD_USER_INPUT'],
    names: /^content is an object of metric lists, as a Keras history is/,
  },
  {
    problem: 'an upload into a sweep that does not exist',
    path: '/imports?format=csv&sweepId=99999',
    body: uploadHeader,
    codes: ['NOT_FOUND'],
    names: /99999/,
  },
  {
    problem: 'an upload into sweep 2147483648',
    path: '/imports?format=csv&sweepId=2147483648',
    body: uploadHeader,
    codes: ['BAD_USER_INPUT'],
    names: /^sweepId "2147483648" is not an id/,
  },
  {
    problem: 'an upload naming its sweep in 201 characters',
    path: `/imports?format=csv&name=${long(201)}`,
    body: `${uploadHeader}\n8,0.1,1,1,0.5,1,0.5`,
    codes: ['BAD_USER_INPUT'],
    names: /^name is 201 characters long/,
  },
  {
    problem: 'a gzip-encoded upload',
    path: '/imports?format=csv',
    body: 'not really gzip',
    headers: { 'content-encoding': 'gzip' },
    codes: ['BAD_REQUEST'],
    names: /gzip-encoded: send the file as it is, uncompressed/,
  },
];

/** The runs list with one bad argument each. */
const badRunsQueries: [string, string, string, RegExp][] = [
  ['a page of 0', 'first: 0', 'BAD_USER_INPUT', /^first is 0: expected a whole number from 1 to 10000/],
  ['a page past a whole sweep', 'first: 10001', 'BAD_USER_INPUT', /^first is 10001: expected a whole number from 1 to 10000/],
  ['a sweep id that is not one', 'sweepId: "abc"', 'BAD_USER_INPUT', /^sweepId "abc" is not an id: expected a whole number/],
  ['a sweep id past 2^31 - 1', 'sweepId: "2147483648"', 'BAD_USER_INPUT', /^sweepId "2147483648" is not an id/],
  ['a sweep that does not exist', 'sweepId: "999999"', 'NOT_FOUND', /^Sweep 999999 does not exist: pass the id of a sweep as sweepId/],
  ['a cursor that is not one', 'after: "garbage"', 'BAD_USER_INPUT', /^after "garbage" is not a cursor/],
  ['a search of 201 characters', `search: "${long(201)}"`, 'BAD_USER_INPUT', /^search is 201 characters long: expected at most 200/],
  ['an unknown sort column', 'sort: { column: BOGUS }', 'GRAPHQL_VALIDATION_FAILED', /BOGUS/],
  ['an unknown status', 'statuses: [exploded]', 'GRAPHQL_VALIDATION_FAILED', /exploded/],
  ['a search holding a NUL', 'search: "a\\u0000b"', 'BAD_USER_INPUT', /^search holds a control character/],
  ['a tag holding a NUL', 'tag: "a\\u0000"', 'BAD_USER_INPUT', /^tag holds a control character/],
];

/** The sweeps list with one bad text filter each: PostgreSQL refuses a NUL in text outright. */
const badSweepsQueries: [string, string, RegExp][] = [
  ['a search holding a NUL', 'search: "a\\u0000b"', /^search holds a control character/],
  ['a tag holding a NUL', 'tag: "\\u0000"', /^tag holds a control character/],
  ['a data set holding a NUL', 'dataset: "x\\u0000"', /^dataset holds a control character/],
  ['a tag of 201 characters', `tag: "${long(201)}"`, /^tag is 201 characters long: expected at most 200/],
];

const cases: BadInput[] = [
  ...badUploads,
  ...badRunsQueries.map(([problem, argument, code, names]): BadInput => ({
    problem: `the runs list with ${problem}`,
    query: `{ runs(${argument}) { totalCount } }`,
    codes: [code],
    names,
  })),
  ...badSweepsQueries.map(([problem, argument, names]): BadInput => ({
    problem: `the sweeps list with ${problem}`,
    query: `{ sweeps(${argument}) { totalCount } }`,
    codes: ['BAD_USER_INPUT'],
    names,
  })),
  ...badSweepSettings.map(([problem, settings, names]): BadInput => ({
    problem: `createSweep with ${problem}`,
    query: 'mutation ($input: CreateSweepInput!) { createSweep(input: $input) { id } }',
    variables: { input: { ...input, ...settings } },
    codes: ['BAD_USER_INPUT'],
    names,
  })),
  ...badImports.map(([problem, fields, code, names]): BadInput => ({
    problem: `importResults with ${problem}`,
    query: importMutation,
    variables: { input: fields },
    codes: [code],
    names,
  })),
  ...idArguments.flatMap((id): BadInput[] => [
    {
      problem: `sweep(id: ${JSON.stringify(id)})`,
      query: 'query ($id: ID!) { sweep(id: $id) { id } }',
      variables: { id },
      codes: ['BAD_USER_INPUT'],
      names: /^id ".*" is not an id: expected a whole number from 1 to 2147483647/,
    },
    {
      problem: `deleteSweep(id: ${JSON.stringify(id)})`,
      query: 'mutation ($id: ID!) { deleteSweep(id: $id) }',
      variables: { id },
      codes: ['BAD_USER_INPUT'],
      names: /^id ".*" is not an id/,
    },
  ]),
  ...['run(id: "2147483648") { id }', 'conclusions(sweepId: "2147483648") { sweepId }'].map((field): BadInput => ({
    problem: `{ ${field} }`,
    query: `{ ${field} }`,
    codes: ['BAD_USER_INPUT'],
    names: /"2147483648" is not an id/,
  })),
  ...['cancelSweep(id: "2147483648") { id }', 'cancelRun(id: "2147483648") { id }', 'retryRun(id: "2147483648") { id }'].map((field): BadInput => ({
    problem: `mutation { ${field} }`,
    query: `mutation { ${field} }`,
    codes: ['BAD_USER_INPUT'],
    names: /"2147483648" is not an id/,
  })),
  ...['deleteSweep(id: "999999")', 'cancelSweep(id: "999999") { id }', 'cancelRun(id: "999999") { id }', 'retryRun(id: "999999") { id }'].map(
    (field): BadInput => ({
      problem: `mutation { ${field} } of nothing`,
      query: `mutation { ${field} }`,
      codes: ['NOT_FOUND'],
      names: /999999/,
    }),
  ),
  ...(
    [
      ['updateSweep', 'UpdateSweepInput', { name: ' ' }, /^name is empty: expected a name of 1 to 200 characters/],
      ['updateSweep', 'UpdateSweepInput', { name: 'two\nlines' }, /^name holds a control character/],
      ['updateSweep', 'UpdateSweepInput', { tags: ['ok', ''] }, /^tags has an empty tag/],
      ['updateSweep', 'UpdateSweepInput', { notes: long(1_000_000) }, /^notes is 1,000,000 characters long: expected at most 10,000/],
      ['updateRun', 'UpdateRunInput', { tags: ['a\tb'] }, /^tags has the tag "a\\tb": expected tags without commas or control characters/],
      ['updateRun', 'UpdateRunInput', { tags: Array.from({ length: 1000 }, (_, index) => `t${index}`) }, /^tags has 1000 tags: expected at most 20/],
      ['updateRun', 'UpdateRunInput', { notes: '\u001b[2J' }, /^notes holds the control character U\+001B/],
    ] as const
  ).map(([mutation, type, change, names]): BadInput => ({
    problem: `${mutation} with ${JSON.stringify(change).slice(0, 60)}`,
    query: `mutation ($input: ${type}!) { ${mutation}(id: "1", input: $input) { id } }`,
    variables: { input: change },
    codes: ['BAD_USER_INPUT'],
    names,
  })),
  ...['updateSweep', 'updateRun'].flatMap((mutation): BadInput[] => [
    { problem: `${mutation} of nothing`, query: `mutation { ${mutation}(id: "999999", input: { notes: "x" }) { id } }`, codes: ['NOT_FOUND'], names: /999999/ },
    {
      problem: `${mutation} beyond 32 bits`,
      query: `mutation { ${mutation}(id: "2147483648", input: { notes: "x" }) { id } }`,
      codes: ['BAD_USER_INPUT'],
      names: /"2147483648" is not an id/,
    },
  ]),
  { problem: 'a page of 0', query: '{ sweeps(first: 0) { totalCount } }', codes: ['BAD_USER_INPUT'], names: /first/ },
  { problem: 'a negative page', query: '{ sweeps(first: -5) { totalCount } }', codes: ['BAD_USER_INPUT'], names: /first/ },
  { problem: 'a page of a million', query: '{ sweeps(first: 1000000) { totalCount } }', codes: ['BAD_USER_INPUT'], names: /first/ },
  {
    problem: 'a series rounded to 18 digits',
    query: '{ sweeps(first: 1) { nodes { runs { series(metric: VAL_ACCURACY, significantDigits: 18) } } } }',
    codes: ['BAD_USER_INPUT'],
    names: /significantDigits/,
  },
  { problem: 'a cursor that is not one', query: '{ sweeps(after: "garbage") { totalCount } }', codes: ['BAD_USER_INPUT'], names: /after/ },
  { problem: 'an unknown status', query: '{ sweeps(status: exploded) { totalCount } }', codes: ['GRAPHQL_VALIDATION_FAILED'], names: /exploded/ },
  {
    problem: 'an epoch count beyond 32 bits',
    query: 'mutation { createSweep(input: { epochs: 3000000000 }) { id } }',
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    names: /3000000000/,
  },
  {
    problem: 'a fractional epoch count',
    query: 'mutation { createSweep(input: { epochs: 2.5 }) { id } }',
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    names: /2\.5/,
  },
  { problem: 'a field that does not exist', query: '{ sweeps { bogus } }', codes: ['GRAPHQL_VALIDATION_FAILED'], names: /bogus/ },
  { problem: 'a syntax error', query: '{ sweeps { ', codes: ['GRAPHQL_PARSE_FAILED'], names: /Syntax Error/ },
  {
    problem: 'a subscription to sweep events over HTTP',
    query: 'subscription { sweepEvents(sweepId: "1") { kind } }',
    codes: ['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'],
    names: /WebSocket/,
  },
  {
    problem: 'a subscription to run epochs over HTTP',
    query: 'subscription { runEpochs(runId: "1") { epoch { epoch } } }',
    codes: ['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'],
    names: /WebSocket/,
  },
  {
    problem: '300 aliased conclusions',
    query: `{ ${Array.from({ length: 300 }, (_, i) => `c${i}: conclusions(sweepId: "1") { sweepId }`).join(' ')} }`,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    names: /costs 30300.*at most 2000/,
  },
  { problem: 'an argument that does not exist', query: '{ sweep(id: "1", bogus: 1) { id } }', codes: ['GRAPHQL_VALIDATION_FAILED'], names: /bogus/ },
  { problem: 'a body that is not JSON', body: '{"query": "{ sweeps { totalCount } "', codes: ['BAD_REQUEST'], names: /not valid JSON/ },
  {
    problem: 'a body over 1 MB',
    body: JSON.stringify({ query: `{ sweeps { totalCount } } #${long(1_100_000)}` }),
    codes: ['PAYLOAD_TOO_LARGE'],
    names: /at most 1048576 bytes/,
  },
  {
    problem: 'a createSweep name of 900 KB',
    body: JSON.stringify({ query: 'mutation ($n: String) { createSweep(input: { name: $n }) { id } }', variables: { n: long(900_000) } }),
    codes: ['BAD_USER_INPUT'],
    names: /^name is 900,000 characters long/,
  },
  { problem: 'a query that is not a string', body: JSON.stringify({ query: 5 }), codes: ['BAD_REQUEST'], names: /queries must be strings/ },
  {
    problem: 'variables that are not an object',
    body: JSON.stringify({ query: '{ sweeps { totalCount } }', variables: [1] }),
    codes: ['BAD_REQUEST'],
    names: /variables/,
  },
  { problem: 'no query at all', body: JSON.stringify({}), codes: ['BAD_REQUEST'], names: /body missing/ },
  { problem: 'a plain-text body', body: '{ sweeps { totalCount } }', contentType: 'text/plain', codes: ['BAD_REQUEST'], names: /content-type|Content-Type/ },
  {
    problem: 'an unknown operation name',
    body: JSON.stringify({ query: 'query A { sweeps { totalCount } }', operationName: 'B' }),
    codes: ['GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE'],
    names: /B/,
  },
];

describe('a battery of bad inputs to the API', () => {
  let db: TestDatabase;
  let stack: Stack;
  let prisma: PrismaClient;
  let stored: () => Promise<string>;

  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url, worker: false });
    prisma = createPrisma(db.url);
    // A sweep of its own, so that a refused change would have rows to damage.
    await createSweep(prisma, { input, createdBy: 'api' });
    stored = async () =>
      JSON.stringify(
        await Promise.all([
          prisma.sweep.findMany({ orderBy: { id: 'asc' } }),
          prisma.run.findMany({ orderBy: { id: 'asc' } }),
          prisma.epoch.count(),
          prisma.sweepEvent.count(),
        ]),
      );
  });
  after(async () => {
    await prisma?.$disconnect();
    await stack?.stop();
    await db?.drop();
  });

  it(`holds at least 100 cases (${cases.length})`, () => {
    assert.ok(cases.length >= 100, `${cases.length} cases`);
  });

  it('answers a path it does not serve with a JSON NOT_FOUND naming what it does serve', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['PUT', '/healthz'],
      ['DELETE', '/sweeps/1/epochs.csv'],
    ] as const) {
      const response = await fetch(new URL(path, stack.apiUrl), { method });
      assert.equal(response.status, 404);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      assert.equal(body.errors[0]?.extensions.code, 'NOT_FOUND');
      assert.match(body.errors[0]?.message ?? '', new RegExp(`^Nothing is served at ${method} ${path}: the API is POST /graphql`));
    }
  });

  for (const badInput of cases) {
    it(`answers ${badInput.problem} with ${badInput.codes.join(' or ')}, naming it, leaking nothing and storing nothing`, async () => {
      const before = await stored();
      const response = await fetch(new URL(badInput.path ?? '/graphql', stack.apiUrl), {
        method: 'POST',
        headers: { 'content-type': badInput.contentType ?? 'application/json', ...badInput.headers },
        body: badInput.body ?? JSON.stringify({ query: badInput.query, variables: badInput.variables ?? {} }),
      });
      const text = await response.text();
      assert.match(response.headers.get('content-type') ?? '', /json/, text.slice(0, 300));
      const answer = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } }[] };
      const [error] = answer.errors ?? [];
      assert.ok(error, `no error in ${text.slice(0, 300)}`);
      assert.ok(badInput.codes.includes(error.extensions?.code ?? ''), `code ${error.extensions?.code}: ${error.message.slice(0, 300)}`);
      assert.match(error.message, badInput.names);
      assert.doesNotMatch(text, /\n\s+at |node_modules|\/dist\/|\/src\/|stacktrace/, 'a stack trace or a path leaked');
      assert.equal(await stored(), before, 'stored rows changed');
    });
  }
});
