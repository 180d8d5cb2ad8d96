import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';

/** Characters of a sweep's name. */
export const maxNameLength = 200;

/** Tags on one sweep or run: enough to group it several ways, few enough to show on one line. */
export const maxTags = 20;
/** Characters of one tag. */
export const maxTagLength = 64;
/** Characters of a sweep's or a run's notes: some pages of text. */
export const maxNotesLength = 10_000;

// Control characters break the lines tags are shown on, and PostgreSQL cannot store a NUL.
// A comma separates tags where they are written as one text: a flag, a CSV field, the URL.
const badTagCharacter = /[\p{Cc},]/u;
// Notes are text of several lines: line breaks and tabs are theirs to keep.
const badNotesCharacter = /(?![\t\n\r])\p{Cc}/u;

/**
 * Checks a sweep's name: trimmed, 1 to {@link maxNameLength} characters, no control character.
 * @param field the input named in messages
 * @throws {SweepscopeError} BAD_USER_INPUT naming the field and the limit
 */
export function validateName(value: string, field: string): string {
  const refuse = refusal(field, field);
  const name = value.trim();
  if (name === '') refuse('is empty', `a name of 1 to ${maxNameLength} characters`);
  if (name.length > maxNameLength) {
    refuse(`is ${name.length.toLocaleString('en')} characters long`, `at most ${maxNameLength.toLocaleString('en')} characters`);
  }
  if (/\p{Cc}/u.test(name)) refuse(`holds a control character (${JSON.stringify(name.slice(0, 40))})`, 'a name on one line, without control characters');
  return name;
}

/**
 * Checks a sweep's or a run's tags: each trimmed, 1 to {@link maxTagLength} characters, no
 * comma or control character, at most {@link maxTags}. A tag given twice is kept once; the
 * order given is kept. Text is read as tags separated by commas (`"baseline, fig-3"`), as
 * the terminal's `--tags` and a results file's `tags` column write them; empty text is no tags.
 * @param name the input as messages name it: `tags`, `--tags`, `runs.csv line 3: tags`
 * @param field the input the error is reported against (its `field`) @default name
 * @returns the tags to store
 * @throws {SweepscopeError} BAD_USER_INPUT naming the input, the tag and the limit
 */
export function validateTags(value: string | readonly string[], name: string, field = name): string[] {
  const refuse = refusal(name, field);
  const given = typeof value === 'string' ? (value.trim() === '' ? [] : value.split(',')) : value;
  const tags: string[] = [];
  for (const raw of given) {
    const tag = raw.trim();
    if (tag === '') refuse('has an empty tag', `tags of 1 to ${maxTagLength} characters${typeof value === 'string' ? ', separated by commas' : ''}`);
    if (tag.length > maxTagLength) {
      refuse(`has a tag of ${tag.length.toLocaleString('en')} characters ("${tag.slice(0, 20)}…")`, `tags of at most ${maxTagLength} characters`);
    }
    if (badTagCharacter.test(tag)) {
      refuse(`has the tag ${JSON.stringify(tag)}`, 'tags without commas or control characters (a comma separates tags)');
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > maxTags) refuse(`has ${tags.length} tags`, `at most ${maxTags} tags`);
  return tags;
}

/**
 * Checks a sweep's or a run's notes: free text, trimmed, up to {@link maxNotesLength}
 * characters, line breaks and tabs allowed but no other control character; empty is no notes.
 * @param name the input as messages name it
 * @param field the input the error is reported against @default name
 * @returns the notes to store
 * @throws {SweepscopeError} BAD_USER_INPUT naming the input and the limit
 */
export function validateNotes(value: string, name: string, field = name): string {
  const refuse = refusal(name, field);
  const notes = value.trim();
  if (notes.length > maxNotesLength) {
    refuse(`is ${notes.length.toLocaleString('en')} characters long`, `at most ${maxNotesLength.toLocaleString('en')} characters`);
  }
  const bad = badNotesCharacter.exec(notes);
  if (bad !== null) {
    refuse(`holds the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, 'text, line breaks and tabs');
  }
  return notes;
}

function refusal(name: string, field: string): (problem: string, expected: string) => never {
  return (problem, expected) => {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name} ${problem}: expected ${expected}.`, { field: [field] });
  };
}

/** A change of a sweep's or a run's tags and notes: only what is given changes. */
export interface AnnotationsChange {
  tags?: string | readonly string[];
  notes?: string;
}

/**
 * Checks a change of tags and notes, as `updateSweep` and `updateRun` take it.
 * @param nameOf names a field as the caller's user knows it (`--tags`) @default unchanged
 * @returns the fields to store, those given only
 * @throws {SweepscopeError} BAD_USER_INPUT as {@link validateTags} and {@link validateNotes}
 */
export function validateAnnotations(change: AnnotationsChange, nameOf: (field: string) => string = (field) => field): { tags?: string[]; notes?: string } {
  return {
    ...(change.tags === undefined ? {} : { tags: validateTags(change.tags, nameOf('tags')) }),
    ...(change.notes === undefined ? {} : { notes: validateNotes(change.notes, nameOf('notes')) }),
  };
}
