// The parts of the API's answers the dashboard reads (see /api/docs-json).
export interface Me {
  readonly sub: string;
  readonly role: string;
  readonly tenantId: string | null;
}

export interface ComparisonTenant {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly freshness: { readonly position: string | null; readonly recordedAt: string | null };
}

export interface IndicatorRow {
  readonly tenantId: string;
  readonly target: number | null;
  readonly actual: number | null;
  readonly percent: number | null;
  readonly basis?: string | null;
}

export interface Indicator {
  readonly code: string;
  readonly labelPl: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly decimals: number;
  readonly rows: readonly IndicatorRow[];
}

export interface SeriesPoint {
  readonly code: string;
  readonly tenantId: string;
  readonly quarter: string;
  readonly value: number;
  readonly target: number | null;
}

export interface Comparison {
  readonly asOf: string;
  readonly asOfKind: 'business' | 'record';
  readonly tenants: readonly ComparisonTenant[];
  readonly indicators: readonly Indicator[];
  readonly series: readonly SeriesPoint[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface Municipality {
  readonly teryt: string;
  readonly kind: string;
  readonly name: string | null;
  readonly type: string | null;
  readonly status: string;
  readonly voivodeship: string | null;
  readonly agreement: { readonly signedOn: string } | null;
  readonly pilotSiteOn: string | null;
}

export interface GroupListItem {
  readonly groupId: string;
  readonly name: string;
  readonly kind: string;
  readonly level: string;
  readonly territory: string | null;
  readonly status: string;
  readonly size: { readonly members: number; readonly norm: number | null };
  readonly meetingCount: number;
}

export interface Composition {
  readonly groupId: string;
  readonly name: string;
  readonly asOf: string;
  readonly existedOn: boolean;
  readonly size: { readonly members: number; readonly norm: number | null };
  readonly members: readonly {
    readonly personId: string;
    readonly role: string;
    readonly joinedOn: string;
    readonly leftOn: string | null;
    readonly sector: string | null;
    readonly institution: string | null;
    readonly fullName: string | null;
  }[];
}

export interface DecisionItem {
  readonly decisionId: string;
  readonly body: { readonly name: string; readonly kind: string } | null;
  readonly subject: string;
  readonly status: string;
  readonly decisionDate: string | null;
  readonly proposedOn: string;
}

export interface SiteProgress {
  readonly teryt: string;
  readonly voivodeship: string;
  readonly cases: { readonly enrolled: number; readonly active: number; readonly closed: number };
  readonly plans: { readonly agreed: number; readonly completed: number; readonly successRate: number | null };
  readonly caseTeamMeetings: number;
  readonly supportHours: number;
}

export interface HistoryEvent {
  readonly revision: number;
  readonly type: string;
  readonly storedType?: string;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: { readonly sub: string; readonly role: string } | null;
  readonly source?: string | null;
}

export interface History {
  readonly events: readonly HistoryEvent[];
}
