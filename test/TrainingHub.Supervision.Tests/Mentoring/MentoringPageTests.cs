using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Mentoring;

/// <summary>The mentoring pages as the demo mentor and the demo learner see them, in Ukrainian.</summary>
public sealed class MentoringPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _pairId;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _pages = new PageRenderer(_host);
        var people = _host.Get<IPeopleLookup>();
        var (mentor, learner) = ((await people.FindByEmailAsync("mentor@traininghub.example"))!.Id, (await people.FindByEmailAsync("learner@traininghub.example"))!.Id);
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        _pairId = await db.Assignments.Where(a => a.AssigneeId == mentor && a.PersonId == learner && a.Role == AssignmentRole.Mentor).Select(a => a.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task ActAsync(string email) =>
        _host.User.ActingAs((await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id,
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));

    [Fact]
    public async Task The_mentor_adds_a_goal_on_the_list_of_pairs_and_the_mentee_marks_it_achieved_without_a_way_to_drop_it()
    {
        await ActAsync("mentor@traininghub.example");
        var list = _pages.Render<MentoringPage>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("#pairs > .mud-paper").Count));
        Assert.Contains("Менторство: Оксана Волонтерка", list.Find($"#pair-{_pairId} h2").TextContent);

        list.Find($"#pair-{_pairId} .th-goal-form input").Change("Провести першу групу батьків");
        list.Find($"#pair-{_pairId} .th-goal-add").Click();
        list.WaitForAssertion(() => Assert.Contains(list.FindAll($"#pair-{_pairId} .th-goal-text"), g => g.TextContent == "Провести першу групу батьків"));
        Assert.NotEmpty(list.FindAll($"#pair-{_pairId} .th-goal-drop"));

        await ActAsync("learner@traininghub.example");
        var page = _pages.Render<PairPage>(p => p.Add(x => x.AssignmentId, _pairId));
        page.WaitForAssertion(() => Assert.Contains("Ваш ментор: Андрій Наставник", page.Find("h1").TextContent));
        Assert.Empty(page.FindAll(".th-goal-drop"));
        var goal = page.FindAll(".th-goal").Single(g => g.QuerySelector(".th-goal-text")!.TextContent == "Провести першу групу батьків");
        goal.QuerySelector(".th-goal-achieve")!.Click();

        page.WaitForAssertion(() => Assert.Equal("досягнута",
            page.FindAll(".th-goal").Single(g => g.QuerySelector(".th-goal-text")!.TextContent == "Провести першу групу батьків").QuerySelector(".th-goal-status")!.TextContent.Trim()));
        Assert.Contains("за 14 днів до завершення", page.Find(".th-review-state").TextContent);
    }

    [Fact]
    public async Task Someone_outside_the_pair_is_told_it_does_not_exist_and_someone_without_a_pair_sees_an_empty_list()
    {
        await ActAsync("supervisor@traininghub.example");
        var page = _pages.Render<PairPage>(p => p.Add(x => x.AssignmentId, _pairId));
        var list = _pages.Render<MentoringPage>();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".th-goal-form")));
        Assert.DoesNotContain("Оксана Волонтерка", page.Markup);
        list.WaitForAssertion(() => Assert.NotNull(list.Find("#mentoring-empty")));
    }
}
