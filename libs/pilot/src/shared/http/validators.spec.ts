import { validate } from 'class-validator';
import { IsBusinessDate, IsPseudonymousId, IsTeryt } from './validators';

class Probe {
  @IsPseudonymousId('case')
  caseId!: unknown;

  @IsTeryt()
  siteTeryt!: unknown;

  @IsBusinessDate()
  occurredAt!: unknown;
}

async function reasons(values: Partial<Probe>): Promise<Record<string, string[]>> {
  const probe = Object.assign(
    new Probe(),
    { caseId: 'mr1-KAR-0042', siteTeryt: '1805052', occurredAt: '2019-10-01' },
    values,
  );
  const errors = await validate(probe);
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('validators that run the domain checks', () => {
  it('accepts pseudonymous ids, TERYT codes and calendar days', async () => {
    expect(await reasons({})).toEqual({});
    expect(
      await reasons({
        caseId: '3F2B8C1E-0A4D-4B5E-9C7F-2D1E0B3A4C5D',
        siteTeryt: '0612',
        occurredAt: '2020-02-29T10:00:00+01:00',
      }),
    ).toEqual({});
  });

  it('refuses names and PESELs as case ids with the domain’s reason, never repeating the value', async () => {
    const name = await reasons({ caseId: 'Anna Nowak' });
    expect(name.caseId).toEqual([expect.stringMatching(/^caseId looks like a personal name/)]);
    expect(name.caseId[0]).not.toContain('Nowak');
    expect((await reasons({ caseId: '85010112345' })).caseId).toEqual([expect.stringMatching(/looks like a PESEL/)]);
    expect((await reasons({ caseId: 42 })).caseId).toEqual([expect.stringMatching(/^caseId is required/)]);
  });

  it('refuses a TERYT code of no voivodeship and a day that does not exist', async () => {
    expect(await reasons({ siteTeryt: '9905052', occurredAt: '2019-02-29' })).toEqual({
      siteTeryt: [expect.stringMatching(/^siteTeryt must be the TERYT code of a gmina/)],
      occurredAt: ['occurredAt must be an ISO date (YYYY-MM-DD) or date-time'],
    });
  });
});
