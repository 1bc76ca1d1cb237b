import {
  BadRequestException,
  HttpException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { errorBody, type FieldError } from './error-body';

/** A request failed validation: 400 with one entry per field and broken rule. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super(errorBody(400, 'validation failed', { code: 'validation.failed', errors }));
  }
}

/**
 * Refuses text that is not well-formed Unicode (a lone surrogate, e.g. `"\ud800"` in JSON) or
 * holds a NUL character, before the validators see it: some of them (e-mail, URL) crash on the
 * first, and PostgreSQL stores neither (`text` and `jsonb` refuse `\u0000`).
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const bad = illFormedText(value);
      if (bad.length) {
        throw new ValidationFailedException(
          bad.map((field) => ({
            field,
            reason: `${field || 'the value'} must be well-formed Unicode text without NUL characters`,
          })),
        );
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      // A validator that throws on odd input: still the caller's input at fault, not a 500.
      throw new ValidationFailedException([{ field: '', reason: `the ${metadata.type} could not be validated` }]);
    }
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s) && !s.includes('\u0000');

/** Paths of strings (and keys) in `value` with lone surrogates or NUL characters. */
export function illFormedText(value: unknown, path = '', depth = 0): string[] {
  if (typeof value === 'string') return wellFormed(value) ? [] : [path];
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!wellFormed(k)) out.push(at);
    else out.push(...illFormedText(v, at, depth + 1));
  }
  return out;
}

/** The global pipe: unknown properties are refused, payloads become their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
  });
}

export function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) out.push({ field, reason });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}
