/**
 * Splits a migration script into its statements at the semicolons that end them, leaving
 * those inside quoted strings, quoted names, dollar-quoted bodies (a function's) and
 * comments where they are. Prisma's PostgreSQL adapter splits at every semicolon, which
 * cuts a PL/pgSQL function in pieces; `prisma migrate deploy` would send the script whole.
 * @returns the statements, trimmed, without empty ones
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let index = 0;
  while (index < script.length) {
    const end = endOfQuoted(script, index);
    if (end > index) {
      index = end;
    } else if (script[index] === ';') {
      statements.push(script.slice(start, index));
      start = index += 1;
    } else {
      index += 1;
    }
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}

/** Where the quoted string, name, dollar-quoted body or comment starting at `index` ends; `index` itself when none starts there. */
function endOfQuoted(script: string, index: number): number {
  const rest = script.slice(index, index + 2);
  if (rest === '--') return endAfter(script, '\n', index + 2);
  if (rest === '/*') return endAfter(script, '*/', index + 2);
  const char = script[index];
  // A doubled quote inside is an escaped one: the scan simply resumes after it.
  if (char === "'" || char === '"') return endAfter(script, char, index + 1);
  if (char === '$') {
    const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(index))?.[0];
    if (tag !== undefined) return endAfter(script, tag, index + tag.length);
  }
  return index;
}

/** The index just past the next `closing` from `from`, or the script's end when there is none. */
function endAfter(script: string, closing: string, from: number): number {
  const found = script.indexOf(closing, from);
  return found === -1 ? script.length : found + closing.length;
}
