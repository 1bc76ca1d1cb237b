import { allIntegrationEventMappers } from '@kooperacja/composition';
import { IntegrationEventRegistry } from '@kooperacja/platform/messaging';
import { contractProblems, personalDataLeaks } from '@kooperacja/platform/messaging/testing';

/** The integration events this deployment publishes: every context's mappers together. */
jest.setTimeout(60_000);

describe('integration events of every context', () => {
  const mappers = allIntegrationEventMappers();

  it('one mapper per stored type, no personal field allow-listed, types well formed', () => {
    expect(() => new IntegrationEventRegistry(mappers)).not.toThrow();
  });

  it('no personal data or free text leaves: a marker in every personal field never reaches a record', () => {
    expect(personalDataLeaks(mappers)).toEqual([]);
  });

  it('every example and every mapped sample validates against the published JSON Schema', () => {
    expect(contractProblems(new IntegrationEventRegistry(mappers))).toEqual([]);
  });

  it("maps the facts of each finished context, and the platform's erasure notice", () => {
    const contexts = new Set(new IntegrationEventRegistry(mappers).definitions().map((d) => d.type.split('.')[2]));
    expect([...contexts].sort()).toEqual(['decisions', 'groups', 'pilot', 'platform', 'programme', 'territory']);
  });
});
