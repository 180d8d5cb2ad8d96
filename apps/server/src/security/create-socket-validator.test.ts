import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, parse } from 'graphql';
import { createSocketValidator } from './create-socket-validator.js';

const schema = buildSchema(`type Query { sweep: Sweep } type Sweep { id: ID!, sweep: Sweep }`);

describe('createSocketValidator', () => {
  it('applies the depth limit with the validation code', () => {
    const validate = createSocketValidator({ maxDepth: 2, maxCost: 100, introspection: true });
    assert.deepEqual(
      validate(schema, parse(`{ sweep { sweep { id } } }`)).map((error) => error.extensions.code),
      ['GRAPHQL_VALIDATION_FAILED'],
    );
    assert.deepEqual(validate(schema, parse(`{ sweep { id } }`)), []);
  });

  it('applies the cost limit with the validation code', () => {
    const validate = createSocketValidator({ maxDepth: 10, maxCost: 3, introspection: true });
    assert.deepEqual(
      validate(schema, parse(`{ a: sweep { id } b: sweep { id } }`)).map((error) => error.extensions.code),
      ['GRAPHQL_VALIDATION_FAILED'],
    );
    assert.deepEqual(validate(schema, parse(`{ sweep { sweep { id } } }`)), []);
  });

  it("gives graphql's own validation errors the validation code too", () => {
    const [error] = createSocketValidator({ maxDepth: 10, maxCost: 100, introspection: true })(schema, parse(`{ nope }`));
    assert.match(error?.message ?? '', /Cannot query field "nope"/);
    assert.equal(error?.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('allows introspection when on and refuses it when off', () => {
    const query = parse(`{ __schema { queryType { name } } }`);
    assert.deepEqual(createSocketValidator({ maxDepth: 10, maxCost: 100, introspection: true })(schema, query), []);
    const [error] = createSocketValidator({ maxDepth: 10, maxCost: 100, introspection: false })(schema, query);
    assert.match(error?.message ?? '', /introspection/i);
  });
});
