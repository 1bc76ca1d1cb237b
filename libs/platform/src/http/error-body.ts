import { STATUS_CODES } from 'node:http';

/** The one error shape of the API. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  /** Stable, machine-readable reason, e.g. 'group.dissolved'. */
  readonly code?: string;
  readonly errors?: readonly FieldError[];
  readonly requestId?: string;
  readonly [extra: string]: unknown;
}

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export function errorBody(statusCode: number, message: string, extra: Record<string, unknown> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}
