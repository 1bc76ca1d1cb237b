import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { errorBody, type FieldError } from './error-body';

/** A request failed validation: 400 with one entry per field and broken rule. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super(errorBody(400, 'validation failed', { code: 'validation.failed', errors }));
  }
}

/** The global pipe: unknown properties are refused, payloads become their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
