using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Practice hours the supervision module reports as approved become evidence for the competency the entry names,
/// recorded as by the approver on the day of the approval; a withdrawn approval takes the evidence away again unless a
/// rating already cites it (the rating stands, and the warning tells why the evidence stayed). Entries naming no
/// competency, or one no longer published, add nothing. Recording is keyed by the entry, so a second delivery adds nothing.
/// </summary>
internal sealed class PracticeHoursEvidence(IDbContextFactory<CompetenciesDbContext> dbFactory, ILogger<PracticeHoursEvidence> logger)
    : IIntegrationEventHandler<PracticeHoursApproved>, IIntegrationEventHandler<PracticeHoursApprovalWithdrawn>
{
    public static string SourceOf(Guid entryId) => $"practice-hours:{entryId:D}";

    public async Task HandleAsync(PracticeHoursApproved approved, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        if (approved.CompetencyLineageId is not { } lineageId)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        var source = SourceOf(approved.EntryId);
        if (await db.Evidence.AnyAsync(e => e.PersonId == approved.PersonId && e.SourceReference == source, cancellationToken))
        {
            return;
        }
        var node = await CompetencyEvidence.PublishedCompetencies(db).SingleOrDefaultAsync(n => n.LineageId == lineageId, cancellationToken);
        if (node is null)
        {
            logger.LogWarning("Practice hours {EntryId} of {PersonId} name competency {LineageId}, which is not published; no evidence recorded",
                approved.EntryId, approved.PersonId, lineageId);
            return;
        }
        var input = new EvidenceInput { Title = $"{approved.ActivityName}, {approved.Date:yyyy-MM-dd}", Hours = approved.Hours };
        var added = await CompetencyEvidence.RecordAsync(db, approved.PersonId, node, EvidenceKind.PracticeHours, input, null,
            approved.ApprovedById, approved.ApprovedAt, source, cancellationToken);
        if (added.Succeeded)
        {
            return;
        }
        // Two nodes taking in the same approval at once: the unique source lets one in, and the other finds it there.
        await using var again = dbFactory.CreateDbContext();
        if (!await again.Evidence.AnyAsync(e => e.PersonId == approved.PersonId && e.SourceReference == source, cancellationToken))
        {
            logger.LogWarning("Practice hours {EntryId} of {PersonId} were not recorded for competency {LineageId}: {Error}",
                approved.EntryId, approved.PersonId, lineageId, added.Error);
        }
    }

    public async Task HandleAsync(PracticeHoursApprovalWithdrawn withdrawn, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var source = SourceOf(withdrawn.EntryId);
        var evidence = await db.Evidence.Where(e => e.PersonId == withdrawn.PersonId && e.SourceReference == source).ToListAsync(cancellationToken);
        var cited = await db.RatingEvidence.Where(c => evidence.Select(e => e.Id).Contains(c.EvidenceId)).Select(c => c.EvidenceId).ToListAsync(cancellationToken);
        foreach (var kept in evidence.Where(e => cited.Contains(e.Id)))
        {
            logger.LogWarning("The approval of practice hours {EntryId} of {PersonId} was withdrawn, but a rating cites evidence {EvidenceId}, which stays",
                withdrawn.EntryId, withdrawn.PersonId, kept.Id);
        }
        db.Evidence.RemoveRange(evidence.Where(e => !cited.Contains(e.Id)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
