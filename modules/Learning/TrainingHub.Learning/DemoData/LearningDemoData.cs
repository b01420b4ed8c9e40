using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Learning.DemoData;

/// <summary>
/// With demo data on, Zhytomyr Oblast offers three short published courses, each in Ukrainian and English and linked as
/// translations, mapped to competencies of the demo framework; the demo learners of Zhytomyr City Hromada are enrolled
/// in the first-aid course. A course already there (by title in the oblast) and anyone ever enrolled are left as they are.
/// </summary>
internal sealed class LearningDemoData(
    IDbContextFactory<LearningDbContext> dbFactory, IOrganisationDirectory directory, ICompetencyOptions competencies, IReminders reminders,
    IConfiguration configuration, TimeProvider clock, IPeopleLookup? people = null) : IModuleInitializer
{
    public const string ZhytomyrOblastKatottg = "UA18000000000045390";

    public const string FrameworkCode = "CP-INCL";

    /// <summary>Each pair by the name of its files, first aid first, with the competencies it is evidence for and the level (rank from 0: "aware" is 1).</summary>
    private static readonly DemoCoursePair[] Pairs =
    [
        new("first-aid", [("CP.5.1", 1)]),
        new("abuse-and-neglect", [("CP.4.1", 1), ("CP.4.3", 1)]),
        new("family-based-care", [("CP.3.2", 1), ("CP.3.3", 1)]),
    ];

    /// <summary>The learners of Zhytomyr City Hromada among the demo accounts, enrolled by the oblast's coordinator.</summary>
    private static readonly string[] FirstAidLearners =
        ["learner@traininghub.example", "h.bondarenko@traininghub.example", "v.kravchuk@traininghub.example", "n.tkachenko@traininghub.example"];

    private const string EnrolledBy = "coordinator@traininghub.example";

    private const int FirstAidDueDays = 30;

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        var oblast = await directory.FindByKatottgAsync(ZhytomyrOblastKatottg, cancellationToken)
            ?? throw new InvalidOperationException("The demo courses need Zhytomyr Oblast from the organisations' demo data.");
        var options = (await competencies.ListAsync(cancellationToken)).Where(o => o.FrameworkCode == FrameworkCode).ToDictionary(o => o.Code);
        var ukrainianCourses = new List<Guid>();
        foreach (var pair in Pairs)
        {
            ukrainianCourses.Add(await AddPairAsync(pair, oblast.Id, options, cancellationToken));
        }
        // The accounts module is not there when the module is started on its own (its tests); there is nobody to enrol then.
        if (people is not null)
        {
            await EnrolAsync(ukrainianCourses[0], people, cancellationToken);
        }
    }

    /// <summary>Adds the pair's courses that are missing and links them; answers the Ukrainian course, which learners here take.</summary>
    private async Task<Guid> AddPairAsync(
        DemoCoursePair pair, Guid unitId, IReadOnlyDictionary<string, CompetencyOption> options, CancellationToken cancellationToken)
    {
        var uk = DemoCourseFile.Read(pair.Name, CourseLanguage.Uk);
        var en = DemoCourseFile.Read(pair.Name, CourseLanguage.En);
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.Courses.Where(c => c.OwningUnitId == unitId && (c.Title == uk.Title || c.Title == en.Title))
            .ToDictionaryAsync(c => c.Title, cancellationToken);
        var now = clock.GetUtcNow();
        var courses = new[] { (uk, CourseLanguage.Uk), (en, CourseLanguage.En) }
            .Select(f => existing.GetValueOrDefault(f.Item1.Title) ?? Add(db, f.Item1, f.Item2, unitId, pair, options, now))
            .ToArray();
        await db.SaveChangesAsync(cancellationToken);
        // Linked once both exist (each points at the other, which one save cannot write), and only when both are new:
        // a demo course an author has since linked elsewhere keeps its link.
        if (courses.All(c => !existing.ContainsValue(c)))
        {
            courses[0].TranslationId = courses[1].Id;
            courses[1].TranslationId = courses[0].Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        return courses[0].Id;
    }

    private static Course Add(
        LearningDbContext db, DemoCourseFile file, CourseLanguage language, Guid unitId, DemoCoursePair pair,
        IReadOnlyDictionary<string, CompetencyOption> options, DateTimeOffset now)
    {
        var course = new Course
        {
            Title = file.Title, Summary = file.Summary, Language = language, DurationMinutes = file.DurationMinutes, OwningUnitId = unitId,
            OpenForSelfEnrolment = true, Status = CourseStatus.Published, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
        };
        db.Courses.Add(course);
        var sections = file.Sections.Select((s, i) => new CourseSection { CourseId = course.Id, Title = s.Title, Order = i }).ToList();
        db.Sections.AddRange(sections);
        for (var i = 0; i < sections.Count; i++)
        {
            db.Lessons.AddRange(file.Sections[i].Lessons.Select((l, order) => new Lesson
            {
                CourseId = course.Id, SectionId = sections[i].Id, Title = l.Title, Order = order, Kind = LessonKind.Markdown,
                Body = string.Join('\n', l.Body),
            }));
        }
        AddQuiz(db, course, file.Quiz, file.Sections.Count, now);
        // Mapped only when the demo framework is published; a framework removed later simply leaves the courses unmapped.
        db.CourseCompetencies.AddRange(pair.Competencies
            .Where(c => options.ContainsKey(c.Code))
            .Select(c => new CourseCompetency { CourseId = course.Id, CompetencyLineageId = options[c.Code].LineageId, LevelRank = c.LevelRank }));
        return course;
    }

    /// <summary>The quiz is a section of its own at the end, and opens once the last lesson is done.</summary>
    private static void AddQuiz(LearningDbContext db, Course course, DemoQuiz file, int order, DateTimeOffset now)
    {
        var section = new CourseSection { CourseId = course.Id, Title = file.Section, Order = order };
        var lesson = new Lesson { CourseId = course.Id, SectionId = section.Id, Title = file.Title, Kind = LessonKind.Quiz, RequiresPrevious = true };
        var questions = file.Questions.Select(q => new Question
        {
            CourseId = course.Id, Kind = q.Kind, Text = q.Text, Points = 1, Feedback = q.Feedback, CreatedAt = now, UpdatedAt = now,
            Options = q.Kind == QuestionKind.TrueFalse
                ? [new(Guid.NewGuid(), "", q.Answer == true, null), new(Guid.NewGuid(), "", q.Answer == false, null)]
                : (q.Options ?? []).Select(o => new QuestionOption(Guid.NewGuid(), o.Text, o.Correct, o.Feedback)).ToList(),
            AcceptedAnswers = q.AcceptedAnswers ?? [],
        }).ToList();
        db.Sections.Add(section);
        db.Lessons.Add(lesson);
        db.Questions.AddRange(questions);
        db.Quizzes.Add(new Quiz { CourseId = course.Id, LessonId = lesson.Id, QuestionIds = questions.ConvertAll(q => q.Id), PassMarkPercent = file.PassMarkPercent });
    }

    /// <summary>Enrols the hromada's demo learners, due in 30 days and reminded as any enrolment is; nobody ever enrolled is enrolled again.</summary>
    private async Task EnrolAsync(Guid courseId, IPeopleLookup lookup, CancellationToken cancellationToken)
    {
        if (await lookup.FindByEmailAsync(EnrolledBy, cancellationToken) is not { } coordinator)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        var course = await db.Courses.SingleAsync(c => c.Id == courseId, cancellationToken);
        var enrolled = await db.Enrolments.Where(e => e.CourseId == courseId).Select(e => e.PersonId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = new DueDateInput { Kind = DueKind.Relative, Days = FirstAidDueDays };
        var added = new List<Enrolment>();
        foreach (var email in FirstAidLearners)
        {
            if (await lookup.FindByEmailAsync(email, cancellationToken) is { IsActive: true } person && !enrolled.Contains(person.Id))
            {
                added.Add(new Enrolment
                {
                    PersonId = person.Id, CourseId = courseId, Method = EnrolmentMethod.Individual, EnrolledBy = coordinator.Id, EnrolledAt = now,
                    DueAt = EnrolmentRules.DueAt(due, now), Status = EnrolmentStatus.Active,
                });
            }
        }
        db.Enrolments.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        var planner = new EnrolmentReminders(reminders);
        foreach (var enrolment in added)
        {
            await planner.PlanAsync(enrolment, course.Title, cancellationToken);
        }
    }
}
