using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>People's counted levels as other modules (pathways) read them, run against real SQLite and real PostgreSQL.</summary>
public abstract class CountedCompetencyLevelsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakePeople _people = new();
    private readonly FakeUnits _units = new();
    private readonly ActingPerson _acting = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private FrameworkCatalogue _catalogue = null!;
    private FrameworkTree _tree = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(_people);
            services.AddSingleton<IPositionTypes>(_people);
            services.AddSingleton<IUnitHierarchy>(_units);
            services.AddScoped<ICurrentUser>(_ => _acting);
            services.AddSingleton<ISupervisionAssignments>(new AssignedPeople());
            services.AddSingleton<TimeProvider>(_clock);
        });
        AsEditor();
        _catalogue = _host.Get<FrameworkCatalogue>();
        _tree = _host.Get<FrameworkTree>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void AsEditor() => _acting.Principal = TestUser.PrincipalWith(Guid.NewGuid(),
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, _units.Rivne));

    private void AsCoordinator() => _acting.Principal = TestUser.PrincipalWith(_people.Add("Олена Координаторка", _units.Volyn, null).Id,
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.RatingsRate, _units.Volyn));

    /// <summary>A framework published with one competency per code; answers the framework's id.</summary>
    private async Task<Guid> PublishedFrameworkAsync(string code, params string[] competencyCodes)
    {
        AsEditor();
        var frameworkId = await _catalogue.CreateAsync(code, $"Рамка {code}");
        var draft = (await _catalogue.GetAsync(frameworkId)).Value;
        foreach (var competencyCode in competencyCodes)
        {
            await _tree.AddAsync(draft.VersionId, null, NodeKind.Competency, competencyCode, $"Компетентність {competencyCode}");
        }
        Assert.True((await _catalogue.PublishAsync(draft.VersionId, (await _catalogue.GetAsync(frameworkId)).Value.Version)).Succeeded);
        return frameworkId;
    }

    private async Task<Guid> PublishedNodeAsync(Guid frameworkId, string code) =>
        (await _catalogue.GetAsync(frameworkId)).Value.Nodes.Single(n => n.Code == code).Id;

    private async Task<Guid> LineageOfAsync(string frameworkCode, string code) =>
        (await _host.Get<ICompetencyDirectory>().ListPublishedCompetenciesAsync()).Single(c => c.FrameworkCode == frameworkCode && c.Code == code).LineageId;

    private async Task RateAsync(Guid personId, Guid competencyId, int rank)
    {
        AsCoordinator();
        var rated = await _host.Get<CompetencyRatings>().RateAsync(personId, competencyId, rank, "Спостереження на виїзді");
        Assert.True(rated.Succeeded, rated.Error?.ToString());
    }

    [Fact]
    public async Task A_level_is_named_by_the_code_of_the_newest_published_version_and_the_later_rating_counts_over_versions()
    {
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
        var icp = await PublishedFrameworkAsync("ICP", "A1.1", "A1.2");
        var rights = await LineageOfAsync("ICP", "A1.1");
        var crisis = await LineageOfAsync("ICP", "A1.2");
        await RateAsync(worker.Id, await PublishedNodeAsync(icp, "A1.1"), 3);
        await RateAsync(worker.Id, await PublishedNodeAsync(icp, "A1.2"), 2);
        var crisisRatedAt = _clock.GetUtcNow();

        // Version 2 renames A1.1 to B1.1 and is published; the worker is rated lower in it a month on.
        AsEditor();
        var number = (await _catalogue.StartDraftAsync(icp)).Value;
        var draft = (await _catalogue.GetAsync(icp, number)).Value;
        var renamed = draft.Nodes.Single(n => n.Code == "A1.1");
        Assert.True((await _tree.UpdateAsync(renamed.Id, new NodeInput { Kind = NodeKind.Competency, Code = "B1.1", Name = renamed.Name }, renamed.Version)).Succeeded);
        Assert.True((await _catalogue.PublishAsync(draft.VersionId, (await _catalogue.GetAsync(icp, number)).Value.Version)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(30));
        await RateAsync(worker.Id, await PublishedNodeAsync(icp, "B1.1"), 1);
        var rightsRatedAt = _clock.GetUtcNow();
        // The worker's own rating never counts.
        _acting.Principal = TestUser.PrincipalWith(worker.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));
        Assert.True((await _host.Get<CompetencyRatings>().RateSelfAsync(await PublishedNodeAsync(icp, "A1.2"), 4, null)).Succeeded);

        var levels = await _host.Get<ICompetencyLevels>().CountedLevelsAsync(worker.Id);

        Assert.Equal(
            [
                new CountedCompetencyLevel(crisis, "ICP", "A1.2", 2, crisisRatedAt),
                new CountedCompetencyLevel(rights, "ICP", "B1.1", 1, rightsRatedAt),
            ],
            levels.OrderBy(l => l.Code, StringComparer.Ordinal));
        Assert.Empty(await _host.Get<ICompetencyLevels>().CountedLevelsAsync(_people.Add("Оксана Волонтерка", _units.Lutsk, _people.Volunteer.Id).Id));
    }

    [Fact]
    public async Task Levels_in_competencies_no_published_framework_holds_are_left_out_and_other_frameworks_count_alike()
    {
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
        var icp = await PublishedFrameworkAsync("ICP", "A1.1");
        var family = await PublishedFrameworkAsync("FAM", "F2");
        await RateAsync(worker.Id, await PublishedNodeAsync(icp, "A1.1"), 2);
        await RateAsync(worker.Id, await PublishedNodeAsync(family, "F2"), 3);
        // A level kept for a competency only a draft framework holds, written as stored: ratings cannot reach one through the app.
        AsEditor();
        var draftOnly = await _catalogue.CreateAsync("DRAFT", "Чернетка");
        await _tree.AddAsync((await _catalogue.GetAsync(draftOnly)).Value.VersionId, null, NodeKind.Competency, "D1", "Компетентність D1");
        await using (var db = await _host.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContextAsync())
        {
            var lineage = await db.Nodes.Join(db.FrameworkVersions.Where(v => v.FrameworkId == draftOnly), n => n.FrameworkVersionId, v => v.Id, (n, _) => n.LineageId).SingleAsync();
            db.CountedLevels.Add(new CountedLevel { PersonId = worker.Id, LineageId = lineage, LevelRank = 4, RatedAt = _clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var levels = await _host.Get<ICompetencyLevels>().CountedLevelsAsync(worker.Id);

        Assert.Equal([("FAM", "F2", 3), ("ICP", "A1.1", 2)], levels.Select(l => (l.FrameworkCode, l.Code, l.LevelRank)).Order());
    }
}

public sealed class CountedCompetencyLevelsOnSqlite(SqliteServer server) : CountedCompetencyLevelsTests(server), IClassFixture<SqliteServer>;

public sealed class CountedCompetencyLevelsOnPostgreSql(PostgreSqlServer server) : CountedCompetencyLevelsTests(server), IClassFixture<PostgreSqlServer>;
