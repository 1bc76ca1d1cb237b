import ExcelJS from 'exceljs';
import { quarterEnd } from '../comparison-metrics/days';
import type { ComparisonResult } from './comparison.service';
import type { Unit } from './indicators';

export type Lang = 'pl' | 'en';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const UNIT_LABELS: Readonly<Record<Unit, { pl: string; en: string }>> = {
  jst: { pl: 'JST', en: 'JST' },
  entities: { pl: 'podmioty', en: 'entities' },
  bodies: { pl: 'ciała', en: 'bodies' },
  persons: { pl: 'osoby', en: 'persons' },
  meetings: { pl: 'spotkania', en: 'meetings' },
  decisions: { pl: 'decyzje', en: 'decisions' },
  families: { pl: 'rodziny', en: 'families' },
  plans: { pl: 'plany', en: 'plans' },
  trainings: { pl: 'szkolenia', en: 'trainings' },
  hours: { pl: 'godziny', en: 'hours' },
  percent: { pl: '%', en: '%' },
  'meetings-per-family': { pl: 'spotkania na rodzinę', en: 'meetings per family' },
  'hours-per-person': { pl: 'godziny na osobę', en: 'hours per person' },
  months: { pl: 'miesiące', en: 'months' },
  pln: { pl: 'zł', en: 'PLN' },
  'pln-per-jst': { pl: 'zł na JST', en: 'PLN per JST' },
  'pln-per-family': { pl: 'zł na rodzinę', en: 'PLN per family' },
};

export const unitLabel = (unit: Unit, lang: Lang) => UNIT_LABELS[unit][lang];

const label = (i: { labelPl: string; labelEn: string }, lang: Lang) => (lang === 'pl' ? i.labelPl : i.labelEn);
const tenantName = (t: { name: string; nameEn: string }, lang: Lang) => (lang === 'pl' ? t.name : t.nameEn);

const CSV_COLUMNS = [
  'row',
  'indicator',
  'label',
  'unit',
  'tenant',
  'tenant_name',
  'quarter',
  'target',
  'actual',
  'percent_of_target',
  'budget_line',
  'as_of',
  'as_of_kind',
  'data_position',
  'data_recorded_at',
] as const;

/**
 * One flat table (pivots well): `row` = `as-of` for the indicators on the as-of day, `quarter`
 * for the quarterly series; every row carries its tenant's freshness. Excel's Polish defaults:
 * UTF-8 with a byte-order mark, `;` between fields, CRLF; decimals with a comma for `pl`, a point
 * for `en`; dates ISO `YYYY-MM-DD`.
 */
export function toCsv(result: ComparisonResult, lang: Lang): string {
  const tenants = new Map(result.tenants.map((t) => [t.id, t]));
  const number = (n: number | null | undefined) =>
    n === null || n === undefined ? '' : lang === 'pl' ? String(n).replace('.', ',') : String(n);
  const common = (tenantId: string) => {
    const t = tenants.get(tenantId)!;
    return { tenant: t.id, name: tenantName(t, lang), freshness: t.freshness };
  };
  const lines: string[][] = [[...CSV_COLUMNS]];
  for (const indicator of result.indicators) {
    for (const row of indicator.rows) {
      const t = common(row.tenantId);
      lines.push([
        'as-of',
        indicator.code,
        label(indicator, lang),
        unitLabel(indicator.unit, lang),
        t.tenant,
        t.name,
        '',
        number(row.target),
        number(row.actual),
        number(row.percent),
        row.basis ?? '',
        result.asOf,
        result.asOfKind,
        t.freshness.position ?? '',
        t.freshness.recordedAt ?? '',
      ]);
    }
  }
  const indicators = new Map(result.indicators.map((i) => [i.code, i]));
  for (const point of result.series) {
    const indicator = indicators.get(point.code)!;
    const t = common(point.tenantId);
    lines.push([
      'quarter',
      point.code,
      label(indicator, lang),
      unitLabel(indicator.unit, lang),
      t.tenant,
      t.name,
      point.quarter,
      number(point.target),
      number(point.value),
      number(point.target ? Math.round((point.value / point.target) * 1000) / 10 : null),
      '',
      result.asOf,
      result.asOfKind,
      t.freshness.position ?? '',
      t.freshness.recordedAt ?? '',
    ]);
  }
  return '\ufeff' + lines.map((fields) => fields.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A text a spreadsheet would read as a formula is written as text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const TEXT = {
  pl: {
    comparison: 'Porównanie',
    quarters: 'Kwartały',
    freshness: 'Aktualność danych',
    title: 'Porównanie modeli kooperacji',
    asOf: { business: 'Stan na dzień (czas zdarzeń)', record: 'Dane według stanu zapisu na dzień' },
    code: 'Kod',
    indicator: 'Wskaźnik',
    unit: 'Jednostka',
    target: 'cel',
    actual: 'wykonanie',
    percent: '% celu',
    lastRecorded: 'Ostatnie zdarzenie zapisano (UTC)',
    tenant: 'Makroregion',
    tenantId: 'Id',
    quarter: 'Kwartał',
    quarterEnd: 'Koniec kwartału',
    value: 'Wartość',
    targetColumn: 'Cel',
    position: 'Pozycja w logu',
    kind: 'Rodzaj daty',
  },
  en: {
    comparison: 'Comparison',
    quarters: 'Quarters',
    freshness: 'Data freshness',
    title: 'Comparison of the cooperation models',
    asOf: { business: 'As things were on (business time)', record: 'As the data stood on (record time)' },
    code: 'Code',
    indicator: 'Indicator',
    unit: 'Unit',
    target: 'target',
    actual: 'actual',
    percent: '% of target',
    lastRecorded: 'Last event recorded at (UTC)',
    tenant: 'Macroregion',
    tenantId: 'Id',
    quarter: 'Quarter',
    quarterEnd: 'Quarter end',
    value: 'Value',
    targetColumn: 'Target',
    position: 'Log position',
    kind: 'Kind of date',
  },
} as const;

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

function numberFormat(unit: Unit, decimals: number): string {
  if (unit === 'percent') return '0.0%';
  if (unit.startsWith('pln')) return '#,##0.00';
  return decimals === 0 ? '#,##0' : `0.${'0'.repeat(decimals)}`;
}

/** Percent indicators become spreadsheet percentages (0.814 shown as 81.4%). */
const asCellNumber = (unit: Unit, n: number | null) => (n === null ? null : unit === 'percent' ? n / 100 : n);

/**
 * The same data as a workbook: the indicators side by side (a target, actual and % column per
 * tenant), the quarterly series, and the freshness of each tenant's data. Numbers are numbers,
 * dates are dates.
 */
export async function toXlsx(result: ComparisonResult, lang: Lang): Promise<Buffer> {
  const text = TEXT[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'Kooperacja';
  book.created = new Date(0);

  const side = book.addWorksheet(text.comparison, { views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }] });
  side.getCell('A1').value = text.title;
  side.getCell('A1').font = { bold: true, size: 14 };
  side.getCell('A2').value = text.asOf[result.asOfKind];
  side.getCell('C2').value = utcDay(result.asOf);
  side.getCell('C2').numFmt = 'yyyy-mm-dd';
  const tenantRow = side.getRow(4);
  const freshRow = side.getRow(3);
  const headRow = side.getRow(5);
  headRow.values = [text.code, text.indicator, text.unit];
  freshRow.getCell(2).value = text.lastRecorded;
  result.tenants.forEach((t, i) => {
    const col = 4 + i * 3;
    tenantRow.getCell(col).value = tenantName(t, lang);
    side.mergeCells(4, col, 4, col + 2);
    if (t.freshness.recordedAt) {
      freshRow.getCell(col).value = new Date(t.freshness.recordedAt);
      freshRow.getCell(col).numFmt = 'yyyy-mm-dd hh:mm:ss';
    }
    headRow.getCell(col).value = text.target;
    headRow.getCell(col + 1).value = text.actual;
    headRow.getCell(col + 2).value = text.percent;
  });
  tenantRow.font = { bold: true };
  headRow.font = { bold: true };
  for (const indicator of result.indicators) {
    const row = side.addRow([indicator.code, label(indicator, lang), unitLabel(indicator.unit, lang)]);
    const format = numberFormat(indicator.unit, indicator.decimals);
    indicator.rows.forEach((cell) => {
      const col = 4 + result.tenants.findIndex((t) => t.id === cell.tenantId) * 3;
      setNumber(row.getCell(col), asCellNumber(indicator.unit, cell.target), format);
      setNumber(row.getCell(col + 1), asCellNumber(indicator.unit, cell.actual), format);
      setNumber(row.getCell(col + 2), cell.percent === null ? null : cell.percent / 100, '0.0%');
    });
  }
  side.getColumn(1).width = 34;
  side.getColumn(2).width = 60;
  side.getColumn(3).width = 16;
  for (let c = 4; c < 4 + result.tenants.length * 3; c++) side.getColumn(c).width = 16;

  const quarters = book.addWorksheet(text.quarters, { views: [{ state: 'frozen', ySplit: 1 }] });
  quarters.columns = [
    { header: text.code, key: 'code', width: 34 },
    { header: text.indicator, key: 'label', width: 60 },
    { header: text.unit, key: 'unit', width: 16 },
    { header: text.tenantId, key: 'tenant', width: 8 },
    { header: text.tenant, key: 'name', width: 18 },
    { header: text.quarter, key: 'quarter', width: 10 },
    { header: text.quarterEnd, key: 'end', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { header: text.value, key: 'value', width: 16 },
    { header: text.targetColumn, key: 'target', width: 16 },
  ];
  quarters.getRow(1).font = { bold: true };
  const indicators = new Map(result.indicators.map((i) => [i.code, i]));
  const tenants = new Map(result.tenants.map((t) => [t.id, t]));
  for (const point of result.series) {
    const indicator = indicators.get(point.code)!;
    const format = numberFormat(indicator.unit, indicator.decimals);
    const row = quarters.addRow({
      code: point.code,
      label: label(indicator, lang),
      unit: unitLabel(indicator.unit, lang),
      tenant: point.tenantId,
      name: tenantName(tenants.get(point.tenantId)!, lang),
      quarter: point.quarter,
      end: utcDay(quarterEnd(point.quarter)),
    });
    setNumber(row.getCell('value'), asCellNumber(indicator.unit, point.value), format);
    setNumber(row.getCell('target'), asCellNumber(indicator.unit, point.target), format);
  }

  const fresh = book.addWorksheet(text.freshness);
  fresh.columns = [
    { header: text.tenantId, key: 'id', width: 8 },
    { header: text.tenant, key: 'name', width: 18 },
    { header: text.position, key: 'position', width: 24 },
    { header: text.lastRecorded, key: 'recordedAt', width: 30, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
    { header: text.asOf[result.asOfKind], key: 'asOf', width: 34, style: { numFmt: 'yyyy-mm-dd' } },
    { header: text.kind, key: 'kind', width: 12 },
  ];
  fresh.getRow(1).font = { bold: true };
  for (const t of result.tenants) {
    fresh.addRow({
      id: t.id,
      name: tenantName(t, lang),
      position: t.freshness.position ?? '',
      recordedAt: t.freshness.recordedAt ? new Date(t.freshness.recordedAt) : null,
      asOf: utcDay(result.asOf),
      kind: result.asOfKind,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function setNumber(cell: ExcelJS.Cell, value: number | null, numFmt: string) {
  if (value === null) return;
  cell.value = value;
  cell.numFmt = numFmt;
}
