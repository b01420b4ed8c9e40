using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// A competency a supervisor, coach or mentor observed in a meeting becomes observation evidence of it, recorded as by
/// the observer with their note. Keyed by the observation, so a second delivery adds nothing.
/// </summary>
internal sealed class ObservationEvidence(IDbContextFactory<CompetenciesDbContext> dbFactory, ILogger<ObservationEvidence> logger)
    : IIntegrationEventHandler<CompetencyObserved>
{
    public static string SourceOf(Guid observationId) => $"supervision-observation:{observationId:D}";

    public async Task HandleAsync(CompetencyObserved observed, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var source = SourceOf(observed.ObservationId);
        if (await db.Evidence.AnyAsync(e => e.PersonId == observed.PersonId && e.SourceReference == source, cancellationToken))
        {
            return;
        }
        var node = await CompetencyEvidence.PublishedCompetencies(db).SingleOrDefaultAsync(n => n.LineageId == observed.CompetencyLineageId, cancellationToken);
        if (node is null)
        {
            logger.LogWarning("Observation {ObservationId} names competency {LineageId}, which is not published; no evidence recorded",
                observed.ObservationId, observed.CompetencyLineageId);
            return;
        }
        var note = observed.Note.Length > EvidenceRules.MaxNoteLength ? observed.Note[..EvidenceRules.MaxNoteLength] : observed.Note;
        var input = new EvidenceInput { Title = $"Супервізія / Supervision, {observed.MeetingDate:yyyy-MM-dd}", Note = note };
        var added = await CompetencyEvidence.RecordAsync(db, observed.PersonId, node, EvidenceKind.Observation, input, null,
            observed.ObserverId, observed.ObservedAt, source, cancellationToken);
        if (!added.Succeeded)
        {
            await using var again = dbFactory.CreateDbContext();
            if (!await again.Evidence.AnyAsync(e => e.PersonId == observed.PersonId && e.SourceReference == source, cancellationToken))
            {
                logger.LogWarning("Observation {ObservationId} of {PersonId} was not recorded: {Error}", observed.ObservationId, observed.PersonId, added.Error);
            }
        }
    }
}
