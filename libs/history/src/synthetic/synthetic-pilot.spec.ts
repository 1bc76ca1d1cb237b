import { isGminaTeryt, isPowiatTeryt, typeOfGminaTeryt, voivodeshipOfTeryt } from '@kooperacja/territory';
import type { HistoryFact } from '../history-file/history-fact';
import { generateEvents } from './fast-path';
import { MODELS } from './models';
import {
  syntheticGmina,
  syntheticParams,
  syntheticPilot,
  syntheticPowiat,
  type SyntheticPilotParams,
} from './synthetic-pilot';

const small: Partial<SyntheticPilotParams> = { jstPerTenant: 5, familiesPerGmina: 3 };
const factsOf = (params: Partial<SyntheticPilotParams>): HistoryFact[] =>
  [...syntheticPilot(params)].flatMap((chunk) => chunk.facts.map((f) => ({ ...f, tenant: chunk.tenantId })));

// Real TERYT codes the seed history uses (docs/data/history/mr2.yaml): synthetic ones must never be these.
const REAL_CODES = ['2202023', '2205023', '2205083', '2213093', '2216013', '2202', '2205', '2213', '2216', '2815'];

describe('the synthetic pilot generator', () => {
  it('gives the same facts for the same seed, fact by fact', () => {
    expect(factsOf({ ...small, seed: 7 })).toEqual(factsOf({ ...small, seed: 7 }));
  });

  it('gives different facts, under different ids, for another seed', () => {
    const a = factsOf({ ...small, seed: 7 });
    const b = factsOf({ ...small, seed: 8 });
    expect(a.map((f) => f.occurredAt)).not.toEqual(b.map((f) => f.occurredAt));
    const idsOfA = new Set(a.map((f) => f.id));
    expect(b.some((f) => idsOfA.has(f.id))).toBe(false);
  });

  it('marks every fact synthetic, with its seed, and names every member as clearly fake', () => {
    const facts = factsOf({ ...small, seed: 3 });
    expect(facts.every((f) => f.metadata?.synthetic === true && f.metadata.syntheticSeed === 3)).toBe(true);
    const names = facts
      .filter((f) => f.command === 'groups.join-member' && f.data.fullName)
      .map((f) => f.data.fullName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => typeof n === 'string' && /^Osoba Syntetyczna [0-9A-Z-]+$/.test(n))).toBe(true);
  });

  it("invites each model's own kind of gmina, with TERYT codes of the tenant's voivodeships and none of the real ones", () => {
    for (const model of Object.values(MODELS)) {
      for (let i = 0; i < 400; i++) {
        const { teryt, voivodeship } = syntheticGmina(model, i);
        expect(isGminaTeryt(teryt)).toBe(true);
        expect(typeOfGminaTeryt(teryt)).toBe(model.municipalityType);
        expect(voivodeshipOfTeryt(teryt)).toBe(voivodeship);
        expect(model.voivodeships).toContain(voivodeship);
        expect(REAL_CODES).not.toContain(teryt);
        // Powiat numbers 40-59 exist nowhere in Poland (land powiats end at 38, cities start at 61).
        expect(Number(teryt.slice(2, 4))).toBeGreaterThanOrEqual(40);
        expect(Number(teryt.slice(2, 4))).toBeLessThan(60);
      }
      for (let i = 0; i < 20 * model.voivodeships.length; i++) {
        const { teryt } = syntheticPowiat(model, i);
        expect(isPowiatTeryt(teryt)).toBe(true);
        expect(REAL_CODES).not.toContain(teryt);
      }
    }
  });

  it('keeps business dates inside every project period (2018-04-01 to 2021-03-31)', () => {
    const days = factsOf({ ...small, seed: 11 }).map((f) => f.occurredAt);
    expect(days.every((d) => d >= '2018-04-01' && d <= '2021-03-31')).toBe(true);
  });

  it('completes plans at close to the research success rate in macroregion I (140 of 172 IPW)', () => {
    const outcomes = factsOf({ tenants: ['mr1'], jstPerTenant: 100, familiesPerGmina: 5, seed: 5 })
      .filter((f) => f.command === 'pilot.complete-plan')
      .map((f) => f.data.outcome);
    const rate = outcomes.filter((o) => o === 'success').length / outcomes.length;
    expect(outcomes).toHaveLength(300);
    expect(rate).toBeGreaterThan(0.74);
    expect(rate).toBeLessThan(0.89);
  });

  it('is accepted by every handler: the fast path runs it through them in memory without a refusal', async () => {
    let events = 0;
    for await (const batches of generateEvents({ ...small, seed: 21 })) {
      for (const b of batches) events += b.events.length;
    }
    expect(events).toBeGreaterThan(1000);
  });

  it('refuses parameters out of range', () => {
    expect(() => syntheticParams({ jstPerTenant: 0 })).toThrow(/jstPerTenant/);
    expect(() => syntheticParams({ tenants: ['mr4' as never] })).toThrow(/unknown model/);
  });
});
