using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>Role profiles and ratings, run against real SQLite and real PostgreSQL.</summary>
public abstract class ProfilesAndRatingsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakePeople _people = new();
    private readonly FakeUnits _units = new();
    private readonly ActingPerson _acting = new();
    private readonly AssignedPeople _assigned = new();
    private readonly Guid _editor = Guid.NewGuid();
    private ModuleTestHost _host = null!;
    private Guid _versionId;
    private Guid _rights;
    private Guid _crisis;
    private Guid _area;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(_people);
            services.AddSingleton<IPositionTypes>(_people);
            services.AddSingleton<IUnitHierarchy>(_units);
            services.AddScoped<ICurrentUser>(_ => _acting);
            services.AddSingleton<ISupervisionAssignments>(_assigned);
        });
        AsEditor();
        var catalogue = _host.Get<FrameworkCatalogue>();
        var tree = _host.Get<FrameworkTree>();
        var frameworkId = await catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        _versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
        _area = await tree.AddAsync(_versionId, null, NodeKind.Area, "A1", "Законодавство");
        _rights = await tree.AddAsync(_versionId, _area, NodeKind.Competency, "A1.1", "Права дитини", "Child rights");
        _crisis = await tree.AddAsync(_versionId, _area, NodeKind.Competency, "A1.2", "Кризове втручання", "Crisis response");
        var draft = (await catalogue.GetAsync(frameworkId)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void ActAs(Guid personId, params PermissionGrant[] grants) => _acting.Principal = TestUser.PrincipalWith(personId, grants);

    private void AsEditor() => ActAs(_editor,
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, _units.Rivne));

    private void AsViewer() => ActAs(_editor, new PermissionGrant(CompetencyPermissions.FrameworksView, null));

    private Guid ActAsCoordinatorOf(Guid unitId)
    {
        var coordinator = _people.Add("Олена Координаторка", unitId, null);
        ActAs(coordinator.Id,
            new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.RatingsRate, unitId));
        return coordinator.Id;
    }

    private void ActAsLearner(PersonContact learner) => ActAs(learner.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));

    private async Task RequireAsync(PositionTypeInfo position, Guid competencyId, int? rank)
    {
        AsEditor();
        var result = await _host.Get<RoleProfiles>().SetAsync(position.Id, competencyId, rank);
        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    [Fact]
    public async Task A_role_profile_sets_a_level_per_competency_for_one_position_and_only_editors_change_it()
    {
        await RequireAsync(_people.SocialWorker, _rights, 3);
        await RequireAsync(_people.SocialWorker, _crisis, 2);
        await RequireAsync(_people.SocialWorker, _crisis, 4);
        await RequireAsync(_people.Volunteer, _rights, 1);
        var profiles = _host.Get<RoleProfiles>();

        var onArea = await profiles.SetAsync(_people.SocialWorker.Id, _area, 2);
        var beyondScale = await profiles.SetAsync(_people.SocialWorker.Id, _rights, 5);
        AsViewer();
        var byViewer = await _host.Get<RoleProfiles>().SetAsync(_people.SocialWorker.Id, _rights, 1);
        var social = (await _host.Get<RoleProfiles>().GetAsync(_versionId, _people.SocialWorker.Id)).Value;

        Assert.Equal("Error:ProfileNeedsCompetency", onArea.Error!.Key);
        Assert.Equal("Error:LevelNotInScale", beyondScale.Error!.ErrorFor("Level"));
        Assert.Equal(ErrorKind.Forbidden, byViewer.Error!.Kind);
        Assert.Equal(new Dictionary<Guid, int> { [_rights] = 3, [_crisis] = 4 }, social.RequiredRanks.ToDictionary());

        await RequireAsync(_people.SocialWorker, _crisis, null);
        Assert.Equal([_rights], (await _host.Get<RoleProfiles>().GetAsync(_versionId, _people.SocialWorker.Id)).Value.RequiredRanks.Keys);
    }

    [Fact]
    public async Task A_new_draft_keeps_the_role_profiles_of_the_version_it_copies()
    {
        await RequireAsync(_people.SocialWorker, _rights, 3);
        var catalogue = _host.Get<FrameworkCatalogue>();
        var frameworkId = (await catalogue.SearchAsync(null, null, new PageRequest())).Value.Items.Single().Id;

        var number = (await catalogue.StartDraftAsync(frameworkId)).Value;
        var draft = (await catalogue.GetAsync(frameworkId, number)).Value;
        var profile = (await _host.Get<RoleProfiles>().GetAsync(draft.VersionId, _people.SocialWorker.Id)).Value;

        var copiedRights = draft.Nodes.Single(n => n.Code == "A1.1").Id;
        Assert.Equal(new Dictionary<Guid, int> { [copiedRights] = 3 }, profile.RequiredRanks.ToDictionary());
    }

    [Fact]
    public async Task Ratings_are_kept_as_history_the_assessors_latest_counts_and_gaps_come_first()
    {
        await RequireAsync(_people.SocialWorker, _rights, 3);
        await RequireAsync(_people.SocialWorker, _crisis, 3);
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);

        ActAsCoordinatorOf(_units.Volyn);
        var first = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 2, "Спостереження на виїзді");
        var second = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 3, "Провела оцінку потреб самостійно");
        var noReason = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _crisis, 4, " ");
        ActAsLearner(worker);
        Assert.True((await _host.Get<CompetencyRatings>().RateSelfAsync(_crisis, 4, null)).Succeeded);
        Assert.True((await _host.Get<CompetencyRatings>().RateSelfAsync(_rights, 1, "Ще вчуся")).Succeeded);

        var mine = (await _host.Get<CompetencyRatings>().MineAsync()).Value;

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal("Error:RatingReasonRequired", noReason.Error!.ErrorFor("Reason"));
        var framework = Assert.Single(mine.Frameworks);
        Assert.Equal(["A1.2", "A1.1"], framework.Competencies.Select(c => c.Code));
        var crisis = framework.Competencies[0];
        Assert.Equal((true, (int?)null, (int?)4), (crisis.HasGap, crisis.CountedRank, crisis.SelfRank));
        var rights = framework.Competencies[1];
        Assert.Equal((false, (int?)3, (int?)1), (rights.HasGap, rights.CountedRank, rights.SelfRank));
        Assert.Equal(["Ще вчуся", "Провела оцінку потреб самостійно", "Спостереження на виїзді"], rights.History.Select(h => h.Reason));
        Assert.Equal([RatingKind.Self, RatingKind.Assessor, RatingKind.Assessor], rights.History.Select(h => h.Kind));
        Assert.Equal("Independent", framework.Scale[rights.CountedRank!.Value].NameEn);
    }

    [Fact]
    public async Task Only_assessors_in_scope_of_the_persons_home_unit_rate_them_or_read_their_ratings()
    {
        await RequireAsync(_people.SocialWorker, _rights, 3);
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);

        ActAsCoordinatorOf(_units.Rivne);
        var otherOblast = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 3, "Бачив роботу");
        var otherOblastRead = await _host.Get<CompetencyRatings>().ForPersonAsync(worker.Id);
        ActAsLearner(_people.Add("Оксана Волонтерка", _units.Lutsk, _people.Volunteer.Id));
        var learner = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 3, "Колега");
        var learnerRead = await _host.Get<CompetencyRatings>().ForPersonAsync(worker.Id);
        ActAsCoordinatorOf(_units.Volyn);
        var inScope = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 3, "Бачила роботу");

        Assert.Equal(ErrorKind.Forbidden, otherOblast.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, otherOblastRead.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learner.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learnerRead.Error!.Kind);
        Assert.True(inScope.Succeeded, inScope.Error?.ToString());
        var history = (await _host.Get<CompetencyRatings>().ForPersonAsync(worker.Id)).Value.Frameworks.Single().Competencies.Single().History;
        Assert.Equal(["Бачила роботу"], history.Select(h => h.Reason));
    }

    [Fact]
    public async Task Where_someone_is_assigned_to_a_person_they_rate_them_and_others_in_scope_only_read()
    {
        await RequireAsync(_people.SocialWorker, _rights, 3);
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
        var supervisor = _people.Add("Марія Супервізорка", _units.Lutsk, null);
        var otherSupervisor = _people.Add("Петро Супервізор", _units.Lutsk, null);
        _assigned.Current[worker.Id] = new PersonAssignees(supervisor.Id, [], null);
        var assessor = new PermissionGrant(CompetencyPermissions.RatingsRate, _units.Lutsk);

        ActAsCoordinatorOf(_units.Volyn);
        var byCoordinator = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 2, "Бачила роботу");
        var coordinatorsView = await _host.Get<CompetencyRatings>().ForPersonAsync(worker.Id);
        ActAs(otherSupervisor.Id, assessor);
        var byOther = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 2, "Колега");
        ActAs(supervisor.Id, assessor);
        var bySupervisor = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 3, "На супервізії");
        var supervisorsView = (await _host.Get<CompetencyRatings>().ForPersonAsync(worker.Id)).Value;

        Assert.Equal(ErrorKind.Forbidden, byCoordinator.Error!.Kind);
        Assert.False(coordinatorsView.Value.MayAssess);
        Assert.Equal(ErrorKind.Forbidden, byOther.Error!.Kind);
        Assert.True(bySupervisor.Succeeded, bySupervisor.Error?.ToString());
        Assert.True(supervisorsView.MayAssess);
        Assert.Equal(["На супервізії"], supervisorsView.Frameworks.Single().Competencies.Single().History.Select(h => h.Reason));
    }

    [Fact]
    public async Task A_rated_competency_cannot_be_deleted_from_a_new_draft_and_drafts_are_not_rated()
    {
        var worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
        ActAsCoordinatorOf(_units.Volyn);
        Assert.True((await _host.Get<CompetencyRatings>().RateAsync(worker.Id, _rights, 2, "Спостереження")).Succeeded);
        AsEditor();
        var catalogue = _host.Get<FrameworkCatalogue>();
        var frameworkId = (await catalogue.SearchAsync(null, null, new PageRequest())).Value.Items.Single().Id;
        var draft = (await catalogue.GetAsync(frameworkId, (await catalogue.StartDraftAsync(frameworkId)).Value)).Value;
        var copiedRights = draft.Nodes.Single(n => n.Code == "A1.1");
        var copiedCrisis = draft.Nodes.Single(n => n.Code == "A1.2");

        var deleteRated = await _host.Get<FrameworkTree>().DeleteAsync(copiedRights.Id, copiedRights.Version);
        var deleteUnrated = await _host.Get<FrameworkTree>().DeleteAsync(copiedCrisis.Id, copiedCrisis.Version);
        ActAsCoordinatorOf(_units.Volyn);
        var onDraft = await _host.Get<CompetencyRatings>().RateAsync(worker.Id, copiedRights.Id, 2, "Спостереження");

        Assert.Equal("Error:CompetencyHasRatings", deleteRated.Error!.Key);
        Assert.True(deleteUnrated.Succeeded, deleteUnrated.Error?.ToString());
        Assert.Equal("Error:RatingNeedsPublishedVersion", onDraft.Error!.Key);
    }
}

/// <summary>The signed-in person, switched by each test between editors, assessors and the people they rate.</summary>
internal sealed class ActingPerson : ICurrentUser
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());
}

/// <summary>Supervision's assignments as the test sets them: nobody is assigned to anyone unless said.</summary>
internal sealed class AssignedPeople : ISupervisionAssignments
{
    public Dictionary<Guid, PersonAssignees> Current { get; } = [];

    public Task<PersonAssignees> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current.GetValueOrDefault(personId, PersonAssignees.None));
}

public sealed class ProfilesAndRatingsOnSqlite(SqliteServer server) : ProfilesAndRatingsTests(server), IClassFixture<SqliteServer>;

public sealed class ProfilesAndRatingsOnPostgreSql(PostgreSqlServer server) : ProfilesAndRatingsTests(server), IClassFixture<PostgreSqlServer>;
