import { VOIVODESHIPS, type Voivodeship } from '@kooperacja/territory';
import type { HistoryChunk } from '../import/history-importer';
import { ChunkWriter } from './chunk-writer';
import { addDays, dayIn, maxDay, minDay, spread } from './days';
import { MODELS, type ModelId, type ModelProfile, type SyntheticTenant } from './models';
import {
  INSTITUTION_OF_SECTOR,
  PARTNER_SECTORS,
  isMemberOn,
  writeBody,
  writeDecision,
  type Sector,
} from './synthetic-bodies';
import { PILOT_WORK_ENDS, writeCase, writeZzk, type WrittenCase } from './synthetic-cases';

/** How big a synthetic pilot to generate. Same parameters, same facts. */
export interface SyntheticPilotParams {
  readonly seed: number;
  /** Tenants and the model each follows; `'mr2'` means tenant mr2 following macroregion II's model. */
  readonly tenants: readonly (ModelId | SyntheticTenant)[];
  /** JST per tenant: 3 in 5 are gminas (pilot sites with families), 2 in 5 powiats. */
  readonly jstPerTenant: number;
  readonly familiesPerGmina: number;
  /** Members of a local partnership (PZK) or GGK; design bodies keep their seed norms (PGR ~7, PGD 15, RGR ~20). */
  readonly membersPerGroup: number;
  readonly meetingsPerGroup: number;
  readonly decisionsPerGroup: number;
  /** Coaching sessions per pilot site (trainings are a third of that). */
  readonly sessionsPerSite: number;
}

export const DEFAULT_SYNTHETIC_PARAMS: SyntheticPilotParams = {
  seed: 42,
  tenants: ['mr1', 'mr2', 'mr3'],
  jstPerTenant: 50,
  familiesPerGmina: 5,
  membersPerGroup: 8,
  meetingsPerGroup: 6,
  decisionsPerGroup: 3,
  sessionsPerSite: 6,
};

/** Synthetic powiats are numbered 40-59 in their voivodeship: no real powiat has those numbers. */
const SYNTHETIC_POWIAT_FROM = 40;
const SYNTHETIC_POWIATS = 20;
const GMINAS_PER_POWIAT = 99;
/** Design bodies (PGR, PGD, RGR) finish with milestone I. */
const DESIGN_PHASE_ENDS = '2019-06-28';
const REPORTS_BY = '2021-03-19';

const LIMITS: Readonly<Record<Exclude<keyof SyntheticPilotParams, 'tenants'>, readonly [number, number]>> = {
  seed: [0, 4_294_967_295],
  jstPerTenant: [1, 10_000],
  familiesPerGmina: [0, 500],
  membersPerGroup: [1, 50],
  meetingsPerGroup: [0, 60],
  decisionsPerGroup: [0, 30],
  sessionsPerSite: [0, 200],
};

/** The parameters with defaults filled in and checked. */
export function syntheticParams(partial: Partial<SyntheticPilotParams> = {}): SyntheticPilotParams {
  const params = { ...DEFAULT_SYNTHETIC_PARAMS, ...stripUndefined(partial) };
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const value = params[key as keyof typeof LIMITS];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`synthetic pilot: ${key} must be a whole number from ${min} to ${max}, got ${value}`);
    }
  }
  const tenants = syntheticTenants(params);
  if (tenants.length === 0) throw new RangeError('synthetic pilot: name at least one tenant');
  if (new Set(tenants.map((t) => t.id)).size !== tenants.length) {
    throw new RangeError('synthetic pilot: a tenant is named twice');
  }
  return params;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function syntheticTenants(params: Pick<SyntheticPilotParams, 'tenants'>): SyntheticTenant[] {
  return params.tenants.map((t) => {
    const tenant = typeof t === 'string' ? { id: t, model: t } : t;
    if (!Object.hasOwn(MODELS, tenant.model)) {
      throw new RangeError(`synthetic pilot: unknown model ${tenant.model} (mr1, mr2 or mr3)`);
    }
    return tenant;
  });
}

/** The import batch (correlation id) of a synthetic pilot: one per seed. */
export const syntheticBatch = (seed: number) => `synthetic-${seed}`;

/** How a tenant's JST split into gminas and powiats. */
export function layoutOf(jst: number, model: ModelProfile): { gminas: number; powiats: number } {
  const powiats = Math.min(Math.round((jst * 2) / 5), SYNTHETIC_POWIATS * model.voivodeships.length);
  return { gminas: jst - powiats, powiats };
}

/**
 * A realistic synthetic pilot for demos, tests and benchmarks, as history facts (the same
 * format as docs/data/history/*.yaml), every one marked `synthetic: true` in its metadata.
 * Yields one chunk per tenant's regional bodies, then one per JST: chunks touch disjoint
 * streams, so they may be imported concurrently, and each is deterministic on its own.
 */
export function* syntheticPilot(partial: Partial<SyntheticPilotParams> = {}): Generator<HistoryChunk> {
  const params = syntheticParams(partial);
  for (const tenant of syntheticTenants(params)) {
    const model = MODELS[tenant.model];
    const layout = layoutOf(params.jstPerTenant, model);
    yield regionalChunk(params, tenant, model);
    for (let i = 0; i < layout.powiats; i++) yield powiatChunk(params, tenant, model, i);
    for (let i = 0; i < layout.gminas; i++) yield gminaChunk(params, tenant, model, i);
  }
}

/** Synthetic TERYT codes of a tenant's i-th powiat and gmina (see docs/history.md). */
export function syntheticPowiat(model: ModelProfile, i: number): { teryt: string; voivodeship: Voivodeship } {
  const voivodeship = model.voivodeships[i % model.voivodeships.length] as Voivodeship;
  const n = SYNTHETIC_POWIAT_FROM + Math.floor(i / model.voivodeships.length);
  return { teryt: `${VOIVODESHIPS[voivodeship]}${n}`, voivodeship };
}

export function syntheticGmina(
  model: ModelProfile,
  i: number,
): { teryt: string; powiat: string; voivodeship: Voivodeship } {
  const voivodeship = model.voivodeships[i % model.voivodeships.length] as Voivodeship;
  const j = Math.floor(i / model.voivodeships.length);
  const powiat = SYNTHETIC_POWIAT_FROM + (j % SYNTHETIC_POWIATS);
  const gmina = 1 + Math.floor(j / SYNTHETIC_POWIATS);
  if (gmina > GMINAS_PER_POWIAT) throw new RangeError('synthetic pilot: too many gminas for the synthetic TERYT range');
  const teryt = `${VOIVODESHIPS[voivodeship]}${powiat}${String(gmina).padStart(2, '0')}${model.kindDigit}`;
  return { teryt, powiat: String(powiat), voivodeship };
}

const institutionIn = (place: string) => (sector: Sector) =>
  `${INSTITUTION_OF_SECTOR[sector]} (syntetyczny) – ${place}`;
const partnerSector = (leader: Sector) => (rng: ChunkWriter['rng'], k: number) =>
  k === 0 ? leader : rng.weighted(PARTNER_SECTORS);
const pick = (subjects: readonly string[], count: number) =>
  Array.from({ length: count }, (_, k) => subjects[k % subjects.length] + (k >= subjects.length ? ` (${k + 1})` : ''));

/** Regional bodies of a tenant: an implementation team per voivodeship, and macroregion II's RGRs. */
function regionalChunk(params: SyntheticPilotParams, tenant: SyntheticTenant, model: ModelProfile): HistoryChunk {
  const w = new ChunkWriter(params.seed, tenant.id, 'regional');
  model.voivodeships.forEach((voivodeship, v) => {
    const t = w.timeline();
    const place = `województwo ${voivodeship}`;
    writeBody(w, t, {
      local: `v${v}-team`,
      kind: 'implementation-team',
      level: 'voivodeship',
      territory: voivodeship,
      name: `Zespół wdrożeniowy ROPS – ${place} (syntetyczny)`,
      convenedOn: dayIn(w.rng, '2018-04-16', '2018-06-29'),
      activeUntil: PILOT_WORK_ENDS,
      members: Math.max(3, Math.min(params.membersPerGroup, 7)),
      sectors: (_rng, k) => (k === 1 && model.model === 'mr2' ? 'academia' : 'social-assistance'),
      institution: (sector) =>
        sector === 'academia' ? 'Uczelnia – partner akademicki (syntetyczny)' : `ROPS – ${place} (syntetyczny)`,
      leaderRole: 'coordinator',
      meetings: params.meetingsPerGroup,
      meetingDays: 1,
      decisions: pick(
        [
          'Harmonogram wsparcia gmin w pilotażu',
          'Standard doradztwa ROPS dla zespołów w gminach',
          'Podsumowanie pilotażu w województwie',
        ],
        params.decisionsPerGroup,
      ),
      personPrefix: `R${v}T`,
    });
    if (model.designBodies) {
      writeBody(w, t, {
        local: `v${v}-rgr`,
        kind: 'RGR',
        level: 'voivodeship',
        territory: voivodeship,
        name: `Regionalna Grupa Refleksyjna – ${place} (syntetyczna)`,
        convenedOn: dayIn(w.rng, '2018-07-02', '2018-10-31'),
        activeUntil: addDays(DESIGN_PHASE_ENDS, -14),
        members: w.rng.int(18, 22),
        sectors: partnerSector('social-assistance'),
        institution: institutionIn(place),
        leaderRole: 'chair',
        meetings: Math.max(1, Math.min(4, params.meetingsPerGroup)),
        meetingDays: 1,
        decisions: pick(
          [
            'Koncepcja wdrażania modelu kooperacji na poziomie wojewódzkim',
            'Weryfikacja założeń modelu wypracowanych przez PGR i PGD',
            'Sieć współpracy kooperacyjnej w województwie',
          ],
          params.decisionsPerGroup,
        ),
        personPrefix: `R${v}G`,
        dissolveOn: DESIGN_PHASE_ENDS,
      });
    }
    t.flush();
  });
  return w.chunk();
}

function powiatChunk(
  params: SyntheticPilotParams,
  tenant: SyntheticTenant,
  model: ModelProfile,
  i: number,
): HistoryChunk {
  const { teryt, voivodeship } = syntheticPowiat(model, i);
  const w = new ChunkWriter(params.seed, tenant.id, `p${teryt}`);
  const { rng } = w;
  const name = `syntetyczny nr ${teryt.slice(2)}`;
  const place = `powiat ${name}`;
  const local = `p${teryt}`;

  const invitedOn = dayIn(rng, '2018-05-02', '2018-09-28');
  const signedOn = dayIn(rng, addDays(invitedOn, 30), '2019-03-29');
  w.add(
    w.fact(`${local}-invite`, 'territory.invite-powiat', invitedOn, { teryt, name, voivodeship }),
    w.fact(`${local}-agreement`, 'territory.sign-powiat-agreement', signedOn, {
      teryt,
      agreementRef: `POR/${teryt}/${signedOn.slice(0, 4)}`,
    }),
  );

  const t = w.timeline();
  if (model.designBodies) {
    const pgrOn = dayIn(rng, addDays(invitedOn, 20), addDays(invitedOn, 60));
    writeBody(w, t, {
      local: `${local}-pgr`,
      kind: 'PGR',
      level: 'powiat',
      territory: teryt,
      name: `Powiatowa Grupa Refleksyjna – ${place}`,
      convenedOn: pgrOn,
      activeUntil: addDays(DESIGN_PHASE_ENDS, -14),
      members: rng.int(6, 8),
      sectors: partnerSector('social-assistance'),
      institution: institutionIn(place),
      leaderRole: 'coordinator',
      meetings: Math.max(1, params.meetingsPerGroup - 2),
      meetingDays: 2,
      decisions: pick(
        [
          'Założenia modelu kooperacji – propozycja grupy',
          'Diagnoza barier współpracy międzysektorowej w powiecie',
          'Rekomendacje grupy do modelu kooperacji',
        ],
        params.decisionsPerGroup,
      ),
      personPrefix: `${teryt}R`,
      dissolveOn: DESIGN_PHASE_ENDS,
    });
    writeBody(w, t, {
      local: `${local}-pgd`,
      kind: 'PGD',
      level: 'powiat',
      territory: teryt,
      name: `Powiatowa Grupa Decydentów – ${place}`,
      convenedOn: addDays(pgrOn, rng.int(14, 45)),
      activeUntil: addDays(DESIGN_PHASE_ENDS, -14),
      members: 15,
      sectors: partnerSector('local-government'),
      institution: institutionIn(place),
      leaderRole: 'chair',
      meetings: Math.max(1, params.meetingsPerGroup - 2),
      meetingDays: 1,
      decisions: pick(
        [
          'Weryfikacja założeń modelu kooperacji wypracowanych przez PGR',
          'Koncepcja wdrażania modelu na poziomie społeczności lokalnej',
          'Bariery współpracy międzysektorowej i sposoby ich usunięcia',
        ],
        params.decisionsPerGroup,
      ),
      personPrefix: `${teryt}D`,
      dissolveOn: DESIGN_PHASE_ENDS,
    });
  } else {
    writeBody(w, t, {
      local: `${local}-pzk`,
      kind: 'PZK',
      level: 'powiat',
      territory: teryt,
      name: `Partnerski Zespół Kooperacyjny – ${place}`,
      convenedOn: addDays(signedOn, rng.int(5, 30)),
      activeUntil: PILOT_WORK_ENDS,
      members: params.membersPerGroup,
      sectors: partnerSector('social-assistance'),
      institution: (sector) =>
        sector === 'social-assistance'
          ? `Powiatowe Centrum Pomocy Rodzinie (syntetyczne) – ${place}`
          : institutionIn(place)(sector),
      leaderRole: 'coordinator',
      meetings: params.meetingsPerGroup,
      meetingDays: 1,
      decisions: pick(model.pzkDecisions, params.decisionsPerGroup),
      personPrefix: `${teryt}Z`,
    });
  }
  t.flush();

  // PCPR staff are trained too; coaching and cases are the gminas'.
  const trainings = Math.max(1, Math.round(params.sessionsPerSite / 3));
  spread(rng, addDays(signedOn, 14), PILOT_WORK_ENDS, trainings).forEach((day, k) =>
    w.add(
      w.fact(`${local}-training${k + 1}`, 'pilot.record-training', day, {
        teryt,
        topic: rng.pick(TRAINING_TOPICS[model.model]),
        hours: rng.int(6, 16),
        participants: rng.int(6, 25),
      }),
    ),
  );
  return w.chunk();
}

const TRAINING_TOPICS: Readonly<Record<ModelId, readonly string[]>> = {
  mr1: ['cooperation-model', 'multidimensional-diagnosis', 'individual-planning', 'social-contract', 'covid-19'],
  mr2: ['cooperation-model', 'case-team-work', 'individual-planning', 'deinstitutionalisation', 'covid-19'],
  mr3: ['cooperation-model', 'case-team-work', 'social-contract', 'mental-health', 'domestic-violence'],
};

function gminaChunk(
  params: SyntheticPilotParams,
  tenant: SyntheticTenant,
  model: ModelProfile,
  i: number,
): HistoryChunk {
  const gmina = syntheticGmina(model, i);
  const { teryt, voivodeship } = gmina;
  const w = new ChunkWriter(params.seed, tenant.id, `g${teryt}`);
  const { rng } = w;
  const local = `g${teryt}`;
  const name = `Syntetyczna ${teryt}`;
  const place = `gmina ${name}`;
  const institution = institutionIn(place);

  // Territory: invited, declared, agreement, pilot site.
  const invitedOn = dayIn(rng, '2018-05-02', '2018-09-28');
  const declaredOn = addDays(invitedOn, rng.int(3, 45));
  const signedOn = dayIn(rng, maxDay(addDays(declaredOn, 14), '2018-10-01'), '2019-02-28');
  const recruitedOn = addDays(signedOn, rng.int(0, 30));
  w.add(
    w.fact(`${local}-invite`, 'territory.invite-municipality', invitedOn, {
      teryt,
      name,
      type: model.municipalityType,
      powiat: `syntetyczny nr ${gmina.powiat}`,
      voivodeship,
    }),
    w.fact(`${local}-declare`, 'territory.declare-participation', declaredOn, {
      teryt,
      declarationRef: `DEKL/${teryt}/${declaredOn.slice(0, 4)}`,
    }),
    w.fact(`${local}-agreement`, 'territory.sign-cooperation-agreement', signedOn, {
      teryt,
      agreementRef: `POR/${teryt}/${signedOn.slice(0, 4)}`,
    }),
    w.fact(`${local}-pilot-site`, 'territory.recruit-pilot-site', recruitedOn, { teryt }),
  );

  // The local partnership, led by the OPS.
  const bodies = w.timeline();
  const pzk = writeBody(w, bodies, {
    local: `${local}-pzk`,
    kind: 'PZK',
    level: 'gmina',
    territory: teryt,
    name: `Partnerski Zespół Kooperacyjny – ${place}`,
    convenedOn: addDays(signedOn, rng.int(5, 30)),
    activeUntil: PILOT_WORK_ENDS,
    members: params.membersPerGroup,
    sectors: partnerSector('social-assistance'),
    institution,
    leaderRole: 'coordinator',
    meetings: params.meetingsPerGroup,
    meetingDays: 1,
    decisions: pick(model.pzkDecisions, params.decisionsPerGroup),
    personPrefix: `${teryt}Z`,
  });

  const ggkOn = addDays(recruitedOn, rng.int(5, 20));
  const ggk =
    model.caseTeam === 'GGK'
      ? writeBody(w, bodies, {
          local: `${local}-ggk`,
          kind: 'GGK',
          level: 'gmina',
          territory: teryt,
          name: `Gminna Grupa Kooperacyjna – ${place}`,
          convenedOn: ggkOn,
          activeUntil: PILOT_WORK_ENDS,
          members: Math.max(2, Math.min(params.membersPerGroup, 6)),
          sectors: partnerSector('social-assistance'),
          institution,
          leaderRole: 'coordinator',
          meetings: params.meetingsPerGroup * 2,
          meetingDays: 1,
          decisions: [],
          personPrefix: `${teryt}K`,
          clientPresence: model.clientPresence,
        })
      : undefined;

  // Families, enrolled once the site (and its GGK) is up.
  const cases = w.timeline();
  const written: WrittenCase[] = [];
  const firstEnrolment = addDays(ggk ? ggkOn : recruitedOn, 10);
  for (let c = 0; c < params.familiesPerGmina; c++) {
    const enrolledOn = dayIn(rng, firstEnrolment, minDay(addDays(firstEnrolment, 190), '2019-10-31'));
    written.push(
      writeCase(w, cases, {
        local: `${local}-c${c + 1}`,
        caseId: w.id(`${local}-c${c + 1}`),
        siteTeryt: teryt,
        enrolledOn,
        model,
      }),
    );
  }

  // Case teams: the GGK adopts each family's goals; macroregion III gives each family a ZZK.
  const caseTeams: string[] = [];
  if (ggk) {
    caseTeams.push(ggk.groupId);
    written.forEach((wc, c) =>
      writeDecision(w, bodies, {
        local: `${local}-ggk-goals${c + 1}`,
        groupId: ggk.groupId,
        day: wc.planAgreedOn,
        subject: `Cele pracy z rodziną – sprawa ${wc.caseId.slice(0, 8)}`,
        text: 'Cele ustalone przez grupę kooperacyjną zgodnie z planem indywidualnym (dane syntetyczne).',
        present: ggk.members.filter((m) => isMemberOn(m, wc.planAgreedOn)).length,
      }),
    );
  }
  if (model.caseTeam === 'ZZK') {
    written.forEach((wc, c) =>
      caseTeams.push(
        writeZzk(w, bodies, {
          local: `${local}-zzk${c + 1}`,
          territory: teryt,
          name: `Zadaniowy Zespół Kooperacyjny nr ${c + 1} – ${place}`,
          written: wc,
          professionals: rng.int(2, 4),
          personPrefix: `${teryt}S${c + 1}`,
          institution,
        }),
      ),
    );
  }
  if (model.caseTeam === 'none') caseTeams.push(pzk.groupId);
  bodies.flush();
  cases.flush();

  // The site's log: coaching of social workers, supervision of case teams, trainings, the outcome.
  const site = w.timeline();
  spread(rng, addDays(recruitedOn, 7), PILOT_WORK_ENDS, params.sessionsPerSite).forEach((day, k) => {
    const group = rng.chance(0.4);
    site.at(
      day,
      0,
      w.fact(`${local}-coaching${k + 1}`, 'pilot.record-coaching-session', day, {
        teryt,
        kind: group ? 'group' : 'individual',
        hours: group ? rng.int(2, 4) : rng.int(2, 4) / 2,
        socialWorkers: group ? rng.int(2, 8) : 1,
      }),
    );
  });
  caseTeams.forEach((caseTeamId, team) => {
    const sessions = model.caseTeam === 'ZZK' ? rng.int(1, 2) : rng.int(2, 4);
    spread(rng, addDays(recruitedOn, 30), PILOT_WORK_ENDS, sessions).forEach((day, k) =>
      site.at(
        day,
        0,
        w.fact(`${local}-supervision${team + 1}-${k + 1}`, 'pilot.record-supervision-session', day, {
          teryt,
          caseTeamId,
          hours: rng.int(2, 4),
          participants: rng.int(3, 8),
        }),
      ),
    );
  });
  spread(rng, addDays(recruitedOn, 7), PILOT_WORK_ENDS, Math.max(1, Math.round(params.sessionsPerSite / 3))).forEach(
    (day, k) =>
      site.at(
        day,
        0,
        w.fact(`${local}-training${k + 1}`, 'pilot.record-training', day, {
          teryt,
          topic: rng.pick(TRAINING_TOPICS[model.model]),
          hours: rng.int(6, 16),
          participants: rng.int(8, 30),
        }),
      ),
  );
  const periodEnd = '2020-12-31';
  const reportedOn = dayIn(rng, '2021-01-08', REPORTS_BY);
  site.at(
    reportedOn,
    1,
    w.fact(`${local}-outcome`, 'pilot.report-pilot-outcome', reportedOn, {
      teryt,
      periodStart: recruitedOn,
      periodEnd,
      familiesEnrolled: written.length,
      plansCompleted: written.length,
      successes: written.filter((wc) => wc.outcome === 'success').length,
      source: 'Sprawozdanie z pilotażu w gminie (dane syntetyczne)',
    }),
  );
  site.flush();
  return w.chunk();
}
