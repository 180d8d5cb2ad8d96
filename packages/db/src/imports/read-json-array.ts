import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { parseJsonText } from './parse-json-text.js';
import { maxRecordLength } from './parse-csv.js';

/** One item of a JSON array, parsed. */
export interface JsonArrayItem {
  /** 1-based. */
  index: number;
  value: unknown;
}

/** Options of {@link JsonArrayReader}. */
export interface JsonArrayReaderOptions {
  /** The text's name in messages. */
  source: string;
  /** The input errors are reported against. */
  field: string;
  /**
   * The longest text that is not an array read whole, to say what it is instead. A Keras
   * history is one; a 50 MB history is not.
   */
  maxWholeLength: number;
}

/**
 * Reads a JSON array that arrives in pieces, one item at a time: `push` returns the items its
 * piece completes, so an array of any length is read holding one item. Text that is not an
 * array (an object, a number) is kept whole, up to `maxWholeLength`, and `end` returns it as
 * `whole` for the caller to say what it is.
 */
export class JsonArrayReader {
  readonly #options: JsonArrayReaderOptions;
  #state: 'before' | 'whole' | 'item' | 'between' | 'after' = 'before';
  #whole = '';
  #item = '';
  #itemLine = 1;
  #line = 1;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #count = 0;
  #expectItem = true;
  #begun = false;

  constructor(options: JsonArrayReaderOptions) {
    this.#options = options;
  }

  /** Reads the next piece of the text. */
  push(piece: string): JsonArrayItem[] {
    let text = piece;
    if (!this.#begun && text.length > 0) {
      this.#begun = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const items: JsonArrayItem[] = [];
    let start = 0;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index] as string;
      if (char === '\n') this.#line += 1;
      switch (this.#state) {
        case 'whole':
          this.#keepWhole(text.slice(index));
          return items;
        case 'before':
          if (isSpace(char)) continue;
          if (char === '[') {
            this.#state = 'between';
            continue;
          }
          this.#state = 'whole';
          this.#keepWhole(text.slice(index));
          return items;
        case 'between':
          if (isSpace(char)) continue;
          if (char === ']' && (!this.#expectItem || this.#count === 0)) {
            this.#state = 'after';
          } else if (char === ',' && !this.#expectItem) {
            this.#expectItem = true;
          } else if (this.#expectItem && char !== ']' && char !== ',') {
            this.#state = 'item';
            this.#expectItem = false;
            this.#itemLine = this.#line;
            this.#item = '';
            start = index;
            // Read this character again, as the item's first.
            index -= 1;
          } else {
            this.#invalid(`unexpected ${JSON.stringify(char)} on line ${this.#line}`);
          }
          continue;
        case 'after':
          if (!isSpace(char)) this.#invalid(`unexpected ${JSON.stringify(char)} after the array on line ${this.#line}`);
          continue;
        case 'item': {
          if (this.#inString) {
            if (this.#escaped) this.#escaped = false;
            else if (char === '\\') this.#escaped = true;
            else if (char === '"') this.#inString = false;
            continue;
          }
          if (char === '"') this.#inString = true;
          else if (char === '{' || char === '[') this.#depth += 1;
          else if (char === '}' || char === ']') {
            if (this.#depth === 0) {
              // The array's own `]` ends a bare item such as a number.
              items.push(this.#endItem(text.slice(start, index)));
              this.#state = 'after';
              continue;
            }
            this.#depth -= 1;
            if (this.#depth === 0) {
              items.push(this.#endItem(text.slice(start, index + 1)));
              this.#state = 'between';
            }
          } else if (char === ',' && this.#depth === 0) {
            items.push(this.#endItem(text.slice(start, index)));
            this.#state = 'between';
            this.#expectItem = true;
          }
          continue;
        }
      }
    }
    if (this.#state === 'item') {
      this.#item += text.slice(start);
      if (this.#item.length > maxRecordLength) {
        this.#refuse(
          `${this.#options.source} row ${this.#count + 1} is over ${maxRecordLength.toLocaleString('en')} characters: expected one object per epoch`,
        );
      }
    }
    return items;
  }

  /**
   * Reads what is left once the text has ended.
   * @returns the last item, if the text ended without `]` after it (refused as not JSON), or
   *   the whole text when it is not an array
   */
  end(): { items: JsonArrayItem[]; whole?: string } {
    if (this.#state === 'whole') return { items: [], whole: this.#whole };
    if (this.#state === 'before') return { items: [], whole: '' };
    if (this.#state !== 'after') this.#invalid('the text ends before the array is closed with ]');
    return { items: [] };
  }

  #endItem(rest: string): JsonArrayItem {
    const text = this.#item + rest;
    this.#item = '';
    this.#count += 1;
    try {
      return { index: this.#count, value: JSON.parse(text) };
    } catch {
      // parseJsonText says why, naming a Python NaN or Infinity with its line, counted from the item's first.
      parseJsonText(`${'\n'.repeat(this.#itemLine - 1)}${text}`, this.#options.source, this.#options.field);
      return this.#invalid(`row ${this.#count} on line ${this.#itemLine} is not a JSON value`);
    }
  }

  #keepWhole(text: string): void {
    this.#whole += text;
    if (this.#whole.length > this.#options.maxWholeLength) {
      this.#refuse(
        `${this.#options.source} is not a JSON array and is over ${this.#options.maxWholeLength.toLocaleString('en')} characters: expected an array of one object per epoch`,
      );
    }
  }

  #invalid(problem: string): never {
    return this.#refuse(`${this.#options.source} is not valid JSON (${problem}): expected JSON text`);
  }

  #refuse(message: string): never {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${message}.`, { field: [this.#options.field] });
  }
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t';
}
