using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progression;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Home;

/// <summary>
/// What the pathways module asks of a person themself: a certificate to renew before it expires (overdue once it has,
/// while renewal is still open), a request to move on that a coordinator declined, training taken elsewhere declined
/// for correction, and, in the last <see cref="DueSoonDays"/> days of the year, the year's professional development
/// hours not yet counted. Each is read by the person's own keys (indexed), so the home page stays quick.
/// </summary>
internal sealed class PathwaysNextSteps(
    IDbContextFactory<PathwaysDbContext> dbFactory, IPeopleLookup people, DevelopmentRecords development, IStringLocalizer<PathwaysResource> texts) : INextSteps
{
    /// <summary>How many days before a date a step becomes due soon.</summary>
    public const int DueSoonDays = 60;

    private static readonly TimeOnly EndOfDay = new(23, 59);

    public async Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DailyRuns.DayOf(now);
        var steps = new List<NextStep>();
        await using (var db = dbFactory.CreateDbContext())
        {
            steps.AddRange(await CertificatesAsync(db, personId, today, cancellationToken));
            if (await DeclinedRequestAsync(db, personId, cancellationToken) is { } declined)
            {
                steps.Add(declined);
            }
            steps.AddRange(await DeclinedTrainingsAsync(db, personId, today, cancellationToken));
        }
        if (await DevelopmentYearAsync(personId, today, cancellationToken) is { } year)
        {
            steps.Add(year);
        }
        return steps;
    }

    /// <summary>Certificates neither revoked nor renewed that expire within the days, or have expired while renewal is open.</summary>
    private async Task<IEnumerable<NextStep>> CertificatesAsync(PathwaysDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        var by = today.AddDays(DueSoonDays);
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.PersonId == personId && c.RevokedAt == null && c.RenewedWithId == null && c.ValidUntil != null && c.ValidUntil <= by)
            .ToListAsync(cancellationToken);
        return certificates
            .Where(c => c.ValidUntil >= today || c.RenewableOn(today))
            .Select(c => new NextStep(
                $"pathways:certificate:{c.Id}", texts["Home:Step:Certificate", c.StageName].Value, CertificateNotices.Link, texts["Home:Step:Renew"].Value,
                c.ValidUntil < today ? NextStepUrgency.Overdue : NextStepUrgency.DueSoon, DailyRuns.At(c.ValidUntil!.Value, EndOfDay), Icons.Material.Filled.WorkspacePremium)
            {
                Detail = c.PathwayName,
            });
    }

    /// <summary>The latest request towards the person's next stage, when a coordinator declined it and nothing was asked since.</summary>
    private async Task<NextStep?> DeclinedRequestAsync(PathwaysDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var placement = await db.Placements.AsNoTracking().Where(p => p.PersonId == personId)
            .Select(p => new { p.Id, p.TemplateId, p.Stage }).FirstOrDefaultAsync(cancellationToken);
        if (placement is null)
        {
            return null;
        }
        var requests = await db.Requests.AsNoTracking().Where(r => r.PlacementId == placement.Id && r.ToStage == placement.Stage + 1).ToListAsync(cancellationToken);
        if (requests.OrderByDescending(r => r.RequestedAt).FirstOrDefault() is not { Status: RequestStatus.Declined } declined)
        {
            return null;
        }
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.TemplateId == placement.TemplateId && s.Position == declined.ToStage, cancellationToken);
        return new NextStep(
            $"pathways:request:{declined.Id}", texts["Home:Step:Declined", stage?.Name ?? ""].Value, "/pathways/my", texts["Home:Step:SeePathway"].Value,
            NextStepUrgency.Open, null, Icons.Material.Filled.HowToReg)
        {
            Detail = declined.Reason,
        };
    }

    /// <summary>Training taken elsewhere in the years a record shows, declined with a reason the person can correct.</summary>
    private async Task<IEnumerable<NextStep>> DeclinedTrainingsAsync(PathwaysDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        var since = new DateOnly(today.Year - DevelopmentRecords.YearsShown + 1, 1, 1);
        var declined = await db.Trainings.AsNoTracking()
            .Where(t => t.PersonId == personId && t.CompletedOn >= since && t.State == TrainingState.Declined)
            .Select(t => new { t.Id, t.Title, t.DeclineReason })
            .ToListAsync(cancellationToken);
        return declined.Select(t => new NextStep(
            $"pathways:training:{t.Id}", texts["Home:Step:Training", t.Title].Value, DevelopmentNotices.MyRecordLink, texts["Training:Correct"].Value,
            NextStepUrgency.Open, null, Icons.Material.Filled.EditNote)
        {
            Detail = t.DeclineReason,
        });
    }

    /// <summary>
    /// Near the year's end only, the year's hours asked and not yet counted. The record is counted from the learning and
    /// supervision modules, so the rest of the year it is not asked for.
    /// </summary>
    private async Task<NextStep?> DevelopmentYearAsync(Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(today.Year, 12, 31);
        if (yearEnd.DayNumber - today.DayNumber >= DueSoonDays || await people.FindAsync(personId, cancellationToken) is not { } person)
        {
            return null;
        }
        var year = await development.YearOfAsync(person, today.Year, cancellationToken);
        if (year.Met || year.RequiredHours is not { } required)
        {
            return null;
        }
        return new NextStep(
            $"pathways:development:{today.Year}", texts["Home:Step:Development", today.Year].Value, DevelopmentNotices.MyRecordLink, texts["Home:Step:SeeRecord"].Value,
            NextStepUrgency.DueSoon, DailyRuns.At(yearEnd, EndOfDay), Icons.Material.Filled.TrendingUp)
        {
            Detail = texts["Home:Step:DevelopmentHours", year.TotalHours.ToString("0.##", CultureInfo.CurrentCulture), required].Value,
        };
    }
}
