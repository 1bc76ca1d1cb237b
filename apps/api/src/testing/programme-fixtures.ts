/** A programme partnership of tenant mr2 as the API takes it: the first fact most fault tests need. */
export const PARTNERSHIP = {
  projectTitle: 'Kooperacja – efektywna i skuteczna',
  leadPartnerId: 'rops-torun',
  partners: [{ partnerId: 'rops-torun', name: 'ROPS w Toruniu', kind: 'ROPS', voivodeships: ['kujawsko-pomorskie'] }],
  plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
  budget: { total: { grosze: '1197747939', currency: 'PLN' } },
  occurredAt: '2018-03-20',
} as const;

/** The n-th partner joining it (a public body, no personal data). */
export function partnerNo(n: number) {
  return {
    partnerId: `ops-${n}`,
    name: `Ośrodek Pomocy Społecznej nr ${n}`,
    kind: 'MCPS',
    voivodeships: ['pomorskie'],
  };
}
