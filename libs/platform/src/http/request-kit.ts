// Request helpers of the contexts whose writes take the expected revision from `If-Match` or
// `?expectedRevision=` (groups, decisions): calendar days, optional-but-not-null fields, UUID path
// parameters, and the handler options of a write.
import type { PipeTransform } from '@nestjs/common';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import type { PlatformRequest } from '../auth/request-context';
import { ValidationFailedException } from './validation';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar day written `YYYY-MM-DD` (2019-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => isCalendarDay(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** Optional, but not nullable: `null` is validated (and refused) like any other wrong value. */
export const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A UUID path parameter; 400 naming the parameter otherwise. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value))
      throw new ValidationFailedException([{ field: this.name, reason: `${this.name} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/** `If-Match: "<revision>"` (the ETag of a read) or `?expectedRevision=<n>`; 400 when malformed. */
export function expectedRevisionOfRequest(req: Pick<PlatformRequest, 'headers' | 'query'>): number | undefined {
  const header = req.headers['if-match'];
  const query = req.query?.expectedRevision;
  if (header !== undefined) {
    const m = typeof header === 'string' ? /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(header.trim()) : null;
    if (!m) throw revisionError('If-Match', 'If-Match must be the ETag of the record, e.g. "3"');
    return Number(m[1]);
  }
  if (query !== undefined) {
    if (typeof query !== 'string' || !/^(-1|\d{1,15})$/.test(query)) {
      throw revisionError('expectedRevision', 'expectedRevision must be a whole number, -1 or more');
    }
    return Number(query);
  }
  return undefined;
}

/**
 * The handler options of a write: a tenant editor is limited to the voivodeships of its token
 * (never of the body); the expected revision comes from `If-Match` or `expectedRevision`.
 */
export function writeOptionsOf(req: PlatformRequest): {
  allowedVoivodeships?: readonly string[];
  expectedRevision?: number;
} {
  const expectedRevision = expectedRevisionOfRequest(req);
  return {
    ...(req.context?.actor.role === 'tenant-editor' ? { allowedVoivodeships: req.context.voivodeships ?? [] } : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

function revisionError(field: string, reason: string) {
  return new ValidationFailedException([{ field, reason }]);
}
