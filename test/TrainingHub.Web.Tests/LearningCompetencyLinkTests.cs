using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>In the whole app, courses map to the published competencies and a completed course reaches the person's evidence.</summary>
public sealed class LearningCompetencyLinkTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task Authors_map_courses_to_the_demo_frameworks_competencies_and_a_completion_becomes_course_evidence_once()
    {
        using var scope = app.Services.CreateScope();
        var options = await scope.ServiceProvider.GetRequiredService<ICompetencyOptions>().ListAsync(CancellationToken.None);
        var firstAid = Assert.Single(options, o => o.FrameworkCode == "CP-INCL" && o.Code == "CP.5.1");
        var learner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("learner@traininghub.example");
        var completion = new CourseCompleted(learner!.Id, Guid.NewGuid(), Guid.NewGuid(), "Перша психологічна допомога", DateTimeOffset.UtcNow,
            [new CompletedCourseCompetency(firstAid.LineageId, 2)]);

        // Published twice, as a completion reported again would be: the evidence counts it once.
        await using (var learning = app.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext())
        {
            learning.Publish(completion, DateTimeOffset.UtcNow);
            learning.Publish(completion, DateTimeOffset.UtcNow);
            await learning.SaveChangesAsync();
        }
        await DeliveredAsync();

        Assert.Equal(41, options.Count(o => o.FrameworkCode == "CP-INCL"));
        Assert.Equal([0, 1, 2, 3, 4], firstAid.Levels.Select(l => l.Rank));
        Assert.All(firstAid.Levels, l => Assert.NotEqual(l.NameUk, l.NameEn));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var recorded = await db.Evidence.Where(e => e.PersonId == learner.Id && e.Kind == EvidenceKind.CourseCompletion && e.SourceReference == $"course:{completion.CourseId:D}").ToListAsync();
        var evidence = Assert.Single(recorded);
        Assert.Equal((firstAid.LineageId, "Перша психологічна допомога", 2), (evidence.LineageId, evidence.Title, evidence.SuggestedLevelRank));
    }

    /// <summary>Runs the dispatcher until Learning's outbox is empty; the app's own job may be delivering some of them meanwhile.</summary>
    private async Task DeliveredAsync()
    {
        var dispatcher = app.Services.GetRequiredService<IntegrationEventDispatcher>();
        await Eventually.TrueAsync(async () =>
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
            await using var learning = app.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext();
            return !await learning.Set<IntegrationEventRecord>().AnyAsync(r => r.Status == OutboxStatus.Pending);
        }, "Learning's completions to be delivered");
    }
}
