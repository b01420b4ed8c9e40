using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.DemoData;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Competencies.Tests.Ratings;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests;

/// <summary>Frameworks in and out of the database as files, with the demo framework seeded, on both databases.</summary>
public abstract class FrameworkExchangeTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly Uri AppAddress = new("https://traininghub.example/");
    private readonly FakePeople _people = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<IPositionTypes>(_people));
        _host.User.Holding(
            new PermissionGrant(CompetencyPermissions.FrameworksView, null),
            new PermissionGrant(CompetencyPermissions.FrameworksEdit, null),
            new PermissionGrant(CompetencyPermissions.FrameworksImport, null));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<CompetencyFramework> DemoFrameworkAsync()
    {
        await using var db = _host.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        return await db.Frameworks.SingleAsync(f => f.NormalizedCode == "CP-INCL");
    }

    private async Task<byte[]> ExportAsync(Guid frameworkId, int number, ExchangeFormat format)
    {
        var file = await _host.Get<FrameworkExchange>().ExportAsync(frameworkId, number, format, AppAddress);
        Assert.True(file.Succeeded, file.Error?.ToString());
        return file.Value.Content;
    }

    private async Task<int> CountNodesAsync()
    {
        await using var db = _host.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        return await db.Nodes.CountAsync();
    }

    [Fact]
    public async Task The_demo_framework_is_seeded_published_with_its_eight_areas_and_both_languages()
    {
        var framework = await DemoFrameworkAsync();
        var details = (await _host.Get<FrameworkCatalogue>().GetAsync(framework.Id)).Value;
        await using var db = _host.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var nodes = await db.Nodes.Where(n => n.FrameworkVersionId == details.VersionId).ToListAsync();

        Assert.Equal(FrameworkStatus.Published, details.Status);
        Assert.Equal("Інклюзивний захист дітей і підтримка сімей", details.Texts.Name);
        Assert.Equal(8, nodes.Count(n => n.Kind == NodeKind.Area));
        Assert.InRange(nodes.Count(n => n.Kind == NodeKind.Competency), 35, 45);
        Assert.All(nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.NameEn)));
        Assert.Single(await db.ProficiencyLevels.Where(l => l.FrameworkVersionId == details.VersionId && l.IsThreshold).ToListAsync());
    }

    [Fact]
    public async Task Each_position_type_gets_its_demo_profile_without_the_competencies_it_needs_only_at_not_yet()
    {
        var profiles = DemoFramework.RoleProfiles();
        await using var db = _host.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var codes = await db.Nodes.Where(n => n.Kind == NodeKind.Competency).ToDictionaryAsync(n => n.Id, n => n.Code);
        var volunteer = (await db.RoleRequirements.Where(r => r.PositionTypeId == _people.Volunteer.Id).ToListAsync())
            .ToDictionary(r => codes[r.NodeId], r => r.LevelRank);
        var socialWorker = await db.RoleRequirements.CountAsync(r => r.PositionTypeId == _people.SocialWorker.Id);

        Assert.Equal(profiles["volunteer"].Where(p => p.Value > 1).ToDictionary(p => p.Key, p => p.Value - 1), volunteer);
        Assert.Equal(profiles["social-worker"].Count(p => p.Value > 1), socialWorker);
        Assert.True(volunteer.Count < codes.Count, "some competencies are not asked of volunteers");
    }

    [Fact]
    public async Task An_export_imported_again_gives_back_the_same_tree_codes_scale_and_texts_through_both_formats()
    {
        var framework = await DemoFrameworkAsync();
        var exchange = _host.Get<FrameworkExchange>();
        var original = await ExportAsync(framework.Id, 1, ExchangeFormat.MoodleCsv);

        var fromMoodle = await exchange.ImportAsync(original, ExchangeFormat.MoodleCsv, "cp.csv");
        var version2 = (await _host.Get<FrameworkCatalogue>().GetAsync(framework.Id, 2)).Value;
        Assert.True((await _host.Get<FrameworkCatalogue>().PublishAsync(version2.VersionId, version2.Version)).Succeeded);
        var viaCase = await ExportAsync(framework.Id, 2, ExchangeFormat.CasePackage);
        var fromCase = await exchange.ImportAsync(viaCase, ExchangeFormat.CasePackage, "cp.json");

        Assert.Equal((framework.Id, 2), (fromMoodle.Value.FrameworkId, fromMoodle.Value.VersionNumber));
        Assert.Equal(3, fromCase.Value.VersionNumber);
        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(await ExportAsync(framework.Id, 2, ExchangeFormat.MoodleCsv)));
        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(await ExportAsync(framework.Id, 3, ExchangeFormat.MoodleCsv)));
    }

    [Fact]
    public async Task A_bad_file_a_second_draft_or_a_reader_without_the_right_writes_nothing()
    {
        var framework = await DemoFrameworkAsync();
        var exchange = _host.Get<FrameworkExchange>();
        var good = await ExportAsync(framework.Id, 1, ExchangeFormat.MoodleCsv);
        var before = await CountNodesAsync();

        var broken = await exchange.ImportAsync(Encoding.UTF8.GetBytes("not,a,framework\n1,2,3\n"), ExchangeFormat.MoodleCsv, "bad.csv");
        var first = await exchange.ImportAsync(good, ExchangeFormat.MoodleCsv, "cp.csv");
        var afterFirst = await CountNodesAsync();
        var second = await exchange.ImportAsync(good, ExchangeFormat.MoodleCsv, "cp.csv");
        _host.User.Holding(new PermissionGrant(CompetencyPermissions.FrameworksView, null));
        var refused = await _host.Get<FrameworkExchange>().ImportAsync(good, ExchangeFormat.MoodleCsv, "cp.csv");
        var draftHidden = await _host.Get<FrameworkExchange>().ExportAsync(framework.Id, 2, ExchangeFormat.MoodleCsv, AppAddress);

        Assert.Equal("Exchange:Error:FileHasErrors", broken.Error!.Key);
        Assert.True(first.Succeeded);
        Assert.Equal("Exchange:Error:DraftExists", second.Error!.Key);
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, draftHidden.Error!.Kind);
        Assert.True(afterFirst > before);
        Assert.Equal(afterFirst, await CountNodesAsync());
    }
}

public sealed class FrameworkExchangeOnSqlite(SqliteServer server) : FrameworkExchangeTests(server), IClassFixture<SqliteServer>;

public sealed class FrameworkExchangeOnPostgreSql(PostgreSqlServer server) : FrameworkExchangeTests(server), IClassFixture<PostgreSqlServer>;
