using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Assignments;

/// <summary>The coordinators' assignment list and the supervisors' own people, rendered as a person sees them.</summary>
public sealed class AssignmentPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _zhytomyrOblast;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _zhytomyrOblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.AssignmentsManage, _zhytomyrOblast));
        _pages = new PageRenderer(_host);
        // The demo people come with demo assignments; these tests start from none.
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        // The demo mentees' goals hang on the demo assignments.
        await db.Goals.ExecuteDeleteAsync();
        await db.Assignments.ExecuteDeleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private static void Pick(RenderedProviders providers, string input, string typed, string name)
    {
        providers.Dialogs.Find(input).Input(typed);
        providers.Popovers.WaitForAssertion(() => Assert.Contains(name, providers.Popovers.Markup));
        providers.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains(name)).Click();
    }

    [Fact]
    public async Task A_coordinator_assigns_a_supervisor_from_an_empty_list_sees_the_reason_for_a_refusal_and_then_the_row()
    {
        var providers = _pages.RenderProviders();
        var page = _pages.Render<AssignmentsPage>();
        page.WaitForAssertion(() => Assert.Contains("Ніхто з вашої території ще не має супервізора", page.Find("#no-assignments").TextContent));

        page.Find("#assignments-new").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#assign-submit")));
        // Found and clicked in one go: a picker's choice re-renders the dialog, which would leave a found button stale.
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#assign-submit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оберіть людину.", providers.Dialogs.Markup));
        Pick(providers, "input#assign-person", "Волонт", "Оксана Волонтерка");
        Pick(providers, "input#assign-assignee", "Мельник", "Олександр Мельник");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#assign-submit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оберіть активну людину, яка може супервізувати", providers.Dialogs.Markup));
        Pick(providers, "input#assign-assignee", "Супервіз", "Марія Супервізорка");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#assign-submit").Click());

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Призначено.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", page.Find("#assignments tbody").TextContent));
        Assert.Contains("Марія Супервізорка", page.Find("#assignments tbody").TextContent);
        Assert.Contains("Супервізор", page.Find("#assignments tbody").TextContent);
        Assert.Contains("Марія Супервізорка", page.Find("#case-load").TextContent);
    }

    [Fact]
    public async Task Ending_asks_first_and_the_row_moves_to_the_ended_ones()
    {
        var id = (await _host.Get<AssignmentRegister>().AssignAsync(new AssignInput
        {
            PersonId = await PersonAsync("learner@traininghub.example"), AssigneeId = await PersonAsync("mentor@traininghub.example"),
            Role = AssignmentRole.Mentor, StartsOn = new DateOnly(2026, 2, 1),
        })).Value;
        var providers = _pages.RenderProviders();
        var page = _pages.Render<AssignmentsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#assignment-end-{id}")));

        page.Find($"#assignment-end-{id}").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Андрій Наставник", providers.Dialogs.Markup));
        providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Завершити").Click();
        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Призначення завершується сьогодні.", providers.Snackbars.Markup));
        _clock.Advance(TimeSpan.FromDays(1));
        page.Find("input#assignments-search").Input("Оксана");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-assignments")));
        page.Find("input#assignments-ended").Change(true);
        page.WaitForAssertion(() => Assert.Contains("завершено", page.Find("#assignments tbody").TextContent));
    }

    [Fact]
    public async Task A_supervisor_sees_their_people_grouped_by_what_they_are_to_them_or_an_empty_state()
    {
        _host.User.ActingAs(await PersonAsync("supervisor@traininghub.example"), new PermissionGrant(SupervisionPermissions.Supervise, null));
        var empty = _pages.Render<MySuperviseesPage>();
        empty.WaitForAssertion(() => Assert.Contains("Вам ще нікого не призначено", empty.Find("#my-people-empty").TextContent));

        _host.User.Holding(new PermissionGrant(SupervisionPermissions.AssignmentsManage, _zhytomyrOblast));
        await _host.Get<AssignmentRegister>().AssignAsync(new AssignInput
        {
            PersonId = await PersonAsync("learner@traininghub.example"), AssigneeId = await PersonAsync("supervisor@traininghub.example"),
            Role = AssignmentRole.Supervisor, StartsOn = new DateOnly(2026, 3, 1),
        });
        _host.User.ActingAs(await PersonAsync("supervisor@traininghub.example"), new PermissionGrant(SupervisionPermissions.Supervise, null));
        var page = _pages.Render<MySuperviseesPage>();

        page.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", page.Find("#my-people-Supervisor").TextContent));
        Assert.Contains("Я супервізую", page.Markup);
        Assert.Contains("з 01.03.2026", page.Markup);
        Assert.Equal("Наступна супервізія — до 08.03.2026 (зустрічей ще не було)", page.Find(".th-due").TextContent.Trim());
    }
}
