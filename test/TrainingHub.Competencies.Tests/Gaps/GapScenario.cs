using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Competencies.Tests.Ratings;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Gaps;

/// <summary>
/// A small oblast to count gaps in, on the demo units: a framework with two areas (the first with a nested area) and
/// four competencies, profiles for social workers (all four) and volunteers (the first), and people across Zhytomyr
/// Oblast, one inactive, one in Lviv Oblast, taken in the way Accounts reports them.
/// </summary>
internal sealed class GapScenario : IAsyncDisposable
{
    private readonly ActingPerson _acting;
    private readonly Guid _assessor = Guid.NewGuid();

    private GapScenario(ModuleTestHost host, FakePeople people, ActingPerson acting) => (Host, People, _acting) = (host, people, acting);

    public ModuleTestHost Host { get; }

    public FakePeople People { get; }

    public OrganisationUnitSummary Zhytomyr { get; private set; } = null!;
    public OrganisationUnitSummary ZhytomyrCity { get; private set; } = null!;
    public OrganisationUnitSummary Korosten { get; private set; } = null!;
    public OrganisationUnitSummary CityCentre { get; private set; } = null!;
    public OrganisationUnitSummary LvivHromada { get; private set; } = null!;

    public Guid FrameworkId { get; private set; }
    public Guid VersionId { get; private set; }
    public Guid Law { get; private set; }
    public Guid Practice { get; private set; }

    /// <summary>In the area Law: two competencies and one in the nested area; in the area Practice: one.</summary>
    public Guid Rights { get; private set; }
    public Guid Reporting { get; private set; }
    public Guid Courts { get; private set; }
    public Guid Visits { get; private set; }

    /// <summary>A social worker in an organisation of Zhytomyr City Hromada.</summary>
    public PersonContact Iryna { get; private set; } = null!;

    /// <summary>A social worker whose home unit is Zhytomyr City Hromada itself.</summary>
    public PersonContact Petro { get; private set; } = null!;

    /// <summary>A volunteer in Korosten Hromada.</summary>
    public PersonContact Olha { get; private set; } = null!;

    public PersonContact Inactive { get; private set; } = null!;
    public PersonContact InLviv { get; private set; } = null!;

    public static async Task<GapScenario> StartAsync(ITestDatabaseServer server)
    {
        var people = new FakePeople();
        var acting = new ActingPerson();
        var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services =>
            {
                services.AddSingleton<IPeopleLookup>(people);
                services.AddSingleton<IPositionTypes>(people);
                services.AddScoped<ICurrentUser>(_ => acting);
            });
        var scenario = new GapScenario(host, people, acting);
        await scenario.BuildAsync();
        return scenario;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    public T Get<T>() where T : notnull => Host.Get<T>();

    public void ActAs(Guid personId, params PermissionGrant[] grants) => _acting.Principal = TestUser.PrincipalWith(personId, grants);

    public void ActAsGapViewerAt(Guid unitId) => ActAs(Guid.NewGuid(),
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.GapsView, unitId));

    public void ActAsAssessor() => ActAs(_assessor,
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.RatingsRate, null));

    public void ActAsEditor() => ActAs(_assessor,
        new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, null));

    public async Task RateAsync(PersonContact person, Guid competencyId, int rank)
    {
        ActAsAssessor();
        var rated = await Get<CompetencyRatings>().RateAsync(person.Id, competencyId, rank, "Спостереження під час виїзду");
        Assert.True(rated.Succeeded, rated.Error?.ToString());
    }

    /// <summary>Changes people in Accounts and delivers the <see cref="PersonChanged"/> events it publishes for them.</summary>
    public async Task ReportAsync(params PersonContact[] people)
    {
        foreach (var person in people)
        {
            People.Put(person);
            await Get<MemberSync>().HandleAsync(new PersonChanged(person.Id, person.FullName, person.HomeUnitId, person.PositionTypeId, person.IsActive),
                new IntegrationEventDelivery(Guid.NewGuid(), nameof(GapScenario)), CancellationToken.None);
        }
    }

    public async Task<GapView> ViewAsync(Guid unitId, Guid? versionId = null)
    {
        var view = await Get<CompetencyGaps>().ViewAsync(versionId ?? VersionId, unitId);
        Assert.True(view.Succeeded, view.Error?.ToString());
        return view.Value;
    }

    private async Task BuildAsync()
    {
        var directory = Get<IOrganisationDirectory>();
        Zhytomyr = (await directory.FindByKatottgAsync("UA18000000000045390"))!;
        ZhytomyrCity = (await directory.FindByKatottgAsync("UA18040470000082484"))!;
        Korosten = (await directory.FindByKatottgAsync("UA18060170000025398"))!;
        LvivHromada = (await directory.FindByKatottgAsync("UA46060250000032558"))!;
        CityCentre = (await directory.GetUnitsInAsync(UnitScope.Under([ZhytomyrCity.Id]))).First(u => u.Type == UnitType.Organisation);

        ActAsEditor();
        var catalogue = Get<FrameworkCatalogue>();
        var tree = Get<FrameworkTree>();
        FrameworkId = await catalogue.CreateAsync("GAPS", "Захист дітей", "Child protection");
        VersionId = (await catalogue.GetAsync(FrameworkId)).Value.VersionId;
        Law = await tree.AddAsync(VersionId, null, NodeKind.Area, "L", "Законодавство", "Law");
        Rights = await tree.AddAsync(VersionId, Law, NodeKind.Competency, "L1", "Права дитини", "Child rights");
        Reporting = await tree.AddAsync(VersionId, Law, NodeKind.Competency, "L2", "Повідомлення про насильство", "Reporting abuse");
        var courts = await tree.AddAsync(VersionId, Law, NodeKind.Area, "L3", "Суди", "Courts");
        Courts = await tree.AddAsync(VersionId, courts, NodeKind.Competency, "L3.1", "Свідчення в суді", "Giving evidence");
        Practice = await tree.AddAsync(VersionId, null, NodeKind.Area, "P", "Практика", "Practice");
        Visits = await tree.AddAsync(VersionId, Practice, NodeKind.Competency, "P1", "Візити додому", "Home visits");
        var profiles = Get<RoleProfiles>();
        foreach (var (competency, rank) in new[] { (Rights, 2), (Reporting, 2), (Courts, 1), (Visits, 3) })
        {
            Assert.True((await profiles.SetAsync(People.SocialWorker.Id, competency, rank)).Succeeded);
        }
        Assert.True((await profiles.SetAsync(People.Volunteer.Id, Rights, 1)).Succeeded);
        var draft = (await catalogue.GetAsync(FrameworkId)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);

        Iryna = People.Add("Ірина Коваль", CityCentre.Id, People.SocialWorker.Id);
        Petro = People.Add("Петро Мельник", ZhytomyrCity.Id, People.SocialWorker.Id);
        Olha = People.Add("Ольга Бойко", Korosten.Id, People.Volunteer.Id);
        Inactive = People.Add("Роман Неактивний", Korosten.Id, People.SocialWorker.Id, active: false);
        InLviv = People.Add("Софія Савчук", LvivHromada.Id, People.SocialWorker.Id);
        var noPosition = People.Add("Без посади", ZhytomyrCity.Id, null);
        await ReportAsync(Iryna, Petro, Olha, Inactive, InLviv, noPosition);

        // Iryna meets three of four, Petro one of four, Olha her only one; the inactive and the Lviv person meet all.
        await RateAsync(Iryna, Rights, 3);
        await RateAsync(Iryna, Reporting, 1);
        await RateAsync(Iryna, Courts, 1);
        await RateAsync(Iryna, Visits, 3);
        await RateAsync(Petro, Rights, 2);
        await RateAsync(Olha, Rights, 1);
        foreach (var person in new[] { Inactive, InLviv })
        {
            foreach (var competency in new[] { Rights, Reporting, Courts, Visits })
            {
                await RateAsync(person, competency, 4);
            }
        }
        // A self-rating never counts.
        ActAs(Petro.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));
        Assert.True((await Get<CompetencyRatings>().RateSelfAsync(Reporting, 4, null)).Succeeded);
    }
}
