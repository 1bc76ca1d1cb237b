import { pilotEventCatalogue } from './pilot.catalogue';

describe('the pilot event catalogue', () => {
  const definitions = pilotEventCatalogue.definitions();

  it('stores every event under an explicit, versioned pilot name', () => {
    expect(definitions.map((d) => d.storedName)).toEqual([
      'pilot.CaseEnrolled.v1',
      'pilot.DiagnosisCompleted.v1',
      'pilot.IndividualPlanAgreed.v1',
      'pilot.CaseTeamMeetingHeld.v1',
      'pilot.SupportDelivered.v1',
      'pilot.PlanReviewed.v1',
      'pilot.PlanCompleted.v1',
      'pilot.CaseClosed.v1',
      'pilot.CaseFactCorrected.v1',
      'pilot.SiteRegistered.v1',
      'pilot.CoachingSessionHeld.v1',
      'pilot.SupervisionSessionHeld.v1',
      'pilot.TrainingHeld.v1',
      'pilot.PilotOutcomeReported.v1',
    ]);
  });

  it('marks exactly the free-text fields as personal', () => {
    const personal = Object.fromEntries(
      definitions.filter((d) => d.personalFields?.length).map((d) => [d.type, d.personalFields]),
    );
    expect(personal).toEqual({ IndividualPlanAgreed: ['goalLabels'], PilotOutcomeReported: ['source'] });
  });

  it('reads each stored name back as its domain event', () => {
    for (const d of definitions) {
      expect(pilotEventCatalogue.toDomain(d.storedName, { x: 1 })).toEqual({ type: d.type, data: { x: 1 } });
    }
  });
});
