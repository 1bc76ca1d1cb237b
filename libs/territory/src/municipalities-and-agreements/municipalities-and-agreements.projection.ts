import type { Projection, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';
import { voivodeshipOfTeryt } from '../contracts/voivodeships';
import { municipalityCatalogue } from '../municipality/municipality.catalogue';
import type { MunicipalityEvent } from '../municipality/municipality.events';
import { powiatCatalogue } from '../powiat/powiat.catalogue';
import type { PowiatEvent } from '../powiat/powiat.events';

export const MUNICIPALITIES_TABLE = 'rm_territory_municipalities';

/** A row's columns as one batch contributes them; null means "this batch says nothing about it". */
interface Patch {
  teryt: string;
  kind: 'gmina' | 'powiat';
  voivodeship: string | null;
  name: string | null;
  type: string | null;
  powiat: string | null;
  powiat_teryt: string;
  type_exception_reason: string | null;
  invited_on: string | null;
  declared_on: string | null;
  declaration_ref: string | null;
  agreement_signed_on: string | null;
  agreement_ref: string | null;
  pilot_site_on: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  revision: number;
  updated_at: string;
}

const COLUMNS: readonly (keyof Patch)[] = [
  'teryt',
  'kind',
  'voivodeship',
  'name',
  'type',
  'powiat',
  'powiat_teryt',
  'type_exception_reason',
  'invited_on',
  'declared_on',
  'declaration_ref',
  'agreement_signed_on',
  'agreement_ref',
  'pilot_site_on',
  'withdrawn_on',
  'withdrawal_reason',
  'revision',
  'updated_at',
];

const RECORD_TYPES = `teryt text, kind text, voivodeship text, name text, type text, powiat text, powiat_teryt text,
  type_exception_reason text, invited_on date, declared_on date, declaration_ref text, agreement_signed_on date,
  agreement_ref text, pilot_site_on date, withdrawn_on date, withdrawal_reason text, revision integer,
  updated_at timestamptz`;

/**
 * "Municipalities and their agreements": one row per gmina and per powiat of the tenant with its
 * status, type, powiat, voivodeship, TERYT, the date of each step and the agreement reference.
 *
 * Each step writes its own columns and happens at most once per gmina (the deciders see to it),
 * so a batch folds into one patch per TERYT code and lands in one upsert that keeps what the
 * patch leaves null. Applying a batch again writes the same values: replays change nothing.
 * `status` is derived from the dates by the table itself.
 */
export const municipalitiesAndAgreementsProjection: Projection = {
  name: 'territory-municipalities',
  handles: [
    ...municipalityCatalogue.definitions().map((d) => d.storedName),
    ...powiatCatalogue.definitions().map((d) => d.storedName),
  ],
  tables: [MUNICIPALITIES_TABLE],
  ddl: (t) => [
    `CREATE TABLE ${t(MUNICIPALITIES_TABLE)} (
       tenant_id text NOT NULL,
       teryt text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('gmina', 'powiat')),
       voivodeship text,
       name text,
       type text,
       powiat text,
       powiat_teryt text,
       type_exception_reason text,
       invited_on date,
       declared_on date,
       declaration_ref text,
       agreement_signed_on date,
       agreement_ref text,
       pilot_site_on date,
       withdrawn_on date,
       withdrawal_reason text,
       status text NOT NULL GENERATED ALWAYS AS (
         CASE WHEN withdrawn_on IS NOT NULL THEN 'withdrawn'
              WHEN pilot_site_on IS NOT NULL THEN 'pilot-site'
              WHEN agreement_signed_on IS NOT NULL THEN 'under-agreement'
              WHEN declared_on IS NOT NULL THEN 'declared'
              ELSE 'invited' END) STORED,
       revision integer NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, teryt))`,
    `CREATE INDEX ON ${t(MUNICIPALITIES_TABLE)} (tenant_id, voivodeship, status)`,
    `CREATE INDEX ON ${t(MUNICIPALITIES_TABLE)} (tenant_id, status)`,
  ],

  async apply(events: readonly RecordedEvent[], batch: ProjectionBatch): Promise<void> {
    const patches = new Map<string, Patch>();
    for (const e of events) {
      const gmina = municipalityCatalogue.knows(e.type);
      const event = gmina ? municipalityCatalogue.toDomain(e.type, e.data) : powiatCatalogue.toDomain(e.type, e.data);
      const teryt = event.data.teryt;
      const patch = patches.get(teryt) ?? emptyPatch(teryt, gmina ? 'gmina' : 'powiat', e);
      apply(patch, event);
      patch.revision = Math.max(patch.revision, e.revision);
      if (e.recordedAt.toISOString() > patch.updated_at) patch.updated_at = e.recordedAt.toISOString();
      patches.set(teryt, patch);
    }
    if (patches.size === 0) return;
    const t = batch.table(MUNICIPALITIES_TABLE);
    const kept = COLUMNS.filter((c) => !['teryt', 'kind', 'revision', 'updated_at'].includes(c));
    await batch.client.query(
      `INSERT INTO ${t} AS m (tenant_id, ${COLUMNS.join(', ')})
       SELECT $1, ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${RECORD_TYPES})
       ON CONFLICT (tenant_id, teryt) DO UPDATE SET
         ${kept.map((c) => `${c} = coalesce(EXCLUDED.${c}, m.${c})`).join(',\n         ')},
         revision = greatest(m.revision, EXCLUDED.revision),
         updated_at = greatest(m.updated_at, EXCLUDED.updated_at)`,
      [batch.tenantId, JSON.stringify([...patches.values()])],
    );
  },
};

function emptyPatch(teryt: string, kind: Patch['kind'], e: RecordedEvent): Patch {
  return {
    teryt,
    kind,
    voivodeship: voivodeshipOfTeryt(teryt),
    name: null,
    type: null,
    powiat: null,
    powiat_teryt: teryt.slice(0, 4),
    type_exception_reason: null,
    invited_on: null,
    declared_on: null,
    declaration_ref: null,
    agreement_signed_on: null,
    agreement_ref: null,
    pilot_site_on: null,
    withdrawn_on: null,
    withdrawal_reason: null,
    revision: e.revision,
    updated_at: e.recordedAt.toISOString(),
  };
}

function apply(patch: Patch, event: MunicipalityEvent | PowiatEvent): void {
  switch (event.type) {
    case 'MunicipalityInvited': {
      const d = event.data;
      Object.assign(patch, {
        name: d.name,
        type: d.type,
        powiat: d.powiat,
        voivodeship: d.voivodeship,
        type_exception_reason: d.typeException?.reason ?? null,
        invited_on: d.invitedOn,
      });
      return;
    }
    case 'ParticipationDeclared':
      Object.assign(patch, { declared_on: event.data.declaredOn, declaration_ref: event.data.declarationRef });
      return;
    case 'CooperationAgreementSigned':
    case 'PowiatAgreementSigned':
      Object.assign(patch, { agreement_signed_on: event.data.signedOn, agreement_ref: event.data.agreementRef });
      return;
    case 'PilotSiteRecruited':
      patch.pilot_site_on = event.data.recruitedOn;
      return;
    case 'MunicipalityWithdrew':
      Object.assign(patch, { withdrawn_on: event.data.withdrawnOn, withdrawal_reason: event.data.reason });
      return;
    case 'PowiatInvited': {
      const d = event.data;
      Object.assign(patch, { name: d.name, powiat: d.name, voivodeship: d.voivodeship, invited_on: d.invitedOn });
      return;
    }
  }
}
