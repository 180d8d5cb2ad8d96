/** One line of a file, numbered from 1. */
export interface NumberedLine {
  number: number;
  text: string;
}

/** Characters of a line shown; a longer one is cut. */
const shownLength = 240;

/**
 * The line a refusal names, when it names one: the API says `<file> line <n>: …` for a CSV
 * file (and for a JSON value it cannot read), `<file> row <n>` for a JSON row, which is not a line.
 * @param source - the name the API gave the file in its messages: the file's name.
 */
export function findErrorLine(message: string, source: string): number | undefined {
  const escaped = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped} line (\\d+)\\b`).exec(message);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Lines `from` to `to` of a file, read as a stream so that a large file is not read whole,
 * and stopping once they are read. A line longer than 240 characters is cut with `…`.
 */
export async function readLines(file: Blob, from: number, to: number): Promise<NumberedLine[]> {
  const lines: NumberedLine[] = [];
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  let number = 1;
  let partial = '';
  const keep = (text: string): void => {
    if (number >= from && number <= to) lines.push({ number, text: text.length > shownLength ? `${text.slice(0, shownLength)}…` : text });
    number += 1;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = partial + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      const parts = text.split(/\r\n|\n|\r(?!$)/);
      partial = done ? '' : (parts.pop() ?? '');
      for (const part of parts) {
        keep(part);
        if (number > to) return lines;
      }
      if (done) {
        if (partial !== '') keep(partial);
        return lines;
      }
      // A line without an end yet is kept whole only up to what is shown.
      if (partial.length > shownLength * 4) partial = partial.slice(0, shownLength + 1);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
