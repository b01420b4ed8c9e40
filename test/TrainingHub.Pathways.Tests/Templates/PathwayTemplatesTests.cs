using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Templates;

/// <summary>The demo pathway from volunteer to social worker as stored on both databases, and who may read it.</summary>
public abstract class PathwayTemplatesTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly CourseReference FirstAid = new(Guid.NewGuid(), "Перша психологічна допомога: основи", null, 120, false);

    private readonly OtherModules _others = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _others.Courses.Add(FirstAid);
        _host = await ModuleTestHost.StartAsync(
            server, [new OrganisationsModule(), new AccountsModule(), new PathwaysModule()], new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<ILearningRecords>(_others));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_demo_pathway_has_five_stages_in_order_with_their_requirements_read_back_whole()
    {
        _host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null));

        var list = (await _host.Get<PathwayTemplates>().ListAsync()).Value;
        var pathway = (await _host.Get<PathwayTemplates>().GetAsync(DemoPathway.Code)).Value;
        var unknown = await _host.Get<PathwayTemplates>().GetAsync("nowhere");
        await _host.Get<IEnumerable<TrainingHub.SharedKernel.Modules.IModuleInitializer>>().OfType<DemoPathway>().Single().InitialiseAsync(CancellationToken.None);

        Assert.Equal((DemoPathway.Code, 5), (Assert.Single(list).Code, list[0].Stages));
        Assert.Equal(["volunteer", "volunteer", "social-assistant", "case-manager", "social-worker"], pathway.Stages.Select(s => s.PositionTypeCode));
        var assistant = Assert.IsType<AllOf>(pathway.Stages[2].Requirements);
        Assert.Equal(new AnyOf([new CompetencyAtLevel("CP.2.1", 2), new MentoringCompleted()]).Items, Assert.IsType<AnyOf>(assistant.Items[3]).Items);
        Assert.Equal((24, (int?)null), (pathway.Stages[1].CertificateValidMonths!.Value, pathway.Stages[4].CertificateValidMonths));
        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Single((await _host.Get<PathwayTemplates>().ListAsync()).Value);
    }

    [Fact]
    public async Task Someone_without_the_permission_reads_no_template()
    {
        _host.User.Holding(new PermissionGrant("Learning.Courses.View", null));

        Assert.Equal(ErrorKind.Forbidden, (await _host.Get<PathwayTemplates>().ListAsync()).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _host.Get<PathwayTemplates>().GetAsync(DemoPathway.Code)).Error!.Kind);
    }

    [Fact]
    public async Task The_pathway_page_lists_each_stage_and_says_what_it_asks_for_in_words()
    {
        _host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null));
        await using var pages = new PageRenderer(_host) { Culture = Cultures.English };

        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, DemoPathway.Code));

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".th-stage").Count));
        Assert.Contains("Where a person starts: nothing is asked.", page.Find(".th-stage[data-position='1']").TextContent);
        var assistant = page.Find(".th-stage[data-position='3']");
        Assert.Contains("3. Social assistant", assistant.TextContent);
        Assert.Contains("Its certificate is valid for 36 months", assistant.TextContent);
        Assert.Contains("Any one of these:", assistant.TextContent);
        Assert.Contains("CP.2.1 at level 2 or above", assistant.TextContent);
        Assert.Contains("Signed off by a coordinator", assistant.TextContent);
        Assert.Contains("Its certificate does not expire", page.Find(".th-stage[data-position='5']").TextContent);
        var course = page.Find(".th-stage[data-position='2'] .th-requirement[data-kind='CourseCompleted']");
        Assert.Equal("The course “Перша психологічна допомога: основи” completed", course.TextContent.Trim());
        Assert.Equal("no", course.GetAttribute("data-flagged"));
        var list = pages.Render<TemplatesPage>();
        list.WaitForAssertion(() => Assert.Contains("From volunteer to social worker", list.Find("#templates").TextContent));
    }

    [Fact]
    public async Task A_course_the_pathway_names_that_no_longer_exists_is_flagged_on_the_template()
    {
        _host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null));
        _others.Courses.Clear();
        await using var pages = new PageRenderer(_host) { Culture = Cultures.English };

        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, DemoPathway.Code));

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".th-stage").Count));
        var course = page.Find(".th-stage[data-position='2'] .th-requirement[data-kind='CourseCompleted']");
        Assert.Equal("yes", course.GetAttribute("data-flagged"));
        Assert.Contains("A course that no longer exists: choose another", course.TextContent);
    }
}

public sealed class PathwayTemplatesOnSqlite(SqliteServer server) : PathwayTemplatesTests(server), IClassFixture<SqliteServer>;

public sealed class PathwayTemplatesOnPostgreSql(PostgreSqlServer server) : PathwayTemplatesTests(server), IClassFixture<PostgreSqlServer>;
