import type { ChunkWriter, Timeline } from './chunk-writer';
import { addDays, daysBetween, dayIn, maxDay, spread } from './days';
import type { Random } from './prng';

// Ranks order facts of the same day: a body is convened before anyone joins, members join
// before meeting, a decision is proposed before it is adopted, and leaving comes last.
export const RANK = { convene: 0, join: 1, meeting: 2, propose: 3, decide: 4, leave: 5, dissolve: 6 } as const;

export type Sector =
  | 'social-assistance'
  | 'education'
  | 'health'
  | 'police'
  | 'courts-probation'
  | 'labour-office'
  | 'culture'
  | 'sport'
  | 'ngo'
  | 'housing'
  | 'social-insurance-zus'
  | 'local-government'
  | 'academia';

/** The institution a member of a given sector comes from, in the words a region would use. */
export const INSTITUTION_OF_SECTOR: Readonly<Record<Sector, string>> = {
  'social-assistance': 'Ośrodek Pomocy Społecznej',
  education: 'Szkoła Podstawowa',
  health: 'Samodzielny Publiczny Zakład Opieki Zdrowotnej',
  police: 'Komisariat Policji',
  'courts-probation': 'Zespół Kuratorskiej Służby Sądowej',
  'labour-office': 'Powiatowy Urząd Pracy',
  culture: 'Gminny Ośrodek Kultury',
  sport: 'Ośrodek Sportu i Rekreacji',
  ngo: 'Stowarzyszenie na rzecz Rodzin',
  housing: 'Zakład Gospodarki Mieszkaniowej',
  'social-insurance-zus': 'Inspektorat ZUS',
  'local-government': 'Urząd Gminy',
  academia: 'Uczelnia (zespół badawczy)',
};

/** How often each sector sits in a local partnership besides social assistance. */
export const PARTNER_SECTORS: readonly (readonly [Sector, number])[] = [
  ['education', 18],
  ['health', 14],
  ['police', 12],
  ['courts-probation', 10],
  ['labour-office', 12],
  ['ngo', 10],
  ['culture', 5],
  ['sport', 3],
  ['housing', 5],
  ['social-insurance-zus', 3],
  ['local-government', 8],
];

export interface Member {
  readonly personId: string;
  readonly joinedOn: string;
  readonly leftOn?: string;
  readonly client?: boolean;
}

export const isMemberOn = (m: Member, day: string) => m.joinedOn <= day && (m.leftOn === undefined || m.leftOn >= day);

export interface BodySpec {
  /** Local name in ids and fact ids, e.g. `g1446012-pzk`. */
  readonly local: string;
  readonly kind: 'PGR' | 'PGD' | 'RGR' | 'implementation-team' | 'PZK' | 'GGK';
  readonly level: 'gmina' | 'powiat' | 'voivodeship';
  readonly territory: string;
  readonly name: string;
  readonly convenedOn: string;
  /** Last day a meeting may be held on. */
  readonly activeUntil: string;
  readonly members: number;
  /** Who the members are: the first is the coordinator (or chair). */
  readonly sectors: (rng: Random, index: number) => Sector;
  readonly institution: (sector: Sector) => string;
  readonly leaderRole: 'coordinator' | 'chair';
  readonly meetings: number;
  readonly meetingDays: 1 | 2;
  readonly decisions: readonly string[];
  /** Person names: 'Osoba Syntetyczna <personPrefix>-<n>'. */
  readonly personPrefix: string;
  /** Case teams record whether the client came. */
  readonly clientPresence?: number;
  readonly dissolveOn?: string;
}

export interface Body {
  readonly groupId: string;
  readonly members: readonly Member[];
  readonly meetingDays: readonly string[];
}

/**
 * A standing body with its members, meetings and decisions. Attendance and votes are drawn
 * from the members on the day, so every fact is one the groups and decisions rules accept.
 */
export function writeBody(w: ChunkWriter, t: Timeline, spec: BodySpec): Body {
  const { rng } = w;
  const groupId = w.id(spec.local);
  t.at(
    spec.convenedOn,
    RANK.convene,
    w.fact(`${spec.local}-convene`, 'groups.convene-group', spec.convenedOn, {
      groupId,
      kind: spec.kind,
      level: spec.level,
      territory: spec.territory,
      name: spec.name,
    }),
  );

  const lastJoin = maxDay(spec.convenedOn, addDays(spec.activeUntil, -30));
  const members: Member[] = [];
  for (let k = 0; k < spec.members; k++) {
    const personId = w.id(`${spec.local}-p${k}`);
    const late = k >= Math.ceil(spec.members * 0.75);
    const joinedOn = late ? dayIn(rng, addDays(spec.convenedOn, 14), addDays(spec.convenedOn, 120)) : spec.convenedOn;
    const joined = joinedOn > lastJoin ? spec.convenedOn : joinedOn;
    const leaves = k > 0 && daysBetween(joined, spec.activeUntil) > 90 && rng.chance(0.08);
    const leftOn = leaves ? dayIn(rng, addDays(joined, 60), addDays(spec.activeUntil, -10)) : undefined;
    const sector = spec.sectors(rng, k);
    const role = k === 0 ? spec.leaderRole : k === 1 && spec.members > 4 ? 'secretary' : 'member';
    members.push({ personId, joinedOn: joined, ...(leftOn ? { leftOn } : {}) });
    t.at(
      joined,
      RANK.join,
      w.fact(`${spec.local}-p${k}-join`, 'groups.join-member', joined, {
        groupId,
        personId,
        fullName: `Osoba Syntetyczna ${spec.personPrefix}-${String(k + 1).padStart(2, '0')}`,
        institution: spec.institution(sector),
        sector,
        role,
      }),
    );
    if (leftOn) {
      t.at(
        leftOn,
        RANK.leave,
        w.fact(`${spec.local}-p${k}-leave`, 'groups.leave-group', leftOn, {
          groupId,
          personId,
          reason: rng.pick(['changed-job', 'resigned', 'recalled'] as const),
        }),
      );
    }
  }

  const meetingDays = spread(rng, addDays(spec.convenedOn, 7), spec.activeUntil, spec.meetings);
  const attendance: string[][] = [];
  meetingDays.forEach((day, k) => {
    const present = members.filter((m) => isMemberOn(m, day) && (m === members[0] || rng.chance(0.8)));
    const personIds = (present.length ? present : members.filter((m) => isMemberOn(m, day))).map((m) => m.personId);
    attendance.push(personIds);
    const clientPresent = spec.clientPresence === undefined ? {} : { clientPresent: rng.chance(spec.clientPresence) };
    t.at(
      day,
      RANK.meeting,
      w.fact(`${spec.local}-m${k}`, 'groups.hold-meeting', day, {
        groupId,
        meetingId: w.id(`${spec.local}-m${k}`),
        days: spec.meetingDays,
        attendance: { kind: 'members', personIds },
        ...clientPresent,
      }),
    );
  });

  spec.decisions.forEach((subject, k) => {
    if (meetingDays.length === 0) return;
    const index = Math.min(
      meetingDays.length - 1,
      Math.floor(((k + 0.5) * meetingDays.length) / spec.decisions.length),
    );
    writeDecision(w, t, {
      local: `${spec.local}-d${k}`,
      groupId,
      day: meetingDays[index],
      subject,
      text: `${subject}: treść uchwalona na posiedzeniu (dane syntetyczne).`,
      present: attendance[index].length,
    });
  });

  if (spec.dissolveOn) {
    t.at(
      spec.dissolveOn,
      RANK.dissolve,
      w.fact(`${spec.local}-dissolve`, 'groups.dissolve-group', spec.dissolveOn, { groupId }),
    );
  }
  return { groupId, members, meetingDays };
}

/** A proposal put to the body and decided the same day: by consensus, or by a vote of those present. */
export function writeDecision(
  w: ChunkWriter,
  t: Timeline,
  d: { local: string; groupId: string; day: string; subject: string; text: string; present: number },
): void {
  const { rng } = w;
  const decisionId = w.id(d.local);
  t.at(
    d.day,
    RANK.propose,
    w.fact(`${d.local}-propose`, 'decisions.propose-decision', d.day, {
      groupId: d.groupId,
      decisionId,
      subject: d.subject,
      text: d.text,
    }),
  );
  const voters = Math.max(1, d.present);
  const rejected = voters >= 3 && rng.chance(0.06);
  if (!rejected && (voters < 3 || rng.chance(0.65))) {
    t.at(
      d.day,
      RANK.decide,
      w.fact(`${d.local}-adopt`, 'decisions.adopt-decision', d.day, { decisionId, outcome: { kind: 'consensus' } }),
    );
    return;
  }
  if (rejected) {
    const against = rng.int(Math.ceil(voters / 2), voters);
    const inFavour = rng.int(0, Math.min(against, voters - against));
    t.at(
      d.day,
      RANK.decide,
      w.fact(`${d.local}-reject`, 'decisions.reject-decision', d.day, {
        decisionId,
        outcome: { kind: 'vote', for: inFavour, against, abstaining: voters - against - inFavour },
      }),
    );
    return;
  }
  const inFavour = rng.int(Math.floor(voters / 2) + 1, voters);
  const against = rng.int(0, Math.min(inFavour - 1, voters - inFavour));
  t.at(
    d.day,
    RANK.decide,
    w.fact(`${d.local}-adopt`, 'decisions.adopt-decision', d.day, {
      decisionId,
      outcome: { kind: 'vote', for: inFavour, against, abstaining: voters - inFavour - against },
    }),
  );
}
