using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Home;

/// <summary>
/// The person's own open check-ins for the home page: a round they were invited to, open now, that they have neither
/// answered nor skipped. Only whether the invitation waits is read, never anything they answered.
/// </summary>
internal sealed class CheckInSteps(IDbContextFactory<WellbeingDbContext> dbFactory, IStringLocalizer<WellbeingResource> localizer) : INextSteps
{
    /// <summary>A round closing within this long is due soon.</summary>
    public static readonly TimeSpan SoonBefore = TimeSpan.FromDays(2);

    public async Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        await using var db = dbFactory.CreateDbContext();
        var waiting = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == personId && (i.State == InvitationState.Invited || i.State == InvitationState.Answering))
            .Join(db.Rounds.Where(r => r.OpensAt <= at && r.ClosesAt > at), i => i.RoundId, r => r.Id, (i, r) => new { r.Id, r.ClosesAt, i.State })
            .ToListAsync(cancellationToken);
        return waiting
            .Select(w => new NextStep(
                $"wellbeing:check-in:{w.Id}", localizer["Home:CheckIn"], $"wellbeing/check-ins/{w.Id}",
                localizer[w.State == InvitationState.Answering ? "CheckIns:Continue" : "CheckIns:Answer"],
                w.ClosesAt - at <= SoonBefore ? NextStepUrgency.DueSoon : NextStepUrgency.Open, w.ClosesAt, Icons.Material.Filled.SelfImprovement)
            {
                Detail = localizer["CheckIns:OpenUntil", DailyRuns.DayOf(w.ClosesAt.AddTicks(-1)).ToString("d", System.Globalization.CultureInfo.CurrentCulture)],
            })
            .ToList();
    }
}
