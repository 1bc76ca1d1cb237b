import { ConflictException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { conflict, DomainError, invalid, notFound } from '../domain/decider';
import {
  EventStoreUnavailableError,
  IdempotencyConflictError,
  TenantRequiredError,
  WrongExpectedRevisionError,
} from '../event-store/errors';
import { mapError } from './api-exception.filter';
import { requestHash } from './idempotency/request-hash';
import { illFormedText } from './validation';

const statusOf = (e: unknown) => mapError(e).status;

describe('error mapping', () => {
  it('maps refusals of deciders by kind, and voivodeship.forbidden to 403', () => {
    expect(mapError(invalid('group.size', 'too many members', 'members'))).toMatchObject({
      status: 400,
      body: { code: 'group.size', errors: [{ field: 'members', reason: 'too many members' }] },
    });
    expect(statusOf(notFound('group.unknown', 'no such group'))).toBe(404);
    expect(statusOf(conflict('group.dissolved', 'the group is dissolved'))).toBe(409);
    expect(statusOf(new DomainError('invalid', 'voivodeship.forbidden', 'not yours', 'voivodeship'))).toBe(403);
  });

  it('maps store errors: stale revision 409 with the current one, unavailable 503 with Retry-After', () => {
    expect(mapError(new WrongExpectedRevisionError('s', 2, 5)).body).toMatchObject({ currentRevision: 5 });
    expect(mapError(new WrongExpectedRevisionError('s', 0, 'no_stream')).body).toMatchObject({ currentRevision: -1 });
    expect(statusOf(new IdempotencyConflictError('s', ['a']))).toBe(409);
    expect(statusOf(new TenantRequiredError('x'))).toBe(400);
    expect(mapError(new EventStoreUnavailableError(new Error('down')))).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
    });
    expect(statusOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(503);
  });

  it('keeps Nest exceptions as they are and hides everything else behind a 500', () => {
    expect(mapError(new NotFoundException()).body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(mapError(new ConflictException({ code: 'x', message: 'busy' })).body).toMatchObject({
      statusCode: 409,
      code: 'x',
      message: 'busy',
    });
    expect(statusOf(new ThrottlerException())).toBe(429);
    const internal = mapError(new TypeError("Cannot read properties of undefined (reading 'password')"));
    expect(internal).toMatchObject({ status: 500, unexpected: true, body: { message: 'internal error' } });
    expect(JSON.stringify(internal.body)).not.toContain('password');
  });
});

describe('request hash for idempotency', () => {
  it('ignores key order and absent fields, and tells different content apart', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(requestHash({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1, b: undefined })).toBe(requestHash({ a: 1 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ a: '1' })).not.toBe(requestHash({ a: 1 }));
    expect(requestHash(undefined)).toBe(requestHash(null));
  });
});

describe('text that is not well-formed Unicode', () => {
  it('names every field holding a lone surrogate, nested ones and keys included', () => {
    expect(illFormedText({ name: 'Zażółć 🙂', email: 'a\ud800@x.pl', members: [{ note: '\udc00x' }] })).toEqual([
      'email',
      'members[0].note',
    ]);
    expect(illFormedText({ ['k\ud800']: 1, ok: 'ł' })).toEqual(['k\ud800']);
    expect(illFormedText('🙂')).toEqual([]);
    // PostgreSQL's text and jsonb refuse NUL: a tenant name with one was a 500 (found by fast-check).
    expect(illFormedText({ name: 'Makroregion\u0000IV', nameEn: 'ok' })).toEqual(['name']);
  });
});
