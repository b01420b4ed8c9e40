using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.TestKit;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The Learning module's tables: each oblast publishes a few short courses of eight lessons; every active person is
/// enrolled in one to three of their oblast's courses: about half have finished one, the rest are part-way, some of them
/// past the due date, as a learner's home page finds them.
/// </summary>
internal static class LearningData
{
    private const int CoursesPerOblast = 3;
    private const int Lessons = 8;

    private static readonly string[] Titles =
    [
        "Перша психологічна допомога",
        "Розпізнавання насильства щодо дитини",
        "Сімейні форми виховання: супровід родини",
    ];

    public static async Task WriteAsync(ModuleTestHost host, BatchWriter writer, Random random, IReadOnlyList<Person> people, DateTimeOffset now)
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext();
        var courses = new Dictionary<Guid, List<(Course Course, Guid[] Lessons)>>();
        var sections = new List<CourseSection>();
        var lessons = new List<Lesson>();
        foreach (var oblast in people.Select(p => p.Hromada.Oblast).DistinctBy(o => o.Id))
        {
            courses[oblast.Id] = [.. Enumerable.Range(0, CoursesPerOblast).Select(i =>
            {
                var course = new Course
                {
                    Id = random.NextGuid(), Title = Titles[i], Language = CourseLanguage.Uk, Status = CourseStatus.Published, OwningUnitId = oblast.Id,
                    DurationMinutes = 90, OpenForSelfEnrolment = true, CreatedAt = now.AddYears(-1), UpdatedAt = now.AddYears(-1), PublishedAt = now.AddYears(-1),
                    Version = random.NextGuid(),
                };
                var section = new CourseSection { Id = random.NextGuid(), CourseId = course.Id, Title = "Основи", Order = 1, Version = random.NextGuid() };
                sections.Add(section);
                var ids = Enumerable.Range(1, Lessons).Select(n =>
                {
                    var lesson = new Lesson
                    {
                        Id = random.NextGuid(), CourseId = course.Id, SectionId = section.Id, Title = $"Урок {n}", Order = n, Kind = LessonKind.Markdown,
                        Body = "Текст уроку.", Version = random.NextGuid(),
                    };
                    lessons.Add(lesson);
                    return lesson.Id;
                }).ToArray();
                return (course, ids);
            })];
        }
        await writer.WriteAsync(db, courses.Values.SelectMany(c => c).Select(c => c.Course));
        await writer.WriteAsync(db, sections);
        await writer.WriteAsync(db, lessons);

        foreach (var chunk in people.Where(p => p.IsActive).Chunk(20_000))
        {
            var enrolments = new List<Enrolment>();
            var completions = new List<LessonCompletion>();
            foreach (var person in chunk)
            {
                var offered = courses[person.Hromada.Oblast.Id];
                var taken = 1 + random.Next(CoursesPerOblast);
                for (var i = 0; i < taken; i++)
                {
                    var (course, lessonIds) = offered[i];
                    var finished = i == 0 && random.NextDouble() < 0.5;
                    var enrolledAt = now.AddDays(-random.Next(20, 200));
                    enrolments.Add(new Enrolment
                    {
                        Id = random.NextGuid(), PersonId = person.Id, CourseId = course.Id, Method = EnrolmentMethod.Unit, EnrolledBy = Guid.Empty,
                        EnrolledAt = enrolledAt, DueAt = finished ? enrolledAt.AddDays(30) : now.AddDays(random.Next(-20, 60)),
                        Status = finished ? EnrolmentStatus.Completed : EnrolmentStatus.Active, CompletedAt = finished ? enrolledAt.AddDays(random.Next(5, 30)) : null,
                        Version = random.NextGuid(),
                    });
                    var done = finished ? Lessons : random.Next(Lessons);
                    completions.AddRange(lessonIds.Take(done).Select((lessonId, n) => new LessonCompletion
                    {
                        Id = random.NextGuid(), PersonId = person.Id, CourseId = course.Id, LessonId = lessonId, CompletedAt = enrolledAt.AddDays(1 + n),
                    }));
                }
            }
            await writer.WriteAsync(db, enrolments);
            await writer.WriteAsync(db, completions);
        }
    }
}
