// Errors the review raises on purpose: bad input the CLI and the app name in one line.
import { CoreError } from '../core-error';

export type ReviewErrorCode =
  | 'UNKNOWN_TRANSACTION'
  | 'UNKNOWN_ACCOUNT'
  | 'UNKNOWN_LABEL'
  | 'UNKNOWN_VERDICT'
  | 'UNKNOWN_ADJUSTMENT'
  | 'EMPTY_TEXT'
  | 'UNKNOWN_NOTE'
  | 'TEXT_TOO_LONG'
  | 'NO_REVIEWER'
  | 'REVIEW_DAMAGED'
  | 'REVIEW_TOO_LARGE'
  | 'REVIEW_BUSY'
  | 'WRONG_SESSION'
  | 'WRITE_FAILED';

export class ReviewError extends CoreError<ReviewErrorCode> {
  override readonly name: string = 'ReviewError';
}
