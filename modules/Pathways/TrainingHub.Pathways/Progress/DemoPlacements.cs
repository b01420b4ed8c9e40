using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// With demo data, two people of Zhytomyr city on the demo pathway: the demo learner, a volunteer for three months, and
/// a colleague who became a social assistant eight months ago. Placed once, by the oblast's coordinator.
/// </summary>
internal sealed class DemoPlacements(
    IDbContextFactory<PathwaysDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, IPeopleLookup? people = null) : IModuleInitializer
{
    private static readonly (string Email, int Stage, int MonthsAgo)[] Placed =
    [
        ("learner@traininghub.example", 1, 3),
        ("h.bondarenko@traininghub.example", 3, 8),
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled") || people is null)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Code == DemoPathway.Code, cancellationToken);
        if (template is null || await db.Placements.AnyAsync(cancellationToken)
            || await people.FindByEmailAsync("coordinator@traininghub.example", cancellationToken) is not { } coordinator)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DailyRuns.DayOf(now);
        foreach (var (email, stage, monthsAgo) in Placed)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } person)
            {
                db.Placements.Add(new Placement
                {
                    PersonId = person.Id, UnitId = person.HomeUnitId, TemplateId = template.Id, Stage = stage, StageSince = today.AddMonths(-monthsAgo),
                    PlacedById = coordinator.Id, PlacedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
