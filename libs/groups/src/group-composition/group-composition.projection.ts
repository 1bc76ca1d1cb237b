import {
  ERASED_LABEL,
  PERSONAL_DATA_ERASED,
  type Projection,
  type ProjectionBatch,
  type RecordedEvent,
} from '@kooperacja/platform';
import { groupEventCatalogue } from '../group/group.catalogue';
import type { GroupEvent } from '../group/group.events';
import { evolveGroup, initialGroupState, type ExistingGroup, type GroupState } from '../group/group.state';
import {
  GROUP_COLUMNS,
  GroupChanges,
  MEETING_COLUMNS,
  MEETING_KEY,
  MEMBERSHIP_COLUMNS,
  MEMBERSHIP_KEY,
  stateOf,
  type GroupRowData,
  type MeetingRowData,
  type MembershipRowData,
} from './group-composition.rows';
import { deleteRows, upsertRows } from './group-composition.sql';
import { GroupStateCache } from './group-state-cache';

/** Base names of the tables (each read through a view of that name over the active version). */
export const GROUP_COMPOSITION_TABLES = {
  groups: 'rm_groups',
  memberships: 'rm_group_memberships',
  people: 'rm_group_member_people',
  meetings: 'rm_group_meetings',
} as const;

const T = GROUP_COMPOSITION_TABLES;

/**
 * Group composition at any date. The rows are the group's record, less personal data:
 *
 * - `rm_groups`: one row per body; `revision` and `last_event_id` name the last event of its
 *   stream applied (an event at or below that revision is a replay and changes nothing);
 * - `rm_group_memberships`: one row per membership and role spell (`spell` numbers the spells
 *   of a membership), valid `valid_from`..`valid_to` inclusive (null: still open); a spell
 *   taken over on its first day by another has an empty interval and never shows;
 * - `rm_group_member_people`: the personal fields, one row per (tenant, person), so erasing a
 *   person's data is deleting one row;
 * - `rm_group_meetings`: one row per meeting.
 *
 * On `privacy.PersonalDataErased.v1` the person's values become the erased marker, as a rebuild
 * would show them once their key is gone (in log order, so nothing read before erasure survives).
 *
 * A batch folds each touched group's new events onto its state with the decider's own `evolve`
 * (so corrections mean here what they mean on the write side) and writes only the rows that
 * changed, one statement per table and kind of change.
 */
export const groupCompositionProjection: Projection = {
  name: 'group-composition',
  handles: [...groupEventCatalogue.definitions().map((d) => d.storedName), PERSONAL_DATA_ERASED],
  tables: Object.values(T),

  ddl: (t) => [
    `CREATE TABLE ${t(T.groups)} (
       tenant_id text NOT NULL, group_id uuid NOT NULL, kind text NOT NULL, label text, level text NOT NULL,
       territory text NOT NULL, voivodeship text NOT NULL, name text NOT NULL, convened_on date NOT NULL,
       status text NOT NULL, dissolved_on date, revision int NOT NULL, last_event_id uuid NOT NULL,
       PRIMARY KEY (tenant_id, group_id))`,
    `CREATE INDEX ${t(T.groups)}_kind_level ON ${t(T.groups)} (tenant_id, kind, level)`,
    `CREATE TABLE ${t(T.memberships)} (
       tenant_id text NOT NULL, group_id uuid NOT NULL, person_id uuid NOT NULL, joined_on date NOT NULL,
       spell int NOT NULL, valid_from date NOT NULL, valid_to date, role text NOT NULL,
       sector text, institution text, case_id uuid, left_on date, leave_reason text,
       PRIMARY KEY (tenant_id, group_id, person_id, joined_on, spell))`,
    `CREATE INDEX ${t(T.memberships)}_person ON ${t(T.memberships)} (tenant_id, person_id)`,
    `CREATE TABLE ${t(T.people)} (
       tenant_id text NOT NULL, person_id uuid NOT NULL, full_name text, email text, phone text,
       PRIMARY KEY (tenant_id, person_id))`,
    `CREATE TABLE ${t(T.meetings)} (
       tenant_id text NOT NULL, group_id uuid NOT NULL, meeting_id uuid NOT NULL, seq int NOT NULL,
       held_on date NOT NULL, days int NOT NULL, attendance_kind text NOT NULL, attendee_count int NOT NULL,
       attendee_ids uuid[], client_present boolean,
       PRIMARY KEY (tenant_id, group_id, meeting_id))`,
  ],

  async apply(all: readonly RecordedEvent[], batch: ProjectionBatch) {
    const events = all.filter((e) => e.type !== PERSONAL_DATA_ERASED);
    const erased = all.filter((e) => e.type === PERSONAL_DATA_ERASED).map((e) => e.data as { subjectId: string });
    const byGroup = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      const groupId = String((e.data as { groupId: string }).groupId).toLowerCase();
      const list = byGroup.get(groupId);
      if (list) list.push(e);
      else byGroup.set(groupId, [e]);
    }
    const stored = await readStates(batch, [...byGroup.keys()]);

    const changes = new GroupChanges();
    const people = new Map<string, PersonPatch>();
    const written: [string, { state: ExistingGroup; revision: number; lastEventId: string }][] = [];
    for (const [groupId, groupEvents] of byGroup) {
      const before = stored.get(groupId);
      let state: GroupState = before?.state ?? initialGroupState();
      let revision = before?.revision ?? -1;
      let lastEventId = before?.lastEventId ?? '';
      for (const e of groupEvents) {
        if (e.revision <= revision) continue; // applied before: a replay changes nothing
        const event = groupEventCatalogue.toDomain(e.type, e.data);
        state = evolveGroup(state, event);
        revision = e.revision;
        lastEventId = e.id;
        collectPersonalData(event, people);
      }
      if (state.status === 'none' || revision === (before?.revision ?? -1)) continue;
      changes.compare(before?.state, state, revision, lastEventId);
      written.push([groupId, { state, revision, lastEventId }]);
    }

    const { client, tenantId } = batch;
    await upsertRows(client, batch.table(T.groups), tenantId, changes.groups, GROUP_COLUMNS, ['group_id']);
    const t = batch.table(T.memberships);
    await deleteRows(client, t, tenantId, changes.memberships.removed(), MEMBERSHIP_COLUMNS, MEMBERSHIP_KEY);
    await upsertRows(client, t, tenantId, changes.memberships.upserted(), MEMBERSHIP_COLUMNS, MEMBERSHIP_KEY);
    const m = batch.table(T.meetings);
    await deleteRows(client, m, tenantId, changes.meetings.removed(), MEETING_COLUMNS, MEETING_KEY);
    await upsertRows(client, m, tenantId, changes.meetings.upserted(), MEETING_COLUMNS, MEETING_KEY);
    if (people.size > 0) await upsertPeople(client, batch.table(T.people), tenantId, people);
    // After this batch's own events: erasure is always later in the log than what it erases.
    if (erased.length > 0) await erasePeople(client, batch.table(T.people), tenantId, erased);
    for (const [groupId, entry] of written) cache.set(batch.table(T.groups), tenantId, groupId, entry);
  },
};

const cache = new GroupStateCache();

interface StoredState {
  readonly state: ExistingGroup;
  readonly revision: number;
  readonly lastEventId: string;
}

/** The touched groups' states: from the cache when it still matches the table, else from the rows. */
async function readStates(batch: ProjectionBatch, groupIds: readonly string[]): Promise<Map<string, StoredState>> {
  const { client, tenantId } = batch;
  const table = batch.table(T.groups);
  const { rows: groups } = await client.query<GroupRowData>(
    `SELECT ${GROUP_COLUMNS.selectList()} FROM ${table} WHERE tenant_id = $1 AND group_id = ANY($2::uuid[])`,
    [tenantId, groupIds],
  );
  const states = new Map<string, StoredState>();
  const missed: GroupRowData[] = [];
  for (const g of groups) {
    const state = cache.get(table, tenantId, g.group_id, g.revision, g.last_event_id);
    if (state) states.set(g.group_id, { state, revision: g.revision, lastEventId: g.last_event_id });
    else missed.push(g);
  }
  if (missed.length === 0) return states;

  const ids = missed.map((g) => g.group_id);
  const { rows: memberships } = await client.query<MembershipRowData>(
    `SELECT ${MEMBERSHIP_COLUMNS.selectList()} FROM ${batch.table(T.memberships)}
      WHERE tenant_id = $1 AND group_id = ANY($2::uuid[]) ORDER BY group_id, joined_on, person_id, spell`,
    [tenantId, ids],
  );
  const { rows: meetings } = await client.query<MeetingRowData>(
    `SELECT ${MEETING_COLUMNS.selectList()} FROM ${batch.table(T.meetings)}
      WHERE tenant_id = $1 AND group_id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  const membershipsOf = groupBy(memberships);
  const meetingsOf = groupBy(meetings);
  for (const g of missed) {
    states.set(g.group_id, {
      state: stateOf(g, membershipsOf.get(g.group_id) ?? [], meetingsOf.get(g.group_id) ?? []),
      revision: g.revision,
      lastEventId: g.last_event_id,
    });
  }
  return states;
}

function groupBy<R extends { group_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.group_id);
    if (list) list.push(r);
    else out.set(r.group_id, [r]);
  }
  return out;
}

// --- personal data ------------------------------------------------------------------------

/** A person's data as a batch leaves it: `undefined` keeps what is stored, `null` removes it. */
interface PersonPatch {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
}

function collectPersonalData(event: GroupEvent, people: Map<string, PersonPatch>): void {
  if (event.type !== 'MemberJoined' && event.type !== 'MemberDetailsCorrected') return;
  const { personId, fullName, email, phone } = event.data;
  if (event.type === 'MemberJoined' && fullName === undefined) return; // a client: never named
  const patch: PersonPatch = { ...people.get(personId) };
  if (fullName !== undefined) patch.fullName = fullName;
  if (email !== undefined) patch.email = email;
  if (phone !== undefined) patch.phone = phone;
  if (Object.keys(patch).length > 0) people.set(personId, patch);
}

async function upsertPeople(
  client: ProjectionBatch['client'],
  table: string,
  tenantId: string,
  people: Map<string, PersonPatch>,
): Promise<void> {
  const rows = [...people].map(([personId, p]) => ({
    person_id: personId,
    full_name: p.fullName ?? null,
    email: p.email ?? null,
    set_email: p.email !== undefined,
    phone: p.phone ?? null,
    set_phone: p.phone !== undefined,
  }));
  await client.query(
    `INSERT INTO ${table} (tenant_id, person_id, full_name, email, phone)
     SELECT $1, x.person_id, COALESCE(x.full_name, cur.full_name),
            CASE WHEN x.set_email THEN x.email ELSE cur.email END,
            CASE WHEN x.set_phone THEN x.phone ELSE cur.phone END
       FROM jsonb_to_recordset($2::jsonb)
         AS x(person_id uuid, full_name text, email text, set_email boolean, phone text, set_phone boolean)
       LEFT JOIN ${table} cur ON cur.tenant_id = $1 AND cur.person_id = x.person_id
     ON CONFLICT (tenant_id, person_id) DO UPDATE
       SET full_name = EXCLUDED.full_name, email = EXCLUDED.email, phone = EXCLUDED.phone`,
    [tenantId, JSON.stringify(rows)],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every value held becomes the erased marker, as the events now read; absent values stay absent. */
async function erasePeople(
  client: ProjectionBatch['client'],
  table: string,
  tenantId: string,
  erased: readonly { subjectId: string }[],
): Promise<void> {
  const ids = erased.map((e) => e.subjectId).filter((id) => UUID.test(id));
  if (ids.length === 0) return;
  const marker = (column: string) => `${column} = CASE WHEN ${column} IS NULL THEN NULL ELSE $3 END`;
  await client.query(
    `UPDATE ${table} SET ${['full_name', 'email', 'phone'].map(marker).join(', ')}
      WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
    [tenantId, ids, ERASED_LABEL],
  );
}
