using Bunit;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Progress;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Progress;

/// <summary>
/// The pathway pages as people use them: the learner's own with what is met and where to go for what is not, her
/// supervisor signing her off after confirming, and a coordinator placing a colleague from the list.
/// </summary>
public sealed class ProgressPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private ModuleTestHost _host = null!;
    private OtherModules _others = null!;
    private Guid _learner;
    private Guid _supervisor;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        (_host, _others) = (_scenario.Host, _scenario.Others);
        _learner = (await _host.Get<IPeopleLookup>().FindByEmailAsync("learner@traininghub.example"))!.Id;
        _supervisor = (await _host.Get<IPeopleLookup>().FindByEmailAsync("supervisor@traininghub.example"))!.Id;
        _others.Assigned[_learner] = new PersonAssignees(_supervisor, [], null);
        _others.Records[_learner] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 12.5m)], 1, null);
        _others.Level(_learner, "CP.1.1", 1);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task The_learner_sees_her_stages_and_what_the_next_asks_with_a_link_to_log_her_hours()
    {
        _host.User.ActingAs(_learner, new PermissionGrant(PathwaysPermissions.Own, null));
        await using var pages = new PageRenderer(_host) { Culture = Cultures.English };

        var page = pages.Render<MyPathwayPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#requirements")));
        Assert.Equal(["Current", "Next", "Later", "Later", "Later"], page.FindAll(".th-stage").Select(s => s.GetAttribute("data-state")));
        Assert.Contains("1. Volunteer", page.Find(".th-stage[data-state='Current']").TextContent);
        Assert.Contains("Next stage: Trained volunteer", page.Find("#next-stage h2").TextContent);
        Assert.Contains("Not everything this stage asks for is met yet.", page.Find("#readiness").TextContent);
        var hours = page.Find(".th-requirement[data-kind='PracticeHours']");
        Assert.Contains("12.5 approved practice hours of 20: 7.5 to go", hours.TextContent);
        Assert.Equal("/supervision/hours", hours.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Met", page.Find(".th-requirement[data-kind='CompetencyAtLevel']").GetAttribute("data-outcome"));
        Assert.Null(page.Find(".th-requirement[data-kind='CompetencyAtLevel']").QuerySelector("a"));
        Assert.Contains("Needs the sign-off of a supervisor", page.Find(".th-requirement[data-kind='SignOff']").TextContent);
        Assert.Empty(page.FindAll("button[id^='sign-off']"));
    }

    [Fact]
    public async Task Her_supervisor_signs_her_off_after_confirming_and_the_requirement_turns_met()
    {
        _host.User.ActingAs(_supervisor, new PermissionGrant(PathwaysPermissions.ProgressView, null), new PermissionGrant(PathwaysPermissions.StagesSignOff, null))
            .InRoles(BuiltInRoles.Supervisor);
        await using var pages = new PageRenderer(_host);
        var providers = pages.RenderProviders();

        var page = pages.Render<PersonPathwayPage>(p => p.Add(x => x.PersonId, _learner));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#sign-off-Supervisor")));
        Assert.Contains("Шлях: Оксана Волонтерка", page.Find("h1").TextContent);
        await page.InvokeAsync(() => page.Find("#sign-off-Supervisor").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", providers.Dialogs.Markup));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Підтвердити").Click());

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Підтверджено.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal("Met", page.Find(".th-requirement[data-kind='SignOff']").GetAttribute("data-outcome")));
        Assert.Empty(page.FindAll("#sign-off-Supervisor"));
    }

    [Fact]
    public async Task A_coordinator_places_a_colleague_from_the_list_and_finds_her_there()
    {
        var city = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484"))!.Id;
        _host.User.Holding(new PermissionGrant(PathwaysPermissions.ProgressView, city), new PermissionGrant(PathwaysPermissions.PlacementsManage, city));
        await using var pages = new PageRenderer(_host);
        var providers = pages.RenderProviders();

        var page = pages.Render<PeoplePage>();
        page.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", page.Find("#placements").TextContent));
        await page.InvokeAsync(() => page.Find("#people-place").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#place-submit")));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#place-submit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оберіть людину.", providers.Dialogs.Markup));
        providers.Dialogs.Find("input#place-person").Input("Кравч");
        providers.Popovers.WaitForAssertion(() => Assert.Contains("Кравчук", providers.Popovers.Markup));
        providers.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Кравчук")).Click();
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#place-submit").Click());

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Зараховано на шлях.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("Кравчук", page.Find("#placements").TextContent));
        page.Find("input#people-search").Input("Кравч");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#placements tbody tr")));
    }

    [Fact]
    public async Task She_asks_to_move_on_from_her_page_and_a_coordinator_declines_with_a_reason_she_then_reads()
    {
        _others.Records[_learner] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 25m)], 2, null);
        _host.User.ActingAs(_supervisor, new PermissionGrant(PathwaysPermissions.ProgressView, null), new PermissionGrant(PathwaysPermissions.StagesSignOff, null))
            .InRoles(BuiltInRoles.Supervisor);
        var version = (await _host.Get<PathwayProgress>().ForPersonAsync(_learner)).Value.Version!.Value;
        Assert.True((await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Supervisor, version)).Succeeded);
        _host.User.ActingAs(_learner, new PermissionGrant(PathwaysPermissions.Own, null));
        await using var pages = new PageRenderer(_host);
        var providers = pages.RenderProviders();

        var mine = pages.Render<MyPathwayPage>();
        mine.WaitForAssertion(() => Assert.NotNull(mine.Find("#progression-ask")));
        Assert.Contains("Попросити про перехід на етап «Навчений волонтер»", mine.Find("#progression-ask").TextContent);
        mine.Find("textarea#progression-note").Change("Маю 25 годин практики.");
        await mine.InvokeAsync(() => mine.Find("#progression-ask").Click());
        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Запит подано.", providers.Snackbars.Markup));
        mine.WaitForAssertion(() => Assert.NotNull(mine.Find("#request-pending")));
        Assert.Empty(mine.FindAll("#progression-ask"));

        var city = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484"))!.Id;
        _host.User.Holding(new PermissionGrant(PathwaysPermissions.ProgressionApprove, city), new PermissionGrant(PathwaysPermissions.ProgressView, city));
        var requests = pages.Render<TrainingHub.Pathways.Progression.RequestsPage>();
        requests.WaitForAssertion(() => Assert.Contains("Оксана Волонтерка", requests.Find("#requests").TextContent));
        Assert.Contains("Маю 25 годин практики.", requests.Find(".th-note").TextContent);
        Assert.Contains("Волонтер → Навчений волонтер", requests.Find("#requests").TextContent);
        await requests.InvokeAsync(() => requests.Find("button[id^='decline-']").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#reason-submit")));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#reason-submit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть причину відхилення", providers.Dialogs.Markup));
        providers.Dialogs.Find("textarea#reason-text").Change("Потрібна ще одна сесія супервізії.");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#reason-submit").Click());
        requests.WaitForAssertion(() => Assert.NotNull(requests.Find("#no-requests")));

        _host.User.ActingAs(_learner, new PermissionGrant(PathwaysPermissions.Own, null));
        var again = pages.Render<MyPathwayPage>();
        again.WaitForAssertion(() => Assert.Contains("Потрібна ще одна сесія супервізії.", again.Find("#request-declined").TextContent));
        Assert.NotNull(again.Find("#progression-ask"));
    }
}
