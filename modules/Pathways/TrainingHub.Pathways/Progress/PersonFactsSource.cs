using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Contracts;
using CourseCompleted = TrainingHub.Pathways.Requirements.CourseCompleted;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// Gathers what the other modules know of a person, through their contracts, into the facts a stage's requirements are
/// judged against. Everything is read live: nothing of it is copied into pathways.
/// </summary>
internal sealed class PersonFactsSource(ILearningRecords learning, ICompetencyLevels competencies, ISupervisionRecord supervision, TimeProvider clock)
{
    public DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    public async Task<PersonFacts> ForAsync(Placement placement, Requirement requirements, CancellationToken cancellationToken)
    {
        var named = CoursesIn(requirements).ToList();
        var courses = named.Count == 0 ? [] : await learning.FindCoursesAsync(named, cancellationToken);
        var completed = new Dictionary<Guid, DateOnly>();
        foreach (var completion in await learning.CompletionsAsync(placement.PersonId, cancellationToken))
        {
            // Either language version of a course counts for a requirement naming the other.
            var day = DailyRuns.DayOf(completion.CompletedAt);
            completed.TryAdd(completion.CourseId, day);
            if (completion.TranslationId is { } translation)
            {
                completed.TryAdd(translation, day);
            }
        }
        var levels = (await competencies.CountedLevelsAsync(placement.PersonId, cancellationToken))
            .GroupBy(l => l.Code)
            .ToDictionary(g => g.Key, g => g.Max(l => l.LevelRank));
        var record = await supervision.ForAsync(placement.PersonId, cancellationToken: cancellationToken);
        return new PersonFacts(
            Today,
            placement.StageSince,
            completed,
            courses.ToDictionary(c => c.Id, c => new CourseFact(c.Title, c.Archived)),
            levels,
            record.Hours.GroupBy(h => h.ActivityTypeId).ToDictionary(g => g.Key, g => g.Sum(h => h.Hours)),
            record.SignedSupervisions,
            record.MentoringCompletedOn,
            placement.SignOffsTowardsNext().GroupBy(s => s.Role).ToDictionary(g => g.Key, g => DailyRuns.DayOf(g.Max(s => s.SignedAt))));
    }

    /// <summary>Every course a requirement tree names.</summary>
    public static IEnumerable<Guid> CoursesIn(Requirement requirement) => requirement switch
    {
        AllOf all => all.Items.SelectMany(CoursesIn),
        AnyOf any => any.Items.SelectMany(CoursesIn),
        CourseCompleted course => [course.CourseId],
        _ => [],
    };

    /// <summary>Every role a requirement tree asks to sign off.</summary>
    public static IEnumerable<string> SignOffRolesIn(Requirement requirement) => requirement switch
    {
        AllOf all => all.Items.SelectMany(SignOffRolesIn),
        AnyOf any => any.Items.SelectMany(SignOffRolesIn),
        SignOff signOff => [signOff.Role],
        _ => [],
    };
}
