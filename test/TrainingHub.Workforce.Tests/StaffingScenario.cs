using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests;

/// <summary>People as Accounts reports them, with four positions; the test decides who exists.</summary>
internal sealed class FakePeople : IPeopleLookup, IPeopleRoster, IPositionTypes
{
    private readonly Dictionary<Guid, PersonContact> _people = [];

    public PositionTypeInfo SocialWorker { get; } = new(Guid.NewGuid(), "social-worker", "Соціальний працівник", "Social worker", true);

    public PositionTypeInfo CaseManager { get; } = new(Guid.NewGuid(), "case-manager", "Фахівець із супроводу", "Case manager", true);

    public PositionTypeInfo Psychologist { get; } = new(Guid.NewGuid(), "psychologist", "Психолог", "Psychologist", true);

    public PositionTypeInfo Volunteer { get; } = new(Guid.NewGuid(), "volunteer", "Волонтер", "Volunteer", true);

    public PositionTypeInfo SocialAssistant { get; } = new(Guid.NewGuid(), "social-assistant", "Соціальний помічник", "Social assistant", true);

    public PersonContact Add(Guid homeUnitId, PositionTypeInfo? position, bool active = true)
    {
        var id = Guid.NewGuid();
        var person = new PersonContact(id, $"Person {id:N}", $"{id:N}@traininghub.example", Cultures.Ukrainian, active, homeUnitId, position?.Id);
        _people[id] = person;
        return person;
    }

    public void Put(PersonContact person) => _people[person.Id] = person;

    public void Remove(Guid personId) => _people.Remove(personId);

    public Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.Values.FirstOrDefault(p => p.Email == email));

    public Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonContact>>([.. personIds.Distinct().Where(_people.ContainsKey).Select(id => _people[id])]);

    public Task<IReadOnlyList<PersonContact>> ListAsync(Guid? afterId, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonContact>>([.. _people.Values.OrderBy(p => p.Id).Where(p => afterId is null || p.Id.CompareTo(afterId.Value) > 0).Take(count)]);

    Task<IReadOnlyList<PositionTypeInfo>> IPositionTypes.ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PositionTypeInfo>>([Volunteer, SocialAssistant, SocialWorker, CaseManager, Psychologist]);
}

/// <summary>What supervision and pathways would answer of people's hours and steps; the test sets them.</summary>
/// <summary>What the other modules answer about people and areas; the test decides the answers.</summary>
internal sealed class FakeFigures : ISupervisionFigures, IPathwayFigures, ISupervisionCoverage, ICompetencyFigures, IWellbeingFigures, ICourseMappings
{
    public Dictionary<Guid, decimal> Hours { get; } = [];

    public Dictionary<Guid, PathwayStanding> Standing { get; } = [];

    /// <summary>People to be supervised: whether they are supervised often enough.</summary>
    public Dictionary<Guid, bool> Supervised { get; } = [];

    /// <summary>People with a competency profile: whether they meet it.</summary>
    public Dictionary<Guid, bool> MeetProfile { get; } = [];

    public List<FrameworkVersionReference> Versions { get; } = [];

    /// <summary>Heatmaps by version and area (Guid.Empty for the country).</summary>
    public Dictionary<(Guid Version, Guid Area), CompetencyHeatmap> Heatmaps { get; } = [];

    /// <summary>Burnout figures by area (Guid.Empty for the country).</summary>
    public Dictionary<Guid, BurnoutFigures> Burnout { get; } = [];

    public List<CourseForCompetencies> Courses { get; } = [];

    public Task<IReadOnlyDictionary<Guid, decimal>> ApprovedHoursAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, decimal>>(Hours.Where(h => personIds.Contains(h.Key)).ToDictionary());

    public Task<IReadOnlyDictionary<Guid, PathwayStanding>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, PathwayStanding>>(Standing.Where(h => personIds.Contains(h.Key)).ToDictionary());

    public Task<IReadOnlyDictionary<Guid, bool>> CoverageAsync(IReadOnlyCollection<Guid> personIds, DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, bool>>(Supervised.Where(s => personIds.Contains(s.Key)).ToDictionary());

    public Task<IReadOnlyList<FrameworkVersionReference>> NewestPublishedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FrameworkVersionReference>>(Versions);

    public Task<CompetencyHeatmap?> HeatmapAsync(Guid versionId, Guid? unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Heatmaps.GetValueOrDefault((versionId, unitId ?? Guid.Empty)));

    public Task<IReadOnlyDictionary<Guid, bool>> ProfileStandingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, bool>>(MeetProfile);

    public Task<BurnoutFigures> BurnoutUnderAsync(Guid? unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Burnout.GetValueOrDefault(unitId ?? Guid.Empty) ?? new BurnoutFigures(5, null, []));

    public Task<IReadOnlyList<CourseForCompetencies>> CoursesForCompetenciesAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseForCompetencies>>([.. Courses.Where(c => c.CompetencyLineageIds.Any(lineageIds.Contains))]);
}

/// <summary>
/// The demo oblasts, hromadas and organisations with the demo targets (at most 5,000 residents and 1,000 children per
/// social worker, at least 2 volunteers per 10,000 residents, at most 10 % of posts empty), without the demo posts and
/// hromada reports, and the people the test adds.
/// </summary>
internal sealed class StaffingScenario : IAsyncDisposable
{
    private StaffingScenario(ModuleTestHost host, FakePeople people, FakeFigures figures) => (Host, People, Figures) = (host, people, figures);

    public ModuleTestHost Host { get; }

    public FakePeople People { get; }

    public FakeFigures Figures { get; }

    public OrganisationUnitSummary Zhytomyr { get; private set; } = null!;
    public OrganisationUnitSummary ZhytomyrCity { get; private set; } = null!;
    public OrganisationUnitSummary Korosten { get; private set; } = null!;
    public OrganisationUnitSummary Lviv { get; private set; } = null!;
    public OrganisationUnitSummary LvivCity { get; private set; } = null!;

    /// <summary>Zhytomyr City Social Services Centre.</summary>
    public OrganisationUnitSummary CityCentre { get; private set; } = null!;

    /// <summary>An NGO in Zhytomyr City Hromada.</summary>
    public OrganisationUnitSummary CityNgo { get; private set; } = null!;

    public static async Task<StaffingScenario> StartAsync(ITestDatabaseServer server, bool keepDemoStaffing = false)
    {
        var people = new FakePeople();
        var figures = new FakeFigures();
        var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new WorkforceModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services =>
            {
                services.AddSingleton<IPeopleLookup>(people);
                services.AddSingleton<IPeopleRoster>(people);
                services.AddSingleton<IPositionTypes>(people);
                services.AddSingleton<ISupervisionFigures>(figures);
                services.AddSingleton<IPathwayFigures>(figures);
                services.AddSingleton<ISupervisionCoverage>(figures);
                services.AddSingleton<ICompetencyFigures>(figures);
                services.AddSingleton<IWellbeingFigures>(figures);
                services.AddSingleton<ICourseMappings>(figures);
            });
        var scenario = new StaffingScenario(host, people, figures);
        var directory = host.Get<IOrganisationDirectory>();
        scenario.Zhytomyr = (await directory.FindByKatottgAsync("UA18000000000045390"))!;
        scenario.ZhytomyrCity = (await directory.FindByKatottgAsync("UA18040470000082484"))!;
        scenario.Korosten = (await directory.FindByKatottgAsync("UA18060170000025398"))!;
        scenario.Lviv = (await directory.FindByKatottgAsync("UA46000000000026241"))!;
        scenario.LvivCity = (await directory.FindByKatottgAsync("UA46060250000032558"))!;
        var cityUnits = await directory.GetUnitsInAsync(UnitScope.Under([scenario.ZhytomyrCity.Id]));
        scenario.CityCentre = cityUnits.Single(u => u.Name == "Центр соціальних служб Житомирської міської ради");
        scenario.CityNgo = cityUnits.Single(u => u.Name == "ГО «Родина для кожної дитини»");
        if (!keepDemoStaffing)
        {
            await scenario.ForgetDemoStaffingAsync();
        }
        return scenario;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Tests start from no funded posts and no hromada reports, and keep the demo units and targets.</summary>
    private async Task ForgetDemoStaffingAsync()
    {
        await using var db = await Host.Get<IDbContextFactory<WorkforceDbContext>>().CreateDbContextAsync();
        await db.FundedPosts.ExecuteDeleteAsync();
        await db.Communities.ExecuteDeleteAsync();
        await db.ProvidedServices.ExecuteDeleteAsync();
    }

    public T Get<T>() where T : notnull => Host.Get<T>();

    /// <summary>Adds people in Accounts and takes them in as the nightly reconciliation does.</summary>
    public async Task<IReadOnlyList<PersonContact>> HireAsync(int count, Guid unitId, PositionTypeInfo? position, bool active = true)
    {
        var hired = Enumerable.Range(0, count).Select(_ => People.Add(unitId, position, active)).ToList();
        await Get<StaffSync>().ReconcileAsync(CancellationToken.None);
        return hired;
    }

    /// <summary>Changes a person in Accounts and delivers the event Accounts publishes for it.</summary>
    public Task ChangeAsync(PersonContact person)
    {
        People.Put(person);
        return Get<StaffSync>().HandleAsync(new PersonChanged(person.Id, person.FullName, person.HomeUnitId, person.PositionTypeId, person.IsActive),
            new IntegrationEventDelivery(Guid.NewGuid(), nameof(StaffingScenario)), CancellationToken.None);
    }

    public void AsViewerAt(Guid? unitId) => Act(new PermissionGrant(WorkforcePermissions.View, unitId));

    public void AsCoordinatorAt(Guid? unitId) =>
        Act(new PermissionGrant(WorkforcePermissions.View, unitId), new PermissionGrant(WorkforcePermissions.StaffingEdit, unitId));

    public void AsAdministrator() => Act(
        new PermissionGrant(WorkforcePermissions.View, null), new PermissionGrant(WorkforcePermissions.StaffingEdit, null),
        new PermissionGrant(WorkforcePermissions.NormsEdit, null));

    /// <summary>Acts with these grants, reading English, which the names the tests expect are in.</summary>
    private void Act(params PermissionGrant[] grants)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);
        Host.User.Holding(grants);
    }

    public async Task<StaffingReport> ReportAsync(Guid? unitId)
    {
        var report = await Get<StaffingReports>().GetAsync(unitId);
        Assert.True(report.Succeeded, report.Error?.ToString());
        return report.Value;
    }
}
