using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Benchmarks;

/// <summary>
/// The learning report at oblast size: everyone of the synthetic oblast enrolled in a first course, some also in two more,
/// two in five with one or two quiz attempts. The report scopes its rows by the ids of the people under the unit asked for, so this shows
/// what a list of 20,000 ids costs on each database.
/// </summary>
internal static class LearningReportBenchmark
{
    /// <summary>Everyone takes the first course, two in five the second, one in five the third.</summary>
    private static readonly double[] Shares = [1, 0.4, 0.2];

    public static async Task<ModuleTestHost> StartAsync(ITestDatabaseServer server, SyntheticOblast oblast, SyntheticPeople people) =>
        await ModuleTestHost.StartAsync(server, [new LearningModule()], replace: services =>
        {
            services.AddSingleton<IOrganisationDirectory>(oblast);
            services.AddSingleton<IUnitHierarchy>(oblast);
            services.AddSingleton<IPositionTypes>(oblast);
            services.AddSingleton<IPeopleSelection>(people);
            services.AddSingleton<ICompetencyOptions, NoCompetencies>();
            services.AddSingleton<IReminders, NoReminders>();
        });

    /// <summary>The courses, their people's enrolments and quiz attempts, in bulk; the first course's id.</summary>
    public static async Task<(Guid CourseId, int Enrolments, int Attempts)> SeedAsync(ModuleTestHost host, SyntheticOblast oblast, SyntheticPeople people)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = host.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext();
        var courses = new[] { "Перша психологічна допомога", "Розпізнавання насильства", "Сімейні форми виховання" }
            .Select(title => new Course { Title = title, OwningUnitId = oblast.Oblast.Id, Status = CourseStatus.Published, CreatedAt = now, UpdatedAt = now, PublishedAt = now })
            .ToList();
        var first = courses[0];
        var section = new CourseSection { CourseId = first.Id, Title = "Основи" };
        var lesson = new Lesson { CourseId = first.Id, SectionId = section.Id, Title = "Підсумковий тест", Kind = LessonKind.Quiz };
        var quiz = new Quiz { CourseId = first.Id, LessonId = lesson.Id };
        var version = new QuizVersion { QuizId = quiz.Id, Number = 1, Content = "{}", CreatedAt = now };
        db.AddRange(courses);
        db.AddRange(section, lesson, quiz, version);
        await db.SaveChangesAsync();

        var random = new Random(2026);
        var enrolments = new List<Enrolment>();
        var attempts = new List<QuizAttempt>();
        foreach (var person in people.All)
        {
            foreach (var course in courses.Where((_, i) => random.NextDouble() < Shares[i]))
            {
                var status = random.Next(20) switch { 0 => EnrolmentStatus.Withdrawn, < 8 => EnrolmentStatus.Completed, _ => EnrolmentStatus.Active };
                enrolments.Add(new Enrolment
                {
                    PersonId = person.Id, CourseId = course.Id, Method = EnrolmentMethod.Unit, EnrolledBy = Guid.Empty, EnrolledAt = now.AddDays(-90),
                    DueAt = now.AddDays(random.Next(-30, 60)), Status = status, CompletedAt = status == EnrolmentStatus.Completed ? now.AddDays(-random.Next(60)) : null,
                    WithdrawnAt = status == EnrolmentStatus.Withdrawn ? now.AddDays(-10) : null,
                });
            }
            for (var n = random.Next(-2, 3); n > 0; n--)
            {
                var score = random.Next(0, 11);
                attempts.Add(new QuizAttempt
                {
                    QuizId = quiz.Id, QuizVersionId = version.Id, CourseId = first.Id, LessonId = lesson.Id, PersonId = person.Id, Number = n,
                    StartedAt = now.AddDays(-20), SubmittedAt = now.AddDays(-20), Score = score, MaxScore = 10, Passed = score >= 8,
                });
            }
        }
        await BulkInsert.InsertAsync(db, enrolments);
        await BulkInsert.InsertAsync(db, attempts);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (first.Id, enrolments.Count, attempts.Count);
    }

    private sealed class NoCompetencies : ICompetencyOptions
    {
        public Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CompetencyOption>>([]);
    }

    private sealed class NoReminders : IReminders
    {
        public Task ScheduleAsync(ReminderPlan plan, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task CancelAsync(RemindedThing thing, Guid? personId = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

/// <summary>The synthetic oblast's people, held in memory in place of the Accounts module, found by home unit as the report asks.</summary>
internal sealed class SyntheticPeople(SyntheticOblast oblast, int count) : IPeopleSelection
{
    public IReadOnlyList<SelectedPerson> All { get; } = Generate(oblast, count);

    public Task<IReadOnlyList<SelectedPerson>> FindAsync(PeopleCriteria criteria, CancellationToken cancellationToken = default)
    {
        var units = criteria.HomeUnitIds?.ToHashSet();
        return Task.FromResult<IReadOnlyList<SelectedPerson>>(All.Where(p => units is null || units.Contains(p.HomeUnitId!.Value)).ToList());
    }

    public Task<IReadOnlyList<PermissionHolder>> FindHoldersAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PermissionHolder>>([]);

    private static List<SelectedPerson> Generate(SyntheticOblast oblast, int count)
    {
        var random = new Random(2027);
        return Enumerable.Range(0, count).Select(i => new SelectedPerson(Guid.NewGuid(), $"Особа {i}", oblast.RandomHome(random).Id, null, true)).ToList();
    }
}
