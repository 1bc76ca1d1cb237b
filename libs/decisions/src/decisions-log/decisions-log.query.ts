import { inTenant } from '@kooperacja/platform';
import { In, type DataSource } from 'typeorm';
import type { DecisionOutcome, DecisionStatus } from '../contracts/read-model';
import { DecisionBodyRow, DecisionRow } from './decisions-log.entity';

export interface DecisionsLogFilter {
  readonly groupId?: string;
  /** Case-insensitive "contains". */
  readonly subject?: string;
  /** Inclusive bounds on the decision's day (the proposal's while undecided). */
  readonly from?: string;
  readonly to?: string;
  readonly status?: DecisionStatus;
  readonly page: number;
  readonly pageSize: number;
}

export interface DecisionsLogItem {
  readonly decisionId: string;
  readonly groupId: string;
  readonly body: {
    readonly name: string | null;
    readonly kind: string | null;
    readonly voivodeship: string | null;
  } | null;
  readonly subject: string;
  readonly status: DecisionStatus;
  readonly decisionDate: string;
  readonly proposedOn: string;
  readonly decidedOn: string | null;
  readonly effectiveOn: string | null;
  readonly revokedOn: string | null;
  readonly outcome: DecisionOutcome | null;
  readonly amendmentCount: number;
}

export interface DecisionsLogPage {
  readonly items: DecisionsLogItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The decisions log, newest first, from the decisions-log read model. */
export class DecisionsLogQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string, filter: DecisionsLogFilter): Promise<DecisionsLogPage> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const q = em.createQueryBuilder(DecisionRow, 'd').where('d.tenantId = :tenantId', { tenantId });
      if (filter.groupId) q.andWhere('d.groupId = :groupId', { groupId: filter.groupId });
      if (filter.subject) {
        q.andWhere(`d.subject ILIKE :subject ESCAPE '\\'`, { subject: `%${escapeLike(filter.subject)}%` });
      }
      if (filter.from) q.andWhere('d.decisionDate >= :from', { from: filter.from });
      if (filter.to) q.andWhere('d.decisionDate <= :to', { to: filter.to });
      if (filter.status) q.andWhere('d.status = :status', { status: filter.status });
      const [rows, total] = await q
        .orderBy('d.decisionDate', 'DESC')
        .addOrderBy('d.decisionId', 'ASC')
        .skip((filter.page - 1) * filter.pageSize)
        .take(filter.pageSize)
        .getManyAndCount();
      const groupIds = [...new Set(rows.map((r) => r.groupId))];
      const bodies = groupIds.length
        ? await em.find(DecisionBodyRow, { where: { tenantId, groupId: In(groupIds) } })
        : [];
      const bodyOf = new Map(bodies.map((b) => [b.groupId, b]));
      return {
        items: rows.map((r) => {
          const body = bodyOf.get(r.groupId);
          return {
            decisionId: r.decisionId,
            groupId: r.groupId,
            body: body ? { name: body.name, kind: body.kind, voivodeship: body.voivodeship } : null,
            subject: r.subject,
            status: r.status,
            decisionDate: r.decisionDate,
            proposedOn: r.proposedOn,
            decidedOn: r.decidedOn,
            effectiveOn: r.effectiveOn,
            revokedOn: r.revokedOn,
            outcome: outcomeOf(r),
            amendmentCount: r.amendmentCount,
          };
        }),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    });
  }
}

function outcomeOf(r: DecisionRow): DecisionOutcome | null {
  if (r.outcomeKind === 'consensus') return { kind: 'consensus' };
  if (r.outcomeKind === 'vote') {
    return { kind: 'vote', for: r.votesFor ?? 0, against: r.votesAgainst ?? 0, abstaining: r.votesAbstaining ?? 0 };
  }
  return null;
}

/** The user's text is matched literally: `%`, `_` and `\` lose their LIKE meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
