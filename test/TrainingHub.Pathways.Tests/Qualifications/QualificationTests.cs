using Bunit;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Qualifications;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Qualifications;

/// <summary>
/// The qualification characteristics of positions, on both databases: the demo ones with their competency profile,
/// supervision frequency and the pathway stages leading to them; written by a coordinator, refused to others, checked
/// for length and concurrent edits; shown on the page in the reader's language and printed in both.
/// </summary>
public abstract class QualificationTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private async Task<Guid> PositionAsync(string code) => (await Host.Get<IPositionTypes>().ListAsync()).Single(p => p.Code == code).Id;

    private void AsLearner() => Host.User.Holding(new PermissionGrant(PathwaysPermissions.Own, null));

    private void AsEditor() => Host.User.Holding(new PermissionGrant(PathwaysPermissions.Own, null), new PermissionGrant(PathwaysPermissions.QualificationsEdit, null));

    [Fact]
    public async Task A_social_worker_post_reads_with_its_duties_competency_profile_supervision_and_the_stage_leading_to_it()
    {
        _scenario.Others.Profiles[await PositionAsync("social-worker")] =
            [new RequiredCompetency("CP-INCL", "CP.1.1", "Комунікація", "Communication", new CompetencyLevelName(3, "Досвідчений", "Proficient"))];
        AsLearner();

        var list = (await Host.Get<QualificationProfiles>().ListAsync()).Value;
        var view = (await Host.Get<QualificationProfiles>().GetAsync("social-worker")).Value;
        var supervisor = (await Host.Get<QualificationProfiles>().GetAsync("supervisor")).Value;

        Assert.Contains(list, p => p.Code == "social-worker" && p.Described);
        Assert.Contains(list, p => p.Code == "supervisor" && !p.Described);
        Assert.StartsWith("Виявляє сім'ї", view.Profile!.DutiesUk);
        Assert.Equal(40, view.Profile.CpdHoursPerYear);
        Assert.Equal("CP.1.1", Assert.Single(view.Competencies).Code);
        Assert.Equal("monthly", view.Frequency.En);
        Assert.Equal((5, "Соціальний працівник"), (Assert.Single(view.Stages).Position, view.Stages[0].StageUk));
        Assert.False(view.CanEdit);
        Assert.Null(supervisor.Profile);
        Assert.Equal(ErrorKind.NotFound, (await Host.Get<QualificationProfiles>().GetAsync("astronaut")).Error!.Kind);
    }

    [Fact]
    public async Task A_coordinator_writes_a_position_that_had_none_and_a_stale_or_overlong_edit_changes_nothing()
    {
        AsLearner();
        var refused = await Host.Get<QualificationProfiles>().SaveAsync("supervisor", new QualificationInput { DutiesUk = "Ні" }, null);
        AsEditor();
        var empty = await Host.Get<QualificationProfiles>().SaveAsync("supervisor", new QualificationInput { DutiesUk = " ", CpdHoursPerYear = 900 }, null);
        var saved = await Host.Get<QualificationProfiles>().SaveAsync(
            "supervisor", new QualificationInput { DutiesUk = "Проводить супервізію", DutiesEn = "Supervises", CpdHoursPerYear = 30 }, null);
        var stale = await Host.Get<QualificationProfiles>().SaveAsync("supervisor", new QualificationInput { DutiesUk = "Інше" }, null);
        var read = (await Host.Get<QualificationProfiles>().GetAsync("supervisor")).Value;
        var overlong = await Host.Get<QualificationProfiles>().SaveAsync(
            "supervisor", new QualificationInput { DutiesUk = new string('а', QualificationProfile.MaxTextLength + 1) }, read.Profile!.Version);

        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.Equal(["CpdHours", "DutiesRequired"], empty.Error!.Fields.Select(f => f.Key.Split(":")[^1]).Order());
        Assert.True(saved.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(("Проводить супервізію", 30), (read.Profile.DutiesUk, read.Profile.CpdHoursPerYear));
        Assert.Equal("Qualifications:Error:TooLong", overlong.Error!.Fields.Single().Key);
        Assert.Equal("Проводить супервізію", (await Host.Get<QualificationProfiles>().GetAsync("supervisor")).Value.Profile!.DutiesUk);
    }

    [Fact]
    public async Task Hours_in_competency_areas_are_checked_row_by_row_and_against_the_yearly_hours_and_saved_again_replace_the_areas()
    {
        AsEditor();
        var profiles = Host.Get<QualificationProfiles>();
        var (abuse, firstAid, rights) = (_scenario.Others.Area("CP.4.1"), _scenario.Others.Area("CP.5.1"), _scenario.Others.Area("CP.1.1"));
        QualificationInput Asking(int? total, params (Guid? Area, int? Hours)[] areas) => new()
        {
            DutiesUk = "Проводить супервізію", CpdHoursPerYear = total,
            Areas = areas.Select(a => new AreaRequirementInput { AreaId = a.Area, Hours = a.Hours }).ToList(),
        };

        var rows = await profiles.SaveAsync("supervisor", Asking(10, (null, 3), (abuse, 0), (Guid.NewGuid(), 2), (firstAid, 4), (firstAid, 2), (rights, 11)), null);
        var sum = await profiles.SaveAsync("supervisor", Asking(10, (abuse, 6), (firstAid, 5)), null);
        var noTotal = await profiles.SaveAsync("supervisor", Asking(null, (abuse, 6)), null);
        var saved = await profiles.SaveAsync("supervisor", Asking(10, (firstAid, 4), (abuse, 6)), null);
        var first = (await profiles.GetAsync("supervisor")).Value;
        var again = await profiles.SaveAsync("supervisor", Asking(12, (abuse, 8)), first.Profile!.Version);
        var second = (await profiles.GetAsync("supervisor")).Value;

        Assert.Equal(
            [
                ("Areas[0].AreaId", "Qualifications:Error:AreaRequired"), ("Areas[1].Hours", "Qualifications:Error:AreaHours"),
                ("Areas[2].AreaId", "Qualifications:Error:AreaRequired"), ("Areas[4].AreaId", "Qualifications:Error:AreaTwice"),
                ("Areas[5].Hours", "Qualifications:Error:AreaOverTotal"),
            ],
            rows.Error!.Fields.Select(f => (f.Field, f.Key)));
        Assert.Equal(("Areas", "Qualifications:Error:AreasOverTotal"), (sum.Error!.Fields.Single().Field, sum.Error.Fields.Single().Key));
        Assert.Equal("Qualifications:Error:AreasWithoutTotal", noTotal.Error!.Fields.Single().Key);
        Assert.True(saved.Succeeded);
        Assert.Equal([("CP.4.1", 6), ("CP.5.1", 4)], first.Areas.Select(a => (a.Area.Code, a.Hours)));
        Assert.True(again.Succeeded, again.Error?.Key);
        Assert.Equal([("CP.4.1", 8)], second.Areas.Select(a => (a.Area.Code, a.Hours)));
    }

    [Fact]
    public async Task The_editor_opens_with_the_areas_asked_and_an_area_over_the_yearly_hours_is_refused_next_to_its_row()
    {
        AsEditor();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();
        var page = pages.Render<QualificationPage>(p => p.Add(x => x.Code, "social-assistant"));

        page.WaitForAssertion(() => page.Find("#qualification-edit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Single(providers.Dialogs.FindAll("#qualification-areas li")));
        Assert.Equal("6", providers.Dialogs.Find("input#qualification-area-hours-0").GetAttribute("value"));
        Assert.Equal("CP.4.1 Signs of abuse and neglect", providers.Dialogs.Find("input#qualification-area-0").GetAttribute("value"));
        providers.Dialogs.Find("input#qualification-area-hours-0").Change("25");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#qualification-save").Click());

        providers.Dialogs.WaitForAssertion(() => Assert.Contains("At most the 20 hours asked a year.", providers.Dialogs.Find("#qualification-areas li").TextContent));
        Assert.Equal([6], (await Host.Get<QualificationProfiles>().GetAsync("social-assistant")).Value.Areas.Select(a => a.Hours));
    }

    [Fact]
    public async Task The_document_lists_the_hours_asked_in_each_competency_area_in_both_languages()
    {
        AsLearner();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        var print = pages.Render<QualificationPrintPage>(p => p.Add(x => x.Code, "social-assistant"));

        print.WaitForAssertion(() => Assert.Equal(2, print.FindAll(".th-cpd-areas").Count));
        Assert.Equal("CP.4.1 Ознаки насильства і нехтування: щонайменше 6 годин", print.FindAll(".th-cpd-areas")[0].TextContent.Trim());
        Assert.Equal("CP.4.1 Signs of abuse and neglect: at least 6 hours", print.FindAll(".th-cpd-areas")[1].TextContent.Trim());
        Assert.Contains("At least 20 hours a year", print.FindAll(".th-cpd")[1].TextContent);
    }

    [Fact]
    public async Task A_position_asking_in_credits_asks_their_hours_and_its_document_and_a_holders_record_say_credits_with_the_hours_they_mean()
    {
        AsEditor();
        var before = (await Host.Get<QualificationProfiles>().GetAsync("social-assistant")).Value;
        QualificationInput InCredits(int? credits, int? hoursPerCredit) => new()
        {
            DutiesUk = before.Profile!.DutiesUk, DutiesEn = before.Profile.DutiesEn, CpdUnit = CpdUnit.Credits, CpdCreditsPerYear = credits,
            HoursPerCredit = hoursPerCredit, Areas = before.Areas.Select(a => new AreaRequirementInput { AreaId = a.Area.Id, Hours = a.Hours }).ToList(),
        };

        var noCredits = await Host.Get<QualificationProfiles>().SaveAsync("social-assistant", InCredits(0, 15), before.Profile!.Version);
        var longCredit = await Host.Get<QualificationProfiles>().SaveAsync("social-assistant", InCredits(2, 61), before.Profile.Version);
        var tooManyHours = await Host.Get<QualificationProfiles>().SaveAsync("social-assistant", InCredits(40, 15), before.Profile.Version);
        var saved = await Host.Get<QualificationProfiles>().SaveAsync("social-assistant", InCredits(2, 15), before.Profile.Version);
        var read = (await Host.Get<QualificationProfiles>().GetAsync("social-assistant")).Value;
        var halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        Host.User.ActingAs(halyna, new PermissionGrant(PathwaysPermissions.Own, null));
        var year = (await Host.Get<TrainingHub.Pathways.Development.DevelopmentRecords>().MineAsync(null)).Value;
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var record = pages.Render<TrainingHub.Pathways.Development.DevelopmentPage>();
        var print = pages.Render<QualificationPrintPage>(p => p.Add(x => x.Code, "social-assistant"));

        Assert.Equal(["CpdCreditsPerYear CpdCredits"], noCredits.Error!.Fields.Select(f => $"{f.Field} {f.Key.Split(':')[^1]}"));
        Assert.Equal(["HoursPerCredit HoursPerCredit"], longCredit.Error!.Fields.Select(f => $"{f.Field} {f.Key.Split(':')[^1]}"));
        Assert.Equal(["CpdCreditsPerYear CpdCredits"], tooManyHours.Error!.Fields.Select(f => $"{f.Field} {f.Key.Split(':')[^1]}"));
        Assert.True(saved.Succeeded);
        Assert.Equal((30, 15), (read.Profile!.CpdHoursPerYear, read.Profile.HoursPerCredit));
        Assert.Equal([6], read.Areas.Select(a => a.Hours));
        Assert.Equal(30, year.RequiredHours);
        record.WaitForAssertion(() => Assert.Contains("0 of 2 credits (30 h) this year", record.Find("#development-summary h2").TextContent));
        Assert.Contains("2 credits to go this year.", record.Find("#development-state").TextContent);
        print.WaitForAssertion(() => Assert.Equal(2, print.FindAll(".th-cpd").Count));
        Assert.Contains("Кредитів на рік: щонайменше 2 (30 год; один кредит — 15 год)", print.FindAll(".th-cpd")[0].TextContent);
        Assert.Contains("At least 2 credits a year (30 hours; one credit is 15 hours)", print.FindAll(".th-cpd")[1].TextContent);
    }

    [Fact]
    public async Task The_page_shows_the_readers_language_and_the_print_shows_both()
    {
        AsLearner();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        var page = pages.Render<QualificationPage>(p => p.Add(x => x.Code, "social-assistant"));
        var print = pages.Render<QualificationPrintPage>(p => p.Add(x => x.Code, "social-assistant"));

        page.WaitForAssertion(() => Assert.Equal("en", page.Find(".th-qualification").GetAttribute("data-language")));
        Assert.Contains("Provides social services to families", page.Find(".th-duties").TextContent);
        Assert.Contains("At least 20 hours a year", page.Find(".th-cpd").TextContent);
        Assert.Empty(page.FindAll("#qualification-edit"));
        print.WaitForAssertion(() => Assert.Equal(["uk", "en"], print.FindAll(".th-qualification").Select(s => s.GetAttribute("data-language"))));
        Assert.Contains("Надає соціальні послуги родинам", print.FindAll(".th-duties")[0].TextContent);
        Assert.Contains("Кваліфікаційна характеристика: Соціальний помічник", print.FindAll(".th-qualification h2")[0].TextContent);
        Assert.Contains("Qualification characteristics: Social assistant", print.FindAll(".th-qualification h2")[1].TextContent);
    }
}

public sealed class QualificationsOnSqlite(SqliteServer server) : QualificationTests(server), IClassFixture<SqliteServer>;

public sealed class QualificationsOnPostgreSql(PostgreSqlServer server) : QualificationTests(server), IClassFixture<PostgreSqlServer>;
