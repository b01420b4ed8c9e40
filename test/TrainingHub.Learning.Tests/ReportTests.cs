using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TrainingHub.SharedKernel.Export;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The learning reports and their export, run against real SQLite and real PostgreSQL.</summary>
public abstract class ReportTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;

    private Units Units => _world.Units;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _world);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Unit names and the file's texts as a Ukrainian reader gets them; set in the test's own flow.</summary>
    private static void InUkrainian() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);

    /// <summary>
    /// A published course with a lesson and a quiz, and in it: in Zhytomyr City one learner in progress, one overdue, one
    /// completed and one withdrawn; one in progress whose home unit is the oblast itself; one learner in Lviv. Quiz scores:
    /// the learner in progress 50 % then 100 %, the completed one 75 %, the overdue one an attempt not submitted, Lviv 0 %.
    /// </summary>
    internal static async Task<Guid> SeedAsync(ModuleTestHost host, LearningWorld world)
    {
        var units = world.Units;
        var catalogue = host.Get<CourseCatalogue>();
        var outline = host.Get<CourseOutline>();
        var enrolments = host.Get<Enrolments>();
        var courseId = await catalogue.CreateAsync("Перша психологічна допомога", units.Zhytomyr.Id);
        var section = await outline.NewSectionAsync(courseId, "Основи");
        await outline.NewLessonAsync(section, "Вступ", "Текст");
        var quizLesson = await outline.NewQuizLessonAsync(section, "Підсумковий тест");
        var question = await host.Get<QuestionBank>().NewQuestionAsync(courseId, QuizBuilders.SingleChoice("Перший крок допомоги?", "Забезпечити безпеку", "Розпитати"));
        await host.Get<QuizAuthoring>().SetUpAsync(quizLesson, new QuizSettingsInput { QuestionIds = [question], PassMarkPercent = 75 });
        Assert.True((await catalogue.PublishAsync(courseId, (await catalogue.GetAsync(courseId)).Value.Version)).Succeeded);
        await catalogue.CreateAsync("Розпізнавання насильства", units.Zhytomyr.Id);

        var overdue = world.People.Add("Богдана Савчук", units.ZhytomyrCity.Id);
        var learning = world.People.Add("Андрій Мельник", units.ZhytomyrCity.Id);
        var completed = world.People.Add("Василь Шевчук", units.ZhytomyrCity.Id);
        var withdrawn = world.People.Add("Галина Бойко", units.ZhytomyrCity.Id);
        var atOblast = world.People.Add("Дмитро Коваленко", units.Zhytomyr.Id);
        var inLviv = world.People.Add("Остап Гнатюк", units.Lviv.Id);
        Assert.True((await enrolments.EnrolAsync(courseId, new EnrolInput
        {
            PersonIds = [overdue.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 5 },
        })).Succeeded);
        world.Clock.Advance(TimeSpan.FromDays(10));
        Assert.True((await enrolments.EnrolAsync(courseId, new EnrolInput
        {
            PersonIds = [learning.Id, completed.Id, withdrawn.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 30 },
        })).Succeeded);
        Assert.True((await enrolments.EnrolAsync(courseId, new EnrolInput { PersonIds = [atOblast.Id], Due = new DueDateInput { Kind = DueKind.None } })).Succeeded);
        var withdrawnRow = (await enrolments.ListAsync(courseId, "Галина", new PageRequest())).Value.Items.Single();
        Assert.True((await enrolments.WithdrawAsync(withdrawnRow.Id, withdrawnRow.Version)).Succeeded);

        // What learners did themselves (and a learner of another oblast, whom this coordinator could not enrol), written as stored.
        await using var db = host.Get<IDbContextFactory<LearningDbContext>>().CreateDbContext();
        var now = world.Clock.GetUtcNow();
        var done = await db.Enrolments.SingleAsync(e => e.PersonId == completed.Id);
        (done.Status, done.CompletedAt) = (EnrolmentStatus.Completed, now);
        db.Enrolments.Add(new Enrolment { PersonId = inLviv.Id, CourseId = courseId, EnrolledBy = inLviv.Id, EnrolledAt = now, Status = EnrolmentStatus.Active, Method = EnrolmentMethod.Self });
        var quizId = await db.Quizzes.Where(q => q.LessonId == quizLesson).Select(q => q.Id).SingleAsync();
        var version = new QuizVersion { QuizId = quizId, Number = 100, Content = "{}", CreatedAt = now };
        db.QuizVersions.Add(version);
        var number = 0;
        void Attempt(Guid personId, int? score, bool submitted = true) => db.QuizAttempts.Add(new QuizAttempt
        {
            QuizId = quizId, QuizVersionId = version.Id, CourseId = courseId, LessonId = quizLesson, PersonId = personId, Number = ++number,
            StartedAt = now, SubmittedAt = submitted ? now : null, Score = score, MaxScore = 4, Passed = score >= 3,
        });
        Attempt(learning.Id, 2);
        Attempt(learning.Id, 4);
        Attempt(completed.Id, 3);
        Attempt(overdue.Id, null, submitted: false);
        Attempt(inLviv.Id, 0);
        await db.SaveChangesAsync();
        return courseId;
    }

    [Fact]
    public async Task A_course_counts_its_learners_of_the_unit_and_everything_under_it_as_in_progress_overdue_or_completed_with_their_average_best_score()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);

        var report = (await _host.Get<LearningReports>().GetAsync(Units.Zhytomyr.Id, courseId)).Value;

        // Withdrawn Halyna and Ostap of Lviv are not counted; the average is of 100 % and 75 %, the best scores of those who submitted.
        Assert.Equal(new ReportFigures(4, 2, 1, 1, 88), report.Total);
        Assert.Equal([("Перша психологічна допомога", new ReportFigures(4, 2, 1, 1, 88))], report.Courses.Select(c => (c.Name, c.Figures)));
        Assert.Equal(
            [("Житомирська область", new ReportFigures(1, 1, 0, 0, null)), ("Житомирська міська громада", new ReportFigures(3, 1, 1, 1, 88))],
            report.Units.Select(u => (u.Name, u.Figures)));
    }

    [Fact]
    public async Task All_courses_list_only_those_the_units_people_are_enrolled_in_and_a_learner_past_due_turns_overdue_as_time_passes()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);
        _world.Clock.Advance(TimeSpan.FromDays(31));

        var report = (await _host.Get<LearningReports>().GetAsync(Units.ZhytomyrCity.Id, null)).Value;

        Assert.Equal([(courseId, new ReportFigures(3, 0, 1, 2, 88))], report.Courses.Select(c => (c.Id, c.Figures)));
        Assert.Equal([("Житомирська міська громада", new ReportFigures(3, 0, 1, 2, 88))], report.Units.Select(u => (u.Name, u.Figures)));
    }

    [Fact]
    public async Task A_coordinator_of_another_oblast_sees_nothing_of_ours_and_only_their_own_learner()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);
        _host.AsCoordinatorOf(Units.Lviv.Id);
        var reports = _host.Get<LearningReports>();

        var ours = await reports.GetAsync(Units.Zhytomyr.Id, courseId);
        var theirs = (await reports.GetAsync(Units.Lviv.Id, null)).Value;
        var export = await _host.Get<ReportExport>().ExportAsync(Units.ZhytomyrCity.Id, null, SpreadsheetFormat.Csv);

        Assert.Equal(ErrorKind.Forbidden, ours.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, export.Error!.Kind);
        Assert.Equal([Units.Lviv.Id], (await reports.UnitsAsync()).Select(u => u.Id));
        Assert.Equal(new ReportFigures(1, 1, 0, 0, 0), theirs.Total);
    }

    [Fact]
    public async Task A_hromada_supervisor_picks_among_her_units_courses_and_the_oblast_course_her_people_take_but_not_others()
    {
        InUkrainian();
        var firstAid = await SeedAsync(_host, _world);
        var hromadaCourse = await _host.CreatePublishedAsync("Ведення випадку", Units.ZhytomyrCity.Id);
        var oblastCourse = await _host.CreatePublishedAsync("Супервізія в соціальній роботі", Units.Zhytomyr.Id);
        _host.AsCoordinatorOf(Units.Lviv.Id);
        var lvivCourse = await _host.CreatePublishedAsync("Робота з громадою", Units.Lviv.Id);
        _host.AsSupervisorOf(Units.ZhytomyrCity.Id);
        var reports = _host.Get<LearningReports>();

        var courses = await reports.CoursesAsync();

        // The oblast's first-aid course is taken by people of the hromada; nobody of hers takes the supervision course.
        Assert.Equal([(hromadaCourse, "Ведення випадку"), (firstAid, "Перша психологічна допомога")], courses.Select(c => (c.Id, c.Title)));
        Assert.Equal(new ReportFigures(3, 1, 1, 1, 88), (await reports.GetAsync(Units.ZhytomyrCity.Id, firstAid)).Value.Total);
        Assert.Equal(ErrorKind.NotFound, (await reports.GetAsync(Units.ZhytomyrCity.Id, oblastCourse)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await reports.GetAsync(Units.ZhytomyrCity.Id, lvivCourse)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await _host.Get<ReportExport>().ExportAsync(Units.ZhytomyrCity.Id, lvivCourse, SpreadsheetFormat.Csv)).Error!.Kind);
    }

    [Fact]
    public async Task A_coordinator_of_another_oblast_picks_their_own_courses_and_ours_only_where_their_people_are_enrolled()
    {
        InUkrainian();
        var firstAid = await SeedAsync(_host, _world);
        var unattended = await _host.CreatePublishedAsync("Супервізія в соціальній роботі", Units.Zhytomyr.Id);
        _host.AsCoordinatorOf(Units.Lviv.Id);
        var lvivCourse = await _host.CreatePublishedAsync("Робота з громадою", Units.Lviv.Id);
        var reports = _host.Get<LearningReports>();

        var courses = await reports.CoursesAsync();

        // Ostap of Lviv took the first-aid course by himself; nobody of Lviv takes the supervision course.
        Assert.Equal([firstAid, lvivCourse], courses.Select(c => c.Id));
        Assert.Equal(new ReportFigures(1, 1, 0, 0, 0), (await reports.GetAsync(Units.Lviv.Id, firstAid)).Value.Total);
        Assert.Equal(ErrorKind.NotFound, (await reports.GetAsync(Units.Lviv.Id, unattended)).Error!.Kind);
    }

    [Fact]
    public async Task An_oblast_of_more_people_than_a_query_takes_parameters_still_gets_its_report_and_course_picker()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);
        // SQLite takes at most 32,766 parameters in one statement; the people of a large oblast are more.
        for (var i = 0; i < 33_000; i++)
        {
            _world.People.Add($"Працівник {i}", Units.ZhytomyrCity.Id);
        }
        _host.AsCoordinatorOf(Units.Lviv.Id);
        var lvivCourse = await _host.CreatePublishedAsync("Робота з громадою", Units.Lviv.Id);
        _host.AsSupervisorOf(Units.Zhytomyr.Id);
        var reports = _host.Get<LearningReports>();

        var report = await reports.GetAsync(Units.Zhytomyr.Id, courseId);

        Assert.Equal(new ReportFigures(4, 2, 1, 1, 88), report.Value.Total);
        Assert.Equal([courseId], (await reports.CoursesAsync()).Select(c => c.Id));
        Assert.Equal(ErrorKind.NotFound, (await reports.GetAsync(Units.Zhytomyr.Id, lvivCourse)).Error!.Kind);
    }

    [Fact]
    public async Task The_csv_has_a_byte_order_mark_semicolons_and_a_line_for_the_total_each_course_and_each_unit()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);

        var file = (await _host.Get<ReportExport>().ExportAsync(Units.Zhytomyr.Id, courseId, SpreadsheetFormat.Csv)).Value;

        Assert.Equal(Encoding.UTF8.GetPreamble(), file.Content[..3]);
        Assert.EndsWith(".csv", file.FileName, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Рядок;Назва;Записано;Навчаються;Завершили;Прострочили;Середній бал за тести, %",
                "Разом;Житомирська область;4;2;1;1;88",
                "Курс;Перша психологічна допомога;4;2;1;1;88",
                "Підрозділ;Житомирська область;1;1;0;0;",
                "Підрозділ;Житомирська міська громада;3;1;1;1;88",
            ],
            Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_workbook_reads_back_with_the_same_figures_per_course_and_per_unit()
    {
        InUkrainian();
        var courseId = await SeedAsync(_host, _world);

        var file = (await _host.Get<ReportExport>().ExportAsync(Units.Zhytomyr.Id, courseId, SpreadsheetFormat.Xlsx)).Value;

        using var stream = new MemoryStream(file.Content);
        Assert.Equal(["За курсами", "За підрозділами", "Усі рядки"], stream.GetSheetNames());
        var units = stream.Query(useHeaderRow: true, sheetName: "За підрозділами").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(
            [("Житомирська область", 1.0, 0.0), ("Житомирська міська громада", 3.0, 1.0)],
            units.Select(u => ((string)u["Назва"]!, Convert.ToDouble(u["Записано"]), Convert.ToDouble(u["Прострочили"]))));
        var courses = stream.Query(useHeaderRow: true, sheetName: "За курсами").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(88.0, Convert.ToDouble(courses["Середній бал за тести, %"]));
    }
}

public sealed class ReportsOnSqlite(SqliteServer server) : ReportTests(server), IClassFixture<SqliteServer>;

public sealed class ReportsOnPostgreSql(PostgreSqlServer server) : ReportTests(server), IClassFixture<PostgreSqlServer>;
