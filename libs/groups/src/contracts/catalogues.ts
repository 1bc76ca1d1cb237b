/** A label in both languages the platform speaks. */
export interface Label {
  readonly pl: string;
  readonly en: string;
}

export const groupKinds = [
  'PGR',
  'PGD',
  'RGR',
  'steering-committee',
  'design-team',
  'implementation-team',
  'PZK',
  'GGK',
  'ZZK',
  'other',
] as const;
export type GroupKind = (typeof groupKinds)[number];

export const groupLevels = ['gmina', 'powiat', 'voivodeship'] as const;
export type GroupLevel = (typeof groupLevels)[number];

export interface GroupKindDefinition {
  readonly label: Label;
  /** Levels a body of this kind works at; the Polish names say it (Powiatowa, Regionalna, Gminna). */
  readonly levels: readonly GroupLevel[];
  /** Works with one person or family: meetings may record whether the client was present. */
  readonly caseTeam: boolean;
  /** The client sits in the team as a (pseudonymous) member. */
  readonly clientMembers: boolean;
}

const everyLevel = groupLevels;

export const groupKindCatalogue: Readonly<Record<GroupKind, GroupKindDefinition>> = {
  PGR: {
    label: { pl: 'Powiatowa Grupa Refleksyjna', en: 'District reflective group' },
    levels: ['powiat'],
    caseTeam: false,
    clientMembers: false,
  },
  PGD: {
    label: { pl: 'Powiatowa Grupa Decydentów', en: 'District decision-makers group' },
    levels: ['powiat'],
    caseTeam: false,
    clientMembers: false,
  },
  RGR: {
    label: { pl: 'Regionalna Grupa Refleksyjna', en: 'Regional reflective group' },
    levels: ['voivodeship'],
    caseTeam: false,
    clientMembers: false,
  },
  'steering-committee': {
    label: { pl: 'Komitet Sterujący', en: 'Steering committee' },
    levels: everyLevel,
    caseTeam: false,
    clientMembers: false,
  },
  'design-team': {
    label: { pl: 'Zespół projektujący model', en: 'Model design team' },
    levels: everyLevel,
    caseTeam: false,
    clientMembers: false,
  },
  'implementation-team': {
    label: { pl: 'Zespół wdrożeniowy', en: 'Implementation team' },
    levels: everyLevel,
    caseTeam: false,
    clientMembers: false,
  },
  PZK: {
    label: { pl: 'Partnerski Zespół Kooperacyjny', en: 'Partnership cooperation team' },
    levels: ['gmina', 'powiat'],
    caseTeam: false,
    clientMembers: false,
  },
  GGK: {
    label: { pl: 'Gminna Grupa Kooperacyjna', en: 'Municipal cooperation group' },
    levels: ['gmina'],
    caseTeam: true,
    clientMembers: false,
  },
  ZZK: {
    label: { pl: 'Zadaniowy Zespół Kooperacyjny', en: 'Task cooperation team (case team)' },
    levels: ['gmina', 'powiat'],
    caseTeam: true,
    clientMembers: true,
  },
  other: {
    label: { pl: 'Inne ciało', en: 'Other body' },
    levels: everyLevel,
    caseTeam: false,
    clientMembers: false,
  },
};

export const sectors = [
  'social-assistance',
  'education',
  'health',
  'police',
  'courts-probation',
  'labour-office',
  'culture',
  'sport',
  'ngo',
  'housing',
  'social-insurance-zus',
  'local-government',
  'academia',
  'other',
] as const;
export type Sector = (typeof sectors)[number];

export const sectorLabels: Readonly<Record<Sector, Label>> = {
  'social-assistance': { pl: 'Pomoc społeczna', en: 'Social assistance' },
  education: { pl: 'Edukacja', en: 'Education' },
  health: { pl: 'Ochrona zdrowia', en: 'Health care' },
  police: { pl: 'Policja', en: 'Police' },
  'courts-probation': { pl: 'Sądownictwo i kuratela', en: 'Courts and probation' },
  'labour-office': { pl: 'Urząd pracy', en: 'Labour office' },
  culture: { pl: 'Kultura', en: 'Culture' },
  sport: { pl: 'Sport', en: 'Sport' },
  ngo: { pl: 'Organizacje pozarządowe', en: 'Non-governmental organisations' },
  housing: { pl: 'Mieszkalnictwo', en: 'Housing' },
  'social-insurance-zus': { pl: 'Ubezpieczenia społeczne (ZUS)', en: 'Social insurance (ZUS)' },
  'local-government': { pl: 'Samorząd terytorialny', en: 'Local government' },
  academia: { pl: 'Nauka (uczelnie)', en: 'Academia' },
  other: { pl: 'Inny', en: 'Other' },
};

export const memberRoles = ['chair', 'vice-chair', 'secretary', 'coordinator', 'member', 'client'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberRoleLabels: Readonly<Record<MemberRole, Label>> = {
  chair: { pl: 'Przewodniczący', en: 'Chair' },
  'vice-chair': { pl: 'Wiceprzewodniczący', en: 'Vice-chair' },
  secretary: { pl: 'Sekretarz', en: 'Secretary' },
  coordinator: { pl: 'Koordynator', en: 'Coordinator' },
  member: { pl: 'Członek', en: 'Member' },
  client: { pl: 'Klient (osoba lub rodzina)', en: 'Client (person or family)' },
};

export const leaveReasons = [
  'resigned',
  'recalled',
  'changed-job',
  'institution-withdrew',
  'term-ended',
  'case-closed',
  'other',
] as const;
export type LeaveReason = (typeof leaveReasons)[number];

export const leaveReasonLabels: Readonly<Record<LeaveReason, Label>> = {
  resigned: { pl: 'Rezygnacja', en: 'Resigned' },
  recalled: { pl: 'Odwołanie', en: 'Recalled' },
  'changed-job': { pl: 'Zmiana miejsca pracy', en: 'Changed job' },
  'institution-withdrew': { pl: 'Wycofanie się instytucji', en: 'Institution withdrew' },
  'term-ended': { pl: 'Zakończenie udziału', en: 'Term ended' },
  'case-closed': { pl: 'Zamknięcie sprawy', en: 'Case closed' },
  other: { pl: 'Inny powód', en: 'Other reason' },
};

/** The 16 voivodeships by their TERYT code; names are lower-case Polish, as in TenantInfo. */
export const voivodeshipsByTerytCode: Readonly<Record<string, string>> = {
  '02': 'dolnośląskie',
  '04': 'kujawsko-pomorskie',
  '06': 'lubelskie',
  '08': 'lubuskie',
  '10': 'łódzkie',
  '12': 'małopolskie',
  '14': 'mazowieckie',
  '16': 'opolskie',
  '18': 'podkarpackie',
  '20': 'podlaskie',
  '22': 'pomorskie',
  '24': 'śląskie',
  '26': 'świętokrzyskie',
  '28': 'warmińsko-mazurskie',
  '30': 'wielkopolskie',
  '32': 'zachodniopomorskie',
};

/** A body's expected size as the seeds state it. Reported against, never enforced. */
export interface SizeNorm {
  readonly members: number;
  /** True for "ok. 7" (about seven), false for an exact number. */
  readonly approximate: boolean;
  /** Length of one meeting in days. */
  readonly meetingDays: number;
  readonly source: string;
}

export const sizeNorms: Readonly<Partial<Record<GroupKind, SizeNorm>>> = {
  PGR: { members: 7, approximate: true, meetingDays: 2, source: 'seed 003 (macroregion II): "ok. 7 przedstawicieli"' },
  PGD: { members: 15, approximate: false, meetingDays: 1, source: 'seed 003 (macroregion II): "15 osób"' },
  RGR: {
    members: 20,
    approximate: true,
    meetingDays: 1,
    source: 'seed 003 (macroregion II): "ok. 20 przedstawicieli"',
  },
};
