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
