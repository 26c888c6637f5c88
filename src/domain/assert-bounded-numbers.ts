import { AppError } from '../errors.js';
import { isWithinBound, NUMBER_BOUND_TEXT } from './parse-number.js';

/** Refuses a value or percentage beyond the bound of entered numbers, whoever the caller. */
export function assertBoundedNumbers(input: { value: number | null; percent: number | null }): void {
  for (const n of [input.value, input.percent]) {
    if (n !== null && !isWithinBound(n)) {
      throw new AppError(
        'number_out_of_range',
        `progress number ${n} is beyond the bound`,
        'progress.validation.number_range',
        {
          max: NUMBER_BOUND_TEXT,
        },
      );
    }
  }
}
