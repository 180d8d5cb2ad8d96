import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** The most significant digits a series may be rounded to: a double holds 17. */
const maxSignificantDigits = 17;

/** 10^0 … 10^22, every power of ten a double holds exactly. */
const powersOfTen = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);

/**
 * Rounds each number of a series to `digits` significant digits, for a client that draws it
 * (a sparkline needs three or four, where a stored double prints with up to seventeen): a
 * 1,000-run grid's series are most of its answer. Nulls stay null.
 * @throws {SweepscopeError} BAD_USER_INPUT when `digits` is not a whole number from 1 to 17
 */
export function roundSeries(series: readonly (number | null)[], digits: number): (number | null)[] {
  if (!Number.isSafeInteger(digits) || digits < 1 || digits > maxSignificantDigits) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `significantDigits is ${digits}: expected a whole number from 1 to ${maxSignificantDigits}, or none for every digit stored.`,
      { field: ['significantDigits'] },
    );
  }
  return series.map((value) => (value === null ? null : roundToSignificantDigits(value, digits)));
}

/**
 * `Number(value.toPrecision(digits))`, several times faster: dividing by a power of ten gives
 * the double nearest the rounded decimal, which prints as that decimal. Powers of ten beyond
 * 10^22 are not exact doubles, so such values take toPrecision's way.
 */
function roundToSignificantDigits(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const decimals = digits - 1 - Math.floor(Math.log10(Math.abs(value)));
  const scale = powersOfTen[decimals];
  if (scale === undefined) return Number(value.toPrecision(digits));
  return Math.round(value * scale) / scale;
}
