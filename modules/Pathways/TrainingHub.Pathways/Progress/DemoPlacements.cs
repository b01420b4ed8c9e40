using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// With demo data, two people of Zhytomyr city on the demo pathway: the demo learner, a volunteer for three months, and
/// a colleague who became a social assistant eight months ago and holds that stage's certificate. Placed once, by the
/// oblast's coordinator.
/// </summary>
internal sealed class DemoPlacements(
    IDbContextFactory<PathwaysDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, IOrganisationDirectory units, IPeopleLookup? people = null)
    : IModuleInitializer
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
        var template = await db.Templates.Include(t => t.Stages).FirstOrDefaultAsync(t => t.Code == DemoPathway.Code, cancellationToken);
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
                var placement = Placement.Place(
                    person.Id, person.HomeUnitId, template.Id, template.Stages.Count, stage, today.AddMonths(-monthsAgo), today, coordinator.Id, now).Value;
                db.Placements.Add(placement);
                if (stage > 1 && person.HomeUnitId is { } unitId && await units.FindAsync(unitId, cancellationToken) is { } unit)
                {
                    db.Certificates.Add(Certificate.Issue(
                        placement, template, template.Stages.Single(s => s.Position == stage), person.FullName, person.PreferredCulture, unitId,
                        (unit.Name, unit.NameEn ?? unit.Name), placement.StageSince, now));
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
