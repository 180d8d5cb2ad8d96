import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSqlScript } from './split-sql-script.js';

describe('splitSqlScript', () => {
  it('splits at the semicolons that end statements', () => {
    assert.deepEqual(splitSqlScript('CREATE TABLE a (x int);\nALTER TABLE a ADD COLUMN y int;\n\n'), [
      'CREATE TABLE a (x int)',
      'ALTER TABLE a ADD COLUMN y int',
    ]);
  });

  it('keeps a function body whole, dollar-quoted with or without a tag, or single-quoted with doubled quotes', () => {
    const plain = 'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM g();\n  RETURN NULL;\nEND\n$$';
    const tagged = 'CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$';
    const quoted = "CREATE FUNCTION k() RETURNS text LANGUAGE plpgsql AS 'BEGIN RETURN ''a;b''; END'";
    assert.deepEqual(splitSqlScript(`${plain};\n${tagged};\n${quoted};`), [plain, tagged, quoted]);
  });

  it('leaves semicolons in comments and quoted names alone', () => {
    const script = '-- first; of two\nSELECT 1 AS "a;b"; /* a; b */ SELECT 2';
    assert.deepEqual(splitSqlScript(script), ['-- first; of two\nSELECT 1 AS "a;b"', '/* a; b */ SELECT 2']);
  });

  it('reads a positional parameter as a dollar sign, not the start of a body', () => {
    assert.deepEqual(splitSqlScript('SELECT $1; SELECT 2'), ['SELECT $1', 'SELECT 2']);
  });
});
