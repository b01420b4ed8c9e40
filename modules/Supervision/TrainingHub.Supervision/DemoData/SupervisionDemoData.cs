using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.DemoData;

/// <summary>
/// With demo data on, the demo supervisor of Zhytomyr City Hromada supervises its four demo learners (for a few months
/// already) and the demo mentor mentors two of them. Nothing is added once any assignment exists.
/// </summary>
internal sealed class SupervisionDemoData(
    IDbContextFactory<SupervisionDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, IPeopleLookup? people = null) : IModuleInitializer
{
    private static readonly (string Person, string Assignee, AssignmentRole Role, int MonthsAgo)[] Planned =
    [
        ("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 5),
        ("h.bondarenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 8),
        ("v.kravchuk@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 3),
        ("n.tkachenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 12),
        ("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, 5),
        ("v.kravchuk@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, 2),
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        // The accounts module is not there when the module is started on its own (its tests); there is nobody to assign then.
        if (!configuration.GetValue<bool>("DemoData:Enabled") || people is null)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Assignments.AnyAsync(cancellationToken))
        {
            return;
        }
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        foreach (var (personEmail, assigneeEmail, role, monthsAgo) in Planned)
        {
            if (await people.FindByEmailAsync(personEmail, cancellationToken) is not { HomeUnitId: { } unitId } person
                || await people.FindByEmailAsync(assigneeEmail, cancellationToken) is not { } assignee)
            {
                continue;
            }
            db.Assignments.Add(new Assignment
            {
                PersonId = person.Id, AssigneeId = assignee.Id, Role = role, UnitId = unitId,
                StartsOn = today.AddMonths(-monthsAgo), CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
