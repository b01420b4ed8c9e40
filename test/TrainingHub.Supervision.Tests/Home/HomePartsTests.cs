using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Home;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Tests.Support;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Home;

/// <summary>
/// The supervision parts of the home page, in Ukrainian, over the demo people: the demo supervisor supervises four people
/// of Zhytomyr city and the demo mentor mentors two of them; the demo hours wait for the supervisor's signature.
/// </summary>
public sealed class HomePartsTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private const string Supervisor = "supervisor@traininghub.example";
    private const string Learner = "learner@traininghub.example";
    private const string ZhytomyrCity = "UA18040470000082484";

    private SupportScenario _scenario = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await SupportScenario.StartAsync(server);
        _pages = new PageRenderer(_scenario.Host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    private static PermissionGrant[] Supervising(bool reviewsHours) =>
        reviewsHours
            ? [new(SupervisionPermissions.Supervise, null), new(SupervisionPermissions.SessionsView, null), new(SupervisionPermissions.HoursReview, null)]
            : [new(SupervisionPermissions.Supervise, null), new(SupervisionPermissions.SessionsView, null)];

    private async Task<Guid> ActAsync(string email, params PermissionGrant[] grants)
    {
        var id = await _scenario.PersonAsync(email);
        _scenario.Host.User.ActingAs(id, grants);
        return id;
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<PeoplePart> part) => [.. part.FindAll(".th-home-person .th-name").Select(n => n.TextContent)];


    /// <summary>An individual supervision of the person that began two hours ago.</summary>
    private async Task<Guid> HeldAsync(string leader, string person)
    {
        var personId = await _scenario.PersonAsync(person);
        await ActAsync(leader, Supervising(reviewsHours: false));
        return (await _scenario.Host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [personId],
            Times = new SessionTimes { StartsAt = _scenario.Clock.GetUtcNow().AddHours(-2), DurationMinutes = 60 },
        })).Value;
    }

    [Fact]
    public async Task The_supervisor_sees_her_people_overdue_first_and_what_waits_for_her_each_linked_to_where_it_is_handled()
    {
        await _scenario.AskAsync(Learner);
        await _scenario.Host.DeliverEventsAsync();
        var session = await HeldAsync(Supervisor, Learner);
        var learner = await _scenario.PersonAsync(Learner);
        await ActAsync(Supervisor, Supervising(reviewsHours: true));

        var part = _pages.Render<PeoplePart>();
        part.WaitForAssertion(() => Assert.Equal(4, part.FindAll(".th-home-person").Count));

        Assert.Equal("Люди, яких я супервізую", part.Find("#home-supervision-people h3").TextContent);
        Assert.Equal(["Василь Кравчук", "Галина Бондаренко", "Наталія Ткаченко", "Оксана Волонтерка"], Names(part).Order(StringComparer.Ordinal));
        Assert.Equal("Відкритих прохань про підтримувальну розмову: 1", part.Find("#home-people-support").TextContent);
        Assert.EndsWith("supervision/support-requests", part.Find("#home-people-support").GetAttribute("href"));
        Assert.Equal("Записів годин практики, що чекають на ваш підпис: 4", part.Find("#home-people-hours").TextContent);
        Assert.EndsWith("supervision/hours/review", part.Find("#home-people-hours").GetAttribute("href"));
        var log = part.Find(".th-home-log");
        Assert.Equal("Журнал на підпис: Індивідуальна супервізія, 02.03.2026, з Оксана Волонтерка", log.TextContent.Trim());
        Assert.EndsWith($"supervision/sessions/{session}/log/{learner}", log.GetAttribute("href"));
        // Nobody has been supervised yet: everyone is overdue, and each has a link to plan a supervision with them.
        var overdue = part.FindAll(".th-home-person").Where(p => p.QuerySelector(".th-status")!.ClassList.Contains("mud-error-text")).ToList();
        Assert.Equal(4, overdue.Count);
        Assert.StartsWith("супервізія · супервізію прострочено з ", overdue[0].QuerySelector(".th-status")!.TextContent);
        Assert.EndsWith($"supervision/sessions?with={overdue[0].GetAttribute("data-person")}", overdue[0].QuerySelector("a.th-plan")!.GetAttribute("href"));
        // Four overdue, one log, four hours entries and one request.
        Assert.Equal("10", part.Find("#home-supervision-people .th-number").TextContent);
        Assert.EndsWith("supervision/my-people", part.Find("#home-supervision-people-all").GetAttribute("href"));
    }

    [Fact]
    public async Task The_mentor_sees_only_his_mentees_never_the_people_of_another_supervisor_nor_her_requests_or_logs()
    {
        await _scenario.AskAsync(Learner);
        await _scenario.Host.DeliverEventsAsync();
        await HeldAsync(Supervisor, "h.bondarenko@traininghub.example");
        await ActAsync("mentor@traininghub.example", Supervising(reviewsHours: false));

        var part = _pages.Render<PeoplePart>();
        part.WaitForAssertion(() => Assert.Equal(2, part.FindAll(".th-home-person").Count));

        Assert.Equal("Люди, яких я наставляю", part.Find("#home-supervision-people h3").TextContent);
        Assert.Equal(["Василь Кравчук", "Оксана Волонтерка"], Names(part).Order(StringComparer.Ordinal));
        Assert.All(part.FindAll(".th-home-person .th-status"), s => Assert.Equal("наставництво", s.TextContent));
        Assert.DoesNotContain("Галина Бондаренко", part.Markup);
        Assert.Empty(part.FindAll("#home-people-waiting, .th-plan"));
        Assert.Equal("0", part.Find("#home-supervision-people .th-number").TextContent);
    }

    [Fact]
    public async Task Someone_who_both_supervises_and_mentors_a_person_sees_them_and_their_log_once()
    {
        var learner = await _scenario.PersonAsync(Learner);
        var supervisor = await _scenario.PersonAsync(Supervisor);
        await using (var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            var unit = (await _scenario.Host.Get<IPeopleLookup>().FindAsync(learner))!.HomeUnitId!.Value;
            db.Assignments.Add(new Assignment
            {
                PersonId = learner, AssigneeId = supervisor, Role = AssignmentRole.Mentor, UnitId = unit,
                StartsOn = new DateOnly(2026, 2, 1), CreatedAt = _scenario.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        await HeldAsync(Supervisor, Learner);
        await ActAsync(Supervisor, Supervising(reviewsHours: false));

        var part = _pages.Render<PeoplePart>();
        part.WaitForAssertion(() => Assert.Equal(4, part.FindAll(".th-home-person").Count));

        var her = Assert.Single(part.FindAll(".th-home-person"), p => p.GetAttribute("data-person") == learner.ToString());
        Assert.StartsWith("супервізія · наставництво · супервізію прострочено з ", her.QuerySelector(".th-status")!.TextContent);
        Assert.Single(part.FindAll(".th-home-log"));
        Assert.Equal("5", part.Find("#home-supervision-people .th-number").TextContent);
    }

    [Fact]
    public async Task Someone_with_nobody_assigned_is_told_who_assigns_people()
    {
        await ActAsync("coordinator@traininghub.example", Supervising(reviewsHours: false));

        var part = _pages.Render<PeoplePart>();
        part.WaitForAssertion(() => Assert.NotNull(part.Find("#home-people-empty")));

        Assert.Equal("Вам ще нікого не призначено. Людей для супервізії чи наставництва призначає ваш координатор.", part.Find("#home-people-empty").TextContent);
        Assert.Empty(part.FindAll(".th-home-person"));
    }

    [Fact]
    public async Task The_coordinator_sees_the_share_supervised_often_enough_and_who_has_no_supervisor_in_her_area()
    {
        var city = (await _scenario.Host.Get<IOrganisationDirectory>().FindByKatottgAsync(ZhytomyrCity))!.Id;
        PermissionGrant coordinating = new(SupervisionPermissions.AssignmentsManage, city);
        await ActAsync("coordinator@traininghub.example", coordinating);
        var before = _pages.Render<CoveragePart>();
        before.WaitForAssertion(() => Assert.NotNull(before.Find("#home-coverage-share")));
        var beforeShare = before.Find("#home-coverage-share").TextContent.Trim();

        // The learner's supervision held and signed by both: she is supervised as often as her frequency asks.
        var session = await HeldAsync(Supervisor, Learner);
        var learner = await _scenario.PersonAsync(Learner);
        var book = _scenario.Host.Get<LogBook>();
        var log = (await book.OpenAsync(session, learner)).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Навантаження")).Value);
        await ActAsync(Learner, Supervising(reviewsHours: false));
        await book.SignAsync(log.Id, (await book.OpenAsync(session, learner)).Value.Version);
        await ActAsync("coordinator@traininghub.example", coordinating);
        var part = _pages.Render<CoveragePart>();
        part.WaitForAssertion(() => Assert.NotNull(part.Find("#home-coverage-share")));

        Assert.Equal("0% отримують супервізію так часто, як потрібно (0 з 4 людей, що мають супервізора)", beforeShare);
        Assert.Equal("25% отримують супервізію так часто, як потрібно (1 з 4 людей, що мають супервізора)", part.Find("#home-coverage-share").TextContent.Trim());
        // The supervisor and the mentor of the city have no supervisor of their own.
        Assert.Equal("Людей без супервізора: 2 з 6. Призначити супервізорів", part.Find("#home-coverage-unassigned").TextContent);
        Assert.EndsWith("supervision/assignments", part.Find("#home-coverage-unassigned").GetAttribute("href"));
        Assert.Equal("2", part.Find("#home-supervision-coverage .th-number").TextContent);
        Assert.EndsWith("supervision/coverage", part.Find("#home-supervision-coverage-all").GetAttribute("href"));
    }

    [Fact]
    public async Task A_coordinator_of_a_unit_where_nobody_works_is_told_so()
    {
        var directory = _scenario.Host.Get<IOrganisationDirectory>();
        var units = await directory.GetUnitsInAsync(UnitScope.Everywhere);
        var parents = units.Select(u => u.ParentId).OfType<Guid>().ToHashSet();
        var homes = (await _scenario.Host.Get<IPeopleSelection>().FindAsync(new PeopleCriteria())).Select(p => p.HomeUnitId).OfType<Guid>().ToHashSet();
        var empty = units.First(u => !parents.Contains(u.Id) && !homes.Contains(u.Id)).Id;
        await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.AssignmentsManage, empty));

        var part = _pages.Render<CoveragePart>();
        part.WaitForAssertion(() => Assert.NotNull(part.Find("#home-coverage-empty")));

        Assert.Equal("На вашій території ще ніхто не працює.", part.Find("#home-coverage-empty").TextContent);
        Assert.Empty(part.FindAll("#home-coverage-share, #home-coverage-unassigned"));
    }
}
