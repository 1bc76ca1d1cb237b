import type { CommandContext } from '@kooperacja/platform';
import { ValidationFailedException } from '@kooperacja/platform';
import { editorScope, expectedRevisionOf } from './write';

const ctx = (role: string, voivodeships?: string[]): CommandContext => ({
  tenantId: 'mr1',
  actor: { sub: 'u', role, tenantId: 'mr1' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  ...(voivodeships ? { voivodeships } : {}),
});

describe('editorScope', () => {
  it('limits an editor to the voivodeships of its token, and nobody else', () => {
    expect(editorScope(ctx('tenant-editor', ['lubelskie']))).toEqual({ allowedVoivodeships: ['lubelskie'] });
    expect(editorScope(ctx('tenant-admin', ['lubelskie']))).toEqual({});
  });

  it('lets an editor whose token names no voivodeship act nowhere', () => {
    expect(editorScope(ctx('tenant-editor'))).toEqual({ allowedVoivodeships: [] });
  });
});

describe('expectedRevisionOf', () => {
  it('reads an ETag from If-Match, strong or weak, or the query', () => {
    expect(expectedRevisionOf('"3"', undefined)).toBe(3);
    expect(expectedRevisionOf('W/"12"', undefined)).toBe(12);
    expect(expectedRevisionOf(undefined, '-1')).toBe(-1);
    expect(expectedRevisionOf('"4"', '4')).toBe(4);
    expect(expectedRevisionOf(undefined, undefined)).toBeUndefined();
  });

  it('refuses a malformed or contradictory revision, naming the field', () => {
    const fieldOf = (ifMatch: unknown, query: unknown) => {
      try {
        expectedRevisionOf(ifMatch, query);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationFailedException);
        return (error as ValidationFailedException).errors[0].field;
      }
    };
    expect(fieldOf('*', undefined)).toBe('If-Match');
    expect(fieldOf(undefined, ['1', '2'])).toBe('expectedRevision');
    expect(fieldOf('"1"', '2')).toBe('expectedRevision');
  });
});
