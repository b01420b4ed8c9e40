using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Learning.Services;
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
        var courseId = Guid.NewGuid();
        var evidence = scope.ServiceProvider.GetRequiredService<ICompletionEvidence>();

        await evidence.CourseCompletedAsync(learner!.Id, courseId, "Перша психологічна допомога", DateTimeOffset.UtcNow,
            [new CompetencyMapping(firstAid.LineageId, 2)], CancellationToken.None);
        await evidence.CourseCompletedAsync(learner.Id, courseId, "Перша психологічна допомога", DateTimeOffset.UtcNow,
            [new CompetencyMapping(firstAid.LineageId, 2)], CancellationToken.None);

        Assert.Equal(41, options.Count(o => o.FrameworkCode == "CP-INCL"));
        Assert.Equal([0, 1, 2, 3, 4], firstAid.Levels.Select(l => l.Rank));
        Assert.All(firstAid.Levels, l => Assert.NotEqual(l.NameUk, l.NameEn));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var recorded = await db.Evidence.Where(e => e.PersonId == learner.Id && e.Kind == EvidenceKind.CourseCompletion).ToListAsync();
        var completion = Assert.Single(recorded);
        Assert.Equal((firstAid.LineageId, "Перша психологічна допомога", 2), (completion.LineageId, completion.Title, completion.SuggestedLevelRank));
    }
}
