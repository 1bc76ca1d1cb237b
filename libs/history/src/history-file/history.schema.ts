import { HISTORY_COMMAND_NAMES, HISTORY_COMMANDS } from '../import/history-commands';
import { FACT_ID, MAX_FACT_ID } from './ids';
import { RESERVED_METADATA_KEYS } from './history-fact';

type JsonSchema = Readonly<Record<string, unknown>>;

const DAY = '^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+(Z|[+-]\\d{2}:\\d{2})?)?$';
const text: JsonSchema = { type: 'string', minLength: 1 };
const day: JsonSchema = { type: 'string', pattern: DAY };
const whole: JsonSchema = { type: 'integer' };
const amount: JsonSchema = { type: 'number', exclusiveMinimum: 0 };
const list: JsonSchema = { type: 'array' };
const object: JsonSchema = { type: 'object' };
const objectOrNull: JsonSchema = { type: ['object', 'null'] };
const textOrNull: JsonSchema = { type: ['string', 'null'] };
/** A uuid, or a reference the importer resolves: `id:<name>` (or `event:<fact id>`). */
const idOrReference: JsonSchema = {
  type: 'string',
  pattern:
    '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(id|event):[a-z0-9]+(-[a-z0-9]+)*)$',
};
const period: JsonSchema = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: day, end: day },
};
const money: JsonSchema = {
  type: 'object',
  required: ['grosze', 'currency'],
  additionalProperties: false,
  properties: { grosze: { type: 'string', pattern: '^(0|[1-9]\\d{0,17})$' }, currency: { const: 'PLN' } },
};

/**
 * The shape of every input field a command may take. Types only: the handlers keep the
 * business rules (and report a refusal with its code); the schema catches a malformed file early.
 */
const FIELDS: Readonly<Record<string, JsonSchema>> = {
  // programme
  projectTitle: text,
  leadPartnerId: text,
  partners: { type: 'array', minItems: 1, items: object },
  partner: object,
  partnerId: text,
  plannedPeriod: period,
  period,
  budget: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { total: money, euShare: money, targetedGrant: money },
  },
  source: text,
  reason: text,
  indicator: text,
  value: { type: 'integer', minimum: 0 },
  unit: text,
  milestone: whole,
  version: text,
  approvedBy: text,
  ministryOpinion: { enum: ['positive', 'negative', 'with-remarks'] },
  correctedEventId: idOrReference,
  replacement: objectOrNull,
  // territory
  teryt: { type: 'string', pattern: '^\\d{4}(\\d{3})?$' },
  name: text,
  type: { enum: ['rural', 'urban-rural', 'urban'] },
  powiat: text,
  voivodeship: text,
  typeException: objectOrNull,
  declarationRef: textOrNull,
  agreementRef: text,
  // groups
  groupId: idOrReference,
  kind: text,
  label: textOrNull,
  level: { enum: ['gmina', 'powiat', 'voivodeship'] },
  territory: text,
  personId: idOrReference,
  fullName: text,
  email: textOrNull,
  phone: textOrNull,
  institution: text,
  sector: text,
  caseId: text,
  role: text,
  note: text,
  meetingId: idOrReference,
  days: { type: 'integer', minimum: 1 },
  attendance: object,
  clientPresent: { type: ['boolean', 'null'] },
  convenedOn: day,
  membershipJoinedOn: day,
  joinedOn: day,
  heldOn: day,
  // decisions
  decisionId: idOrReference,
  subject: text,
  text,
  outcome: { type: ['string', 'object'] },
  effectiveOn: day,
  decidedOn: day,
  // pilot
  siteTeryt: { type: 'string', pattern: '^\\d{4}(\\d{3})?$' },
  householdSize: whole,
  caseUnit: text,
  areas: list,
  planType: text,
  goals: list,
  responsibleInstitutions: list,
  diagnosisWaiver: text,
  institutionsPresent: whole,
  hours: amount,
  progress: list,
  correction: object,
  socialWorkers: whole,
  caseTeamId: text,
  participants: whole,
  topic: text,
  periodStart: day,
  periodEnd: day,
  familiesEnrolled: whole,
  plansCompleted: whole,
  successes: whole,
};

function dataSchemaOf(name: (typeof HISTORY_COMMAND_NAMES)[number]): JsonSchema {
  const { required, optional } = HISTORY_COMMANDS[name];
  const properties: Record<string, JsonSchema> = {};
  for (const field of [...required, ...optional]) {
    const schema = FIELDS[field];
    if (!schema) throw new Error(`history schema: no shape for the field "${field}" of ${name}`);
    properties[field] = schema;
  }
  return { type: 'object', required: [...required], additionalProperties: false, properties };
}

/**
 * JSON Schema (draft-07) of a history file, YAML or JSON. Built from the command table so a
 * new command cannot be forgotten; docs/data/history/history.schema.json is this, written out
 * (`npm run cli -- history schema`), and a spec keeps the two equal.
 */
export function historySchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kooperacja history file',
    description:
      'Facts of one tenant, applied in order through the same command handlers as the API. See docs/history.md.',
    type: 'object',
    required: ['facts'],
    additionalProperties: false,
    properties: {
      tenant: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
      title: text,
      facts: { type: 'array', items: { $ref: '#/definitions/fact' } },
    },
    definitions: {
      fact: {
        type: 'object',
        required: ['id', 'command', 'occurredAt', 'source', 'data'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: FACT_ID.source, maxLength: MAX_FACT_ID },
          command: { enum: HISTORY_COMMAND_NAMES },
          occurredAt: day,
          source: { type: 'string', minLength: 1, maxLength: 500 },
          note: { type: 'string', minLength: 1, maxLength: 1000 },
          data: object,
          metadata: {
            type: 'object',
            propertyNames: { not: { enum: RESERVED_METADATA_KEYS } },
            additionalProperties: { type: ['string', 'number', 'boolean'] },
          },
        },
        allOf: HISTORY_COMMAND_NAMES.map((name) => ({
          if: { type: 'object', required: ['command'], properties: { command: { const: name } } },
          then: { properties: { data: { $ref: `#/definitions/${name}` } } },
        })),
      },
      ...Object.fromEntries(HISTORY_COMMAND_NAMES.map((name) => [name, dataSchemaOf(name)])),
    },
  };
}
