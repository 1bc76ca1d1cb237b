import {
  analystFilters,
  analystHash,
  comparisonUrl,
  historyPath,
  parseHash,
  parseHistoryRef,
  tokenFromHash,
} from '../src/state';

describe('the dashboard state in the URL fragment', () => {
  it('reads the view and the filters an analyst shared', () => {
    const route = parseHash('#/analyst?asOf=2021-06-30&asOfKind=record&indicator=jst-in-pilot&lang=en');
    expect(route.view).toBe('analyst');
    expect(analystFilters(route.params)).toEqual({
      asOf: '2021-06-30',
      asOfKind: 'record',
      from: undefined,
      to: undefined,
      indicator: 'jst-in-pilot',
      chart: undefined,
    });
  });

  it('drops malformed values instead of sending them to the API', () => {
    const filters = analystFilters(parseHash('#/analyst?asOf=2021-02-30x&asOfKind=later&indicator=<script>').params);
    expect(filters).toEqual({ asOfKind: 'business' });
    expect(parseHash('#/nowhere').view).toBeNull();
  });

  it('writes the shortest address for a view and the same parameters for the API and its exports', () => {
    const filters = { asOf: '2019-06-30', asOfKind: 'business', indicator: 'jst-in-pilot' } as const;
    expect(analystHash(filters, 'pl')).toBe('#/analyst?asOf=2019-06-30&indicator=jst-in-pilot');
    expect(analystHash({ ...filters, asOfKind: 'record' }, 'en')).toBe(
      '#/analyst?asOf=2019-06-30&asOfKind=record&indicator=jst-in-pilot&lang=en',
    );
    expect(comparisonUrl(filters)).toBe('/api/v1/comparison?asOf=2019-06-30&asOfKind=business&indicator=jst-in-pilot');
    expect(comparisonUrl(filters, 'xlsx', 'en')).toBe(
      '/api/v1/comparison?asOf=2019-06-30&asOfKind=business&indicator=jst-in-pilot&format=xlsx&lang=en',
    );
  });

  it('takes a dev token from #token=… for scripted sign-in', () => {
    expect(tokenFromHash('#token=eyJ.a.b')).toBe('eyJ.a.b');
    expect(tokenFromHash('#/analyst')).toBeNull();
  });

  it('opens the event history of a known kind of record only, by its id', () => {
    const group = parseHistoryRef('group:936f4210-7b5f-5960-9cca-883bf928410f');
    expect(historyPath('mr1', group)).toBe('/api/v1/tenants/mr1/groups/936f4210-7b5f-5960-9cca-883bf928410f/history');
    expect(historyPath('mr1', parseHistoryRef('site:0640012'))).toBe('/api/v1/tenants/mr1/pilot/sites/0640012/history');
    expect(parseHistoryRef('group:../../audit')).toEqual({ kind: 'programme', id: '' });
    expect(parseHistoryRef('secrets:1')).toEqual({ kind: 'programme', id: '' });
    expect(historyPath('mr1', parseHistoryRef(null))).toBe('/api/v1/tenants/mr1/programme/history');
  });
});
