import { inTenant, notFound } from '@kooperacja/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  sizeNorms,
  type GroupKind,
  type GroupLevel,
  type MemberRole,
  type Sector,
  type SizeNorm,
} from '../contracts/catalogues';
import { GroupRow, MeetingRow, MemberPersonRow, MembershipIntervalRow } from './group-composition.entity';

export interface ComposedMember {
  readonly personId: string;
  readonly role: MemberRole;
  readonly joinedOn: string;
  readonly leftOn: string | null;
  readonly sector: Sector | null;
  readonly institution: string | null;
  readonly caseId: string | null;
  /** Personal data (null for clients, and once erased). */
  readonly fullName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** How a body's size compares with the seeds' norm: reported, never enforced. */
export interface SizeAgainstNorm {
  readonly members: number;
  readonly norm: SizeNorm | null;
  /** members − norm (negative: smaller than the norm); null without a norm. */
  readonly difference: number | null;
}

export interface GroupSummary {
  readonly groupId: string;
  readonly name: string;
  readonly kind: GroupKind;
  readonly label: string | null;
  readonly level: GroupLevel;
  readonly territory: string;
  readonly voivodeship: string;
  readonly convenedOn: string;
  readonly status: 'convened' | 'dissolved';
  readonly dissolvedOn: string | null;
}

export interface CompositionAt extends GroupSummary {
  readonly asOf: string;
  /** True when the body existed that day (convened by then, not dissolved before). */
  readonly existedOn: boolean;
  readonly size: SizeAgainstNorm;
  readonly members: readonly ComposedMember[];
}

export interface GroupListItem extends GroupSummary {
  /** Members today (0 once dissolved). */
  readonly size: SizeAgainstNorm;
  readonly meetingCount: number;
  readonly lastMeetingOn: string | null;
}

export interface GroupListFilter {
  readonly kind?: GroupKind;
  readonly level?: GroupLevel;
  readonly page: number;
  readonly pageSize: number;
}

/** Group composition now and at any date, from the group-composition read model. */
export class GroupCompositionQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The members of a body on `asOf` (both the joining and the leaving day count). */
  async compositionAt(tenantId: string, groupId: string, asOf: string): Promise<CompositionAt> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const group = await em.findOne(GroupRow, { where: { tenantId, groupId } });
      if (!group) throw notFound('group.not-found', 'no such group has been convened (or it is not projected yet)');
      const existedOn = existed(group, asOf);
      const intervals = existedOn
        ? await em
            .createQueryBuilder(MembershipIntervalRow, 'm')
            .where('m.tenantId = :tenantId AND m.groupId = :groupId', { tenantId, groupId })
            .andWhere('m.validFrom <= :asOf AND (m.validTo IS NULL OR m.validTo >= :asOf)', { asOf })
            .orderBy('m.joinedOn')
            .addOrderBy('m.personId')
            .getMany()
        : [];
      const people = await peopleOf(
        em,
        tenantId,
        intervals.map((i) => i.personId),
      );
      return {
        ...summary(group),
        asOf,
        existedOn,
        size: againstNorm(group.kind, intervals.length),
        members: intervals.map((i) => ({
          personId: i.personId,
          role: i.role,
          joinedOn: i.joinedOn,
          leftOn: i.leftOn,
          sector: i.sector,
          institution: i.institution,
          caseId: i.caseId,
          fullName: people.get(i.personId)?.fullName ?? null,
          email: people.get(i.personId)?.email ?? null,
          phone: people.get(i.personId)?.phone ?? null,
        })),
      };
    });
  }

  /** The tenant's bodies with their size on `today` and how often they met. */
  async list(
    tenantId: string,
    filter: GroupListFilter,
    today: string,
  ): Promise<{ items: GroupListItem[]; total: number; page: number; pageSize: number }> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const [groups, total] = await em.findAndCount(GroupRow, {
        where: {
          tenantId,
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.level ? { level: filter.level } : {}),
        },
        order: { name: 'ASC', groupId: 'ASC' },
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      });
      const ids = groups.map((g) => g.groupId);
      const sizes = ids.length
        ? await em
            .createQueryBuilder(MembershipIntervalRow, 'm')
            .select('m.groupId', 'groupId')
            .addSelect('count(*)::int', 'members')
            .where('m.tenantId = :tenantId AND m.groupId IN (:...ids)', { tenantId, ids })
            .andWhere('m.validFrom <= :today AND (m.validTo IS NULL OR m.validTo >= :today)', { today })
            .groupBy('m.groupId')
            .getRawMany<{ groupId: string; members: number }>()
        : [];
      const meetings = ids.length
        ? await em
            .createQueryBuilder(MeetingRow, 'mt')
            .select('mt.groupId', 'groupId')
            .addSelect('count(*)::int', 'meetings')
            .addSelect('max(mt.heldOn)::text', 'last')
            .where('mt.tenantId = :tenantId AND mt.groupId IN (:...ids)', { tenantId, ids })
            .groupBy('mt.groupId')
            .getRawMany<{ groupId: string; meetings: number; last: string }>()
        : [];
      const sizeOf = new Map(sizes.map((s) => [s.groupId, s.members]));
      const meetingsOf = new Map(meetings.map((m) => [m.groupId, m]));
      return {
        items: groups.map((g) => ({
          ...summary(g),
          size: againstNorm(g.kind, existed(g, today) ? (sizeOf.get(g.groupId) ?? 0) : 0),
          meetingCount: meetingsOf.get(g.groupId)?.meetings ?? 0,
          lastMeetingOn: meetingsOf.get(g.groupId)?.last ?? null,
        })),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    });
  }
}

function existed(group: GroupRow, day: string): boolean {
  return group.convenedOn <= day && (group.dissolvedOn === null || day <= group.dissolvedOn);
}

function summary(g: GroupRow): GroupSummary {
  return {
    groupId: g.groupId,
    name: g.name,
    kind: g.kind,
    label: g.label,
    level: g.level,
    territory: g.territory,
    voivodeship: g.voivodeship,
    convenedOn: g.convenedOn,
    status: g.status,
    dissolvedOn: g.dissolvedOn,
  };
}

export function againstNorm(kind: GroupKind, members: number): SizeAgainstNorm {
  const norm = sizeNorms[kind] ?? null;
  return { members, norm, difference: norm ? members - norm.members : null };
}

async function peopleOf(em: EntityManager, tenantId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, MemberPersonRow>();
  const rows = await em.find(MemberPersonRow, { where: { tenantId, personId: In([...new Set(personIds)]) } });
  return new Map(rows.map((r) => [r.personId, r]));
}
