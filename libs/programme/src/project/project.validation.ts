import { DomainError, invalid, type ProjectPeriod } from '@kooperacja/platform';
import { isVoivodeship } from '@kooperacja/territory/contracts';
import { INDICATORS, isIndicatorCode } from '../contracts/indicators';
import { BUDGET_LINES, compareMoney, isMoney, type Budget, type Money } from '../contracts/money';
import { MINISTRY_OPINIONS, PARTNER_KINDS, type Partner } from '../contracts/project.view';
import type { ProjectFact } from './project.events';

// Shape rules of the facts, input only (no state). A command's data and a correction's
// replacement go through the same rules; `p` prefixes the field names ('' or 'replacement.').

const DAY = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The calendar day of a business time (ISO date or date-time), refusing what is not one. */
export function businessDay(value: unknown, field: string): string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (days !== undefined && day >= 1 && day <= days) return (value as string).slice(0, 10);
  }
  throw invalid('fact.date-invalid', `${field} must be an ISO date (YYYY-MM-DD) or date-time`, field);
}

export function text(value: unknown, code: string, field: string, max = 300): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) throw invalid(code, `${field} is required`, field);
  if (trimmed.length > max) throw invalid(code, `${field} must be at most ${max} characters`, field);
  return trimmed;
}

/** Blank counts as absent. */
export function optionalText(value: unknown, code: string, field: string, max = 300): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
  return text(value, code, field, max);
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('input.malformed', `${field || 'the input'} must be an object`, field || undefined);
  }
  return value as Record<string, unknown>;
}

function period(value: unknown, field: string): ProjectPeriod {
  const d = record(value, field);
  const start = businessDay(d.start, `${field}.start`);
  const end = businessDay(d.end, `${field}.end`);
  if (start > end)
    throw invalid('schedule.start-after-end', `${field}: start ${start} is after end ${end}`, `${field}.end`);
  return { start, end };
}

function partnerId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SLUG.test(value) || value.length > 60) {
    throw invalid('partner.id-invalid', `${field} must be a lower-case slug such as 'rops-torun'`, field);
  }
  return value;
}

function partner(value: unknown, field: string): Partner {
  const d = record(value, field);
  const id = partnerId(d.partnerId, `${field}.partnerId`);
  const name = text(d.name, 'partner.name-required', `${field}.name`);
  if (!PARTNER_KINDS.includes(d.kind as Partner['kind'])) {
    throw invalid('partner.kind-invalid', `${field}.kind must be one of ${PARTNER_KINDS.join(', ')}`, `${field}.kind`);
  }
  const voivodeships = d.voivodeships;
  if (!Array.isArray(voivodeships) || voivodeships.length === 0 || !voivodeships.every(isVoivodeship)) {
    throw invalid(
      'partner.voivodeships-invalid',
      `${field}.voivodeships must list voivodeships by lower-case Polish name, e.g. 'pomorskie'`,
      `${field}.voivodeships`,
    );
  }
  return { partnerId: id, name, kind: d.kind as Partner['kind'], voivodeships: [...new Set(voivodeships)] };
}

function money(value: unknown, field: string): Money {
  if (!isMoney(value)) {
    throw invalid(
      'money.amount-invalid',
      `${field} must be { grosze: '<integer grosze>', currency: 'PLN' }, e.g. { grosze: '3489569240', currency: 'PLN' }`,
      field,
    );
  }
  return { grosze: value.grosze, currency: 'PLN' };
}

/** Only the lines given; at least one. */
function budget(value: unknown, field: string): Budget {
  const d = record(value, field);
  const lines: { -readonly [K in keyof Budget]: Money } = {};
  for (const line of BUDGET_LINES) {
    if (d[line] !== undefined && d[line] !== null) lines[line] = money(d[line], `${field}.${line}`);
  }
  if (Object.keys(lines).length === 0) {
    throw invalid('budget.empty', `${field} must give at least one of ${BUDGET_LINES.join(', ')}`, field);
  }
  assertEuShareWithinTotal(lines, field);
  return lines;
}

export function assertEuShareWithinTotal(budget: Budget, field: string, kind: 'invalid' | 'conflict' = 'invalid') {
  if (budget.total && budget.euShare && compareMoney(budget.euShare, budget.total) > 0) {
    throw new DomainError(
      kind,
      'budget.eu-share-exceeds-total',
      `${field}.euShare exceeds the total`,
      `${field}.euShare`,
    );
  }
}

function source(value: unknown, field: string): string {
  return text(value, 'source.required', field, 500);
}

function optionalSource(value: unknown, field: string): string | null {
  return optionalText(value, 'source.invalid', field, 500);
}

type DataOf<T extends ProjectFact['type']> = Extract<ProjectFact, { type: T }>['data'];

/** The shape rules of every fact type, returning the normalised data to store. */
export const validateFact: { [T in ProjectFact['type']]: (data: unknown, p: string) => DataOf<T> } = {
  PartnershipEstablished(data, p) {
    const d = record(data, p.slice(0, -1));
    const projectTitle = text(d.projectTitle, 'project.title-required', `${p}projectTitle`, 500);
    if (!Array.isArray(d.partners) || d.partners.length === 0) {
      throw invalid('partner.list-empty', 'a partnership needs its partners, the lead included', `${p}partners`);
    }
    const partners = d.partners.map((x, i) => partner(x, `${p}partners[${i}]`));
    partners.forEach((x, i) => {
      if (partners.findIndex((y) => y.partnerId === x.partnerId) !== i) {
        throw invalid('partner.duplicate', `partner ${x.partnerId} is listed twice`, `${p}partners[${i}].partnerId`);
      }
    });
    const leadPartnerId = partnerId(d.leadPartnerId, `${p}leadPartnerId`);
    if (!partners.some((x) => x.partnerId === leadPartnerId)) {
      throw invalid(
        'project.lead-not-partner',
        `the lead ${leadPartnerId} must be one of the partners`,
        `${p}leadPartnerId`,
      );
    }
    return {
      projectTitle,
      leadPartnerId,
      partners,
      plannedPeriod: period(d.plannedPeriod, `${p}plannedPeriod`),
      budget: budget(d.budget, `${p}budget`),
      establishedOn: businessDay(d.establishedOn, `${p}establishedOn`),
      source: optionalSource(d.source, `${p}source`),
    };
  },
  PartnerJoined(data, p) {
    const d = record(data, p.slice(0, -1));
    return {
      partner: partner(d.partner, `${p}partner`),
      joinedOn: businessDay(d.joinedOn, `${p}joinedOn`),
      source: optionalSource(d.source, `${p}source`),
    };
  },
  PartnerLeft(data, p) {
    const d = record(data, p.slice(0, -1));
    return {
      partnerId: partnerId(d.partnerId, `${p}partnerId`),
      leftOn: businessDay(d.leftOn, `${p}leftOn`),
      reason: optionalText(d.reason, 'partner.reason-invalid', `${p}reason`, 1000),
      source: optionalSource(d.source, `${p}source`),
    };
  },
  BudgetAmended(data, p) {
    const d = record(data, p.slice(0, -1));
    return {
      budget: budget(d.budget, `${p}budget`),
      amendedOn: businessDay(d.amendedOn, `${p}amendedOn`),
      source: source(d.source, `${p}source`),
    };
  },
  ScheduleAmended(data, p) {
    const d = record(data, p.slice(0, -1));
    return {
      period: period(d.period, `${p}period`),
      amendedOn: businessDay(d.amendedOn, `${p}amendedOn`),
      source: source(d.source, `${p}source`),
    };
  },
  IndicatorTargetSet(data, p) {
    const d = record(data, p.slice(0, -1));
    if (!isIndicatorCode(d.indicator)) {
      throw invalid('indicator.unknown', `unknown indicator ${String(d.indicator)}`, `${p}indicator`);
    }
    const unit = INDICATORS[d.indicator].unit;
    if (d.unit !== unit) {
      throw invalid(
        'indicator.unit-mismatch',
        `${d.indicator} is counted in ${unit}, not ${String(d.unit)}`,
        `${p}unit`,
      );
    }
    if (!Number.isSafeInteger(d.value) || (d.value as number) < 0) {
      throw invalid('indicator.value-invalid', `${p}value must be a whole number, 0 or more`, `${p}value`);
    }
    return {
      indicator: d.indicator,
      value: d.value as number,
      unit,
      setOn: businessDay(d.setOn, `${p}setOn`),
      source: source(d.source, `${p}source`),
    };
  },
  MilestoneCompleted(data, p) {
    const d = record(data, p.slice(0, -1));
    if (!Number.isInteger(d.milestone) || (d.milestone as number) < 1 || (d.milestone as number) > 20) {
      throw invalid('milestone.invalid', `${p}milestone must be its number: 1 (I), 2 (II), 3 (III)…`, `${p}milestone`);
    }
    return {
      milestone: d.milestone as number,
      completedOn: businessDay(d.completedOn, `${p}completedOn`),
      source: optionalSource(d.source, `${p}source`),
    };
  },
  ModelVersionApproved(data, p) {
    const d = record(data, p.slice(0, -1));
    const version = text(d.version, 'model-version.required', `${p}version`, 50);
    const approvedBy = text(d.approvedBy, 'model-version.approver-required', `${p}approvedBy`);
    if (!MINISTRY_OPINIONS.includes(d.ministryOpinion as never)) {
      throw invalid(
        'model-version.opinion-invalid',
        `${p}ministryOpinion must be one of ${MINISTRY_OPINIONS.join(', ')}`,
        `${p}ministryOpinion`,
      );
    }
    return {
      version,
      approvedBy,
      ministryOpinion: d.ministryOpinion as DataOf<'ModelVersionApproved'>['ministryOpinion'],
      approvedOn: businessDay(d.approvedOn, `${p}approvedOn`),
      source: optionalSource(d.source, `${p}source`),
    };
  },
};

/** The business day a fact happened on, and the name of its field. */
export function dayOf(fact: ProjectFact): { day: string; field: string } {
  switch (fact.type) {
    case 'PartnershipEstablished':
      return { day: fact.data.establishedOn, field: 'establishedOn' };
    case 'PartnerJoined':
      return { day: fact.data.joinedOn, field: 'joinedOn' };
    case 'PartnerLeft':
      return { day: fact.data.leftOn, field: 'leftOn' };
    case 'BudgetAmended':
    case 'ScheduleAmended':
      return { day: fact.data.amendedOn, field: 'amendedOn' };
    case 'IndicatorTargetSet':
      return { day: fact.data.setOn, field: 'setOn' };
    case 'MilestoneCompleted':
      return { day: fact.data.completedOn, field: 'completedOn' };
    case 'ModelVersionApproved':
      return { day: fact.data.approvedOn, field: 'approvedOn' };
  }
}
