import { pln } from '../contracts/money';
import { budgetAmendedV1ToV2, programmeCatalogue } from './project.catalogue';

describe('the programme event catalogue', () => {
  it('stores a budget amendment as v2 and every event under an explicit programme name', () => {
    expect(programmeCatalogue.storedNameOf('BudgetAmended')).toBe('programme.BudgetAmended.v2');
    expect(programmeCatalogue.definitions().map((d) => d.storedName)).toEqual([
      'programme.PartnershipEstablished.v1',
      'programme.PartnerJoined.v1',
      'programme.PartnerLeft.v1',
      'programme.BudgetAmended.v2',
      'programme.ScheduleAmended.v1',
      'programme.IndicatorTargetSet.v1',
      'programme.MilestoneCompleted.v1',
      'programme.ModelVersionApproved.v1',
      'programme.FactCorrected.v1',
    ]);
  });

  it('holds no personal data', () => {
    expect(programmeCatalogue.definitions().flatMap((d) => d.personalFields ?? [])).toEqual([]);
  });
});

describe('reading programme.BudgetAmended.v1 (PLN in JSON numbers) as v2 (grosze in strings)', () => {
  it('turns each amount into the grosze it was written with', () => {
    expect(
      budgetAmendedV1ToV2({
        totalPln: 31604368.34,
        euSharePln: 29657848.97,
        amendedOn: '2020-09-30',
        source: 'seed 000',
      }),
    ).toEqual({
      budget: { total: { grosze: '3160436834', currency: 'PLN' }, euShare: { grosze: '2965784897', currency: 'PLN' } },
      amendedOn: '2020-09-30',
      source: 'seed 000',
    });
  });

  it('keeps amounts whose doubles sit just below the grosz (0.29 * 100 = 28.999…)', () => {
    expect(budgetAmendedV1ToV2({ totalPln: 0.29, amendedOn: '2019-01-01', source: 'x' }).budget.total).toEqual(
      pln('0,29'),
    );
    expect(budgetAmendedV1ToV2({ totalPln: 1.005 + 0.001, amendedOn: '2019-01-01', source: 'x' }).budget.total).toEqual(
      pln('1,01'),
    );
  });

  it('leaves out the lines v1 did not state', () => {
    expect(
      budgetAmendedV1ToV2({ euSharePln: 20761034.04, totalPln: null, amendedOn: '2018-04-01', source: 'x' }).budget,
    ).toEqual({ euShare: pln('20 761 034,04') });
  });

  it('is what the catalogue applies to a stored v1 event', () => {
    expect(
      programmeCatalogue.toDomain('programme.BudgetAmended.v1', {
        totalPln: 34895692.4,
        euSharePln: 29657848.97,
        amendedOn: '2019-12-01',
        source: 'aneks nr 2',
      }),
    ).toEqual({
      type: 'BudgetAmended',
      data: {
        budget: { total: pln('34 895 692,40'), euShare: pln('29 657 848,97') },
        amendedOn: '2019-12-01',
        source: 'aneks nr 2',
      },
    });
  });
});
