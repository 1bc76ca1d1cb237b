import type { ChunkWriter, Timeline } from './chunk-writer';
import { addDays, daysBetween, minDay, spread } from './days';
import type { ModelProfile } from './models';
import { RANK, type Member, type Sector } from './synthetic-bodies';

type Area =
  | 'income'
  | 'housing'
  | 'health'
  | 'disability'
  | 'addiction'
  | 'violence'
  | 'education'
  | 'employment'
  | 'parenting'
  | 'other';

const AREAS: readonly (readonly [Area, number])[] = [
  ['income', 20],
  ['employment', 18],
  ['parenting', 14],
  ['health', 12],
  ['housing', 10],
  ['addiction', 8],
  ['disability', 7],
  ['education', 6],
  ['violence', 4],
  ['other', 1],
];

/** Who is responsible for a goal in each area, besides the OPS. */
const SECTOR_OF_AREA: Readonly<Record<Area, Sector>> = {
  income: 'labour-office',
  employment: 'labour-office',
  parenting: 'education',
  health: 'health',
  housing: 'housing',
  addiction: 'health',
  disability: 'social-insurance-zus',
  education: 'education',
  violence: 'police',
  other: 'ngo',
};

/** The support a family gets for each area, and the hours one delivery takes. */
const SUPPORT_OF_AREA: Readonly<Record<Area, readonly [string, number, number]>> = {
  income: ['financial-aid', 1, 1],
  employment: ['vocational-activation', 2, 6],
  parenting: ['family-assistant', 2, 4],
  health: ['health-care', 1, 2],
  housing: ['housing-support', 1, 3],
  addiction: ['addiction-therapy', 1, 2],
  disability: ['care-services', 2, 4],
  education: ['education-support', 1, 3],
  violence: ['psychological-counselling', 1, 2],
  other: ['social-work', 1, 2],
};

/** The pilot's last day of work with families: plans end by then, cases close by year end. */
export const PILOT_WORK_ENDS = '2020-12-15';
const CASES_CLOSE_BY = '2020-12-31';

export interface CaseSpec {
  readonly local: string;
  readonly caseId: string;
  readonly siteTeryt: string;
  readonly enrolledOn: string;
  readonly model: ModelProfile;
}

export interface WrittenCase {
  readonly caseId: string;
  readonly planAgreedOn: string;
  readonly completedOn: string;
  readonly closedOn: string;
  readonly outcome: 'success' | 'partial' | 'failure';
  readonly meetingDays: readonly string[];
  readonly clientPresent: readonly boolean[];
  readonly institutionsPresent: readonly number[];
}

/**
 * One family's way through the pilot, in business order: enrolled, diagnosed, a plan of the
 * model's type agreed, monthly case-team meetings, support, reviews, the plan completed with
 * an outcome drawn at the model's rate, the case closed.
 */
export function writeCase(w: ChunkWriter, t: Timeline, spec: CaseSpec): WrittenCase {
  const { rng } = w;
  const { local, caseId, model } = spec;
  const enrolledOn = spec.enrolledOn;
  t.at(
    enrolledOn,
    0,
    w.fact(`${local}-enrol`, 'pilot.enrol-case', enrolledOn, {
      caseId,
      siteTeryt: spec.siteTeryt,
      householdSize: rng.weighted([
        [1, 15],
        [2, 20],
        [3, 22],
        [4, 20],
        [5, 12],
        [6, 7],
        [7, 4],
      ]),
      caseUnit: model.caseUnit,
    }),
  );

  const diagnosedOn = addDays(enrolledOn, rng.int(5, 30));
  const areas: Area[] = [];
  const wanted = rng.int(1, 4);
  while (areas.length < wanted) {
    const area = rng.weighted(AREAS);
    if (!areas.includes(area)) areas.push(area);
  }
  t.at(diagnosedOn, 1, w.fact(`${local}-diagnosis`, 'pilot.complete-diagnosis', diagnosedOn, { caseId, areas }));

  const agreedOn = addDays(diagnosedOn, rng.int(3, 21));
  const goals = areas.map((area, i) => ({ goalId: `g${i + 1}`, area }));
  const sectors = [...new Set<Sector>(['social-assistance', ...areas.map((a) => SECTOR_OF_AREA[a])])];
  const responsibleInstitutions = sectors.map((sector) => ({ institutionId: `${sector}-${spec.siteTeryt}`, sector }));
  // The statutory kontrakt socjalny may stand in for the model's plan (pilot README).
  const planType = rng.chance(0.05) ? 'kontrakt-socjalny' : model.planType;
  t.at(
    agreedOn,
    2,
    w.fact(`${local}-plan`, 'pilot.agree-individual-plan', agreedOn, {
      caseId,
      planType,
      goals,
      responsibleInstitutions,
    }),
  );

  const months = rng.int(model.planMonths[0], model.planMonths[1]);
  const completedOn = minDay(addDays(agreedOn, Math.round(months * 30.44)), PILOT_WORK_ENDS);
  const workDays = Math.max(1, daysBetween(agreedOn, completedOn));
  const monthsOfWork = Math.max(1, Math.round(workDays / 30.44));

  const meetingDays = spread(rng, addDays(agreedOn, 7), addDays(completedOn, -3), monthsOfWork);
  const clientPresent: boolean[] = [];
  const institutionsPresent: number[] = [];
  meetingDays.forEach((day, k) => {
    const present = rng.chance(model.clientPresence);
    const institutions = rng.int(1, responsibleInstitutions.length);
    clientPresent.push(present);
    institutionsPresent.push(institutions);
    t.at(
      day,
      3,
      w.fact(`${local}-meeting${k + 1}`, 'pilot.record-case-team-meeting', day, {
        caseId,
        clientPresent: present,
        institutionsPresent: institutions,
      }),
    );
  });

  const supports = Math.max(1, Math.round(monthsOfWork * (1 + rng.float())));
  spread(rng, addDays(agreedOn, 1), addDays(completedOn, -1), supports).forEach((day, k) => {
    const [kind, min, max] = SUPPORT_OF_AREA[rng.pick(areas)];
    t.at(
      day,
      3,
      w.fact(`${local}-support${k + 1}`, 'pilot.record-support-delivery', day, {
        caseId,
        kind,
        hours: rng.int(min * 2, max * 2) / 2,
      }),
    );
  });

  const outcome = rng.weighted([
    ['success', model.successRate],
    ['partial', model.partialRate],
    ['failure', Math.max(0, 1 - model.successRate - model.partialRate)],
  ] as const);
  const reviews = Math.floor(workDays / 90);
  spread(rng, addDays(agreedOn, 60), addDays(completedOn, -7), reviews).forEach((day, k) => {
    const late = (k + 1) / (reviews + 1);
    const progress = goals.map(({ goalId }) => ({ goalId, progress: progressOf(rng.float(), late, outcome) }));
    t.at(day, 3, w.fact(`${local}-review${k + 1}`, 'pilot.review-plan', day, { caseId, progress }));
  });

  t.at(completedOn, 4, w.fact(`${local}-complete`, 'pilot.complete-plan', completedOn, { caseId, outcome }));
  const closedOn = minDay(addDays(completedOn, rng.int(0, 14)), CASES_CLOSE_BY);
  const reason =
    outcome === 'failure'
      ? rng.pick(['client-withdrew', 'no-contact', 'transferred-to-other-service'] as const)
      : 'support-completed';
  t.at(closedOn, 5, w.fact(`${local}-close`, 'pilot.close-case', closedOn, { caseId, reason }));

  return {
    caseId,
    planAgreedOn: agreedOn,
    completedOn,
    closedOn,
    outcome,
    meetingDays,
    clientPresent,
    institutionsPresent,
  };
}

function progressOf(draw: number, late: number, outcome: WrittenCase['outcome']): string {
  const achieved = outcome === 'success' ? late : outcome === 'partial' ? late / 2 : 0;
  if (draw < achieved) return 'achieved';
  if (outcome === 'failure' && draw > 1 - late / 2) return 'abandoned';
  return draw < 0.9 ? 'in-progress' : 'not-started';
}

/**
 * The ZZK of macroregion III: a case team convened on the day the plan is agreed, the client in
 * it under a pseudonymous person id linked to the case, meeting when the case-team meetings are.
 */
export function writeZzk(
  w: ChunkWriter,
  t: Timeline,
  z: {
    local: string;
    territory: string;
    name: string;
    written: WrittenCase;
    professionals: number;
    personPrefix: string;
    institution: (sector: Sector) => string;
  },
): string {
  const { rng } = w;
  const groupId = w.id(z.local);
  const { written } = z;
  const day = written.planAgreedOn;
  t.at(
    day,
    RANK.convene,
    w.fact(`${z.local}-convene`, 'groups.convene-group', day, {
      groupId,
      kind: 'ZZK',
      level: 'gmina',
      territory: z.territory,
      name: z.name,
    }),
  );
  const members: Member[] = [];
  const clientId = w.id(`${z.local}-client`);
  t.at(
    day,
    RANK.join,
    w.fact(`${z.local}-client-join`, 'groups.join-member', day, {
      groupId,
      personId: clientId,
      role: 'client',
      caseId: written.caseId,
    }),
  );
  const sectors: Sector[] = [
    'social-assistance',
    ...rng.sample(
      ['education', 'health', 'labour-office', 'police', 'ngo', 'courts-probation'] as Sector[],
      z.professionals - 1,
    ),
  ];
  sectors.forEach((sector, k) => {
    const personId = w.id(`${z.local}-p${k}`);
    members.push({ personId, joinedOn: day });
    t.at(
      day,
      RANK.join,
      w.fact(`${z.local}-p${k}-join`, 'groups.join-member', day, {
        groupId,
        personId,
        fullName: `Osoba Syntetyczna ${z.personPrefix}-${String(k + 1).padStart(2, '0')}`,
        institution: z.institution(sector),
        sector,
        role: k === 0 ? 'coordinator' : 'member',
      }),
    );
  });
  written.meetingDays.forEach((meetingDay, k) => {
    const professionals = members.slice(0, Math.max(1, Math.min(members.length, written.institutionsPresent[k])));
    const present = written.clientPresent[k];
    t.at(
      meetingDay,
      RANK.meeting,
      w.fact(`${z.local}-m${k}`, 'groups.hold-meeting', meetingDay, {
        groupId,
        meetingId: w.id(`${z.local}-m${k}`),
        days: 1,
        attendance: {
          kind: 'members',
          personIds: [...(present ? [clientId] : []), ...professionals.map((m) => m.personId)],
        },
        clientPresent: present,
      }),
    );
  });
  t.at(
    written.closedOn,
    RANK.dissolve,
    w.fact(`${z.local}-dissolve`, 'groups.dissolve-group', written.closedOn, { groupId }),
  );
  return groupId;
}
