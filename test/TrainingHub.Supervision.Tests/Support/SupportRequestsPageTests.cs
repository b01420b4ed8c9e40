using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Support;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Support;

/// <summary>
/// The requests for a supportive conversation as the demo supervisor sees them, in Ukrainian, and that nobody else sees
/// them: not the demo mentor, who also supervises, nor a coordinator or an administrator holding every permission.
/// </summary>
public sealed class SupportRequestsPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private static readonly PermissionGrant[] Everything =
    [
        new(SupervisionPermissions.Supervise, null), new(SupervisionPermissions.AssignmentsManage, null), new(SupervisionPermissions.LogsRead, null),
        new(SupervisionPermissions.HoursReviewInArea, null), new(SupervisionPermissions.SessionsView, null),
    ];

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

    private async Task<Guid> ActAsync(string email, params PermissionGrant[] grants)
    {
        var id = await _scenario.PersonAsync(email);
        _scenario.Host.User.ActingAs(id, grants.Length == 0 ? [new PermissionGrant(SupervisionPermissions.Supervise, null)] : grants);
        return id;
    }

    [Fact]
    public async Task The_supervisor_sees_who_asked_when_the_note_and_only_shared_scores_and_marks_a_request_handled_after_confirming()
    {
        var learner = await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Зручно в четвер після обіду");
        _scenario.Clock.Advance(TimeSpan.FromHours(2));
        var other = await _scenario.AskAsync("h.bondarenko@traininghub.example");
        await _scenario.Host.DeliverEventsAsync();
        await ActAsync("supervisor@traininghub.example");

        var supervisees = _pages.Render<MySuperviseesPage>();
        supervisees.WaitForAssertion(() => Assert.Contains("Відкритих прохань про підтримувальну розмову: 2.", supervisees.Find("#my-people-support-waiting").TextContent));
        var providers = _pages.RenderProviders();
        var page = _pages.Render<SupportRequestsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-support-request").Count));

        // The latest first.
        var (first, second) = (page.FindAll(".th-support-request")[0], page.FindAll(".th-support-request")[1]);
        Assert.Equal(other.RequestId.ToString(), first.GetAttribute("data-request"));
        Assert.Equal("Оцінками не поділилися", first.QuerySelector(".th-no-scores")!.TextContent);
        Assert.Empty(first.QuerySelectorAll(".th-score"));
        Assert.Equal("Оксана Волонтерка", second.QuerySelector(".th-person")!.TextContent);
        Assert.Equal("Попросили 02.03.2026 о 11:00", second.QuerySelector(".th-when")!.TextContent);
        Assert.Equal("Примітка: Зручно в четвер після обіду", second.QuerySelector(".th-note")!.TextContent);
        Assert.Equal(["Особисте вигорання: 75 (висока)", "Вигорання, пов'язане з роботою: 25"], second.QuerySelectorAll(".th-score").Select(s => s.TextContent));
        Assert.EndsWith($"supervision/sessions?with={learner.PersonId}", second.QuerySelector("a.th-plan")!.GetAttribute("href"));

        second.QuerySelector(".th-close")!.Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Прохання: Оксана Волонтерка.", providers.Dialogs.Markup));
        providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Позначити як опрацьоване").Click();

        page.WaitForAssertion(() => Assert.Equal("Опрацьовано 02.03.2026",
            page.FindAll(".th-support-request").Single(r => r.GetAttribute("data-request") == learner.RequestId.ToString()).QuerySelector(".th-handled")!.TextContent.Trim()));
        var handled = page.FindAll(".th-support-request").Single(r => r.GetAttribute("data-request") == learner.RequestId.ToString());
        Assert.Null(handled.QuerySelector(".th-close"));
        Assert.Equal(other.RequestId.ToString(), page.FindAll(".th-support-request")[0].GetAttribute("data-request"));
        Assert.Equal("SupportRequests:Error:AlreadyHandled", (await _scenario.Host.Get<SupportRequests>().CloseAsync(learner.RequestId)).Error!.Key);
        Assert.Equal(1, await _scenario.Host.Get<SupportRequests>().OpenCountAsync());
    }

    [Fact]
    public async Task Plan_a_session_opens_the_scheduling_form_with_the_person_already_chosen()
    {
        var learner = await _scenario.PersonAsync("learner@traininghub.example");
        await ActAsync("supervisor@traininghub.example", new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var providers = _pages.RenderProviders();
        _pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/supervision/sessions?with={learner}");

        _pages.Render<SessionsPage>();

        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", providers.Dialogs.Markup));
        providers.Dialogs.Find("#schedule-submit").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оберіть дату зустрічі.", providers.Dialogs.Markup));
        Assert.DoesNotContain("Оберіть одну людину.", providers.Dialogs.Markup);
    }

    [Fact]
    public async Task Another_supervisor_a_coordinator_and_an_administrator_neither_see_nor_close_the_request()
    {
        var asked = await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Зручно в четвер");
        await _scenario.Host.DeliverEventsAsync();

        foreach (var email in new[] { "mentor@traininghub.example", "coordinator@traininghub.example", "admin@traininghub.example" })
        {
            await ActAsync(email, Everything);
            var page = _pages.Render<SupportRequestsPage>();
            page.WaitForAssertion(() => Assert.Equal("Прохань про підтримувальну розмову немає.", page.Find("#support-requests-empty").TextContent));
            Assert.DoesNotContain("Оксана Волонтерка", page.Markup);
            Assert.Equal(ErrorKind.NotFound, (await _scenario.Host.Get<SupportRequests>().CloseAsync(asked.RequestId)).Error!.Kind);
            Assert.Equal(0, await _scenario.Host.Get<SupportRequests>().OpenCountAsync());
        }
        await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.AssignmentsManage, null));
        var withoutSupervise = _pages.Render<SupportRequestsPage>();
        withoutSupervise.WaitForAssertion(() => Assert.NotNull(withoutSupervise.Find("#page-error")));
        await ActAsync("supervisor@traininghub.example");
        Assert.True((await _scenario.Host.Get<SupportRequests>().MineAsync()).Value.Single().HandledAt is null);
    }
}
