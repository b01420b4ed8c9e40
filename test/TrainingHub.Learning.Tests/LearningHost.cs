using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Contracts.Pickers;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Starts the Learning module on a fresh database over two oblasts, and signs in as the people who use it.</summary>
internal static class LearningHost
{
    public static Task<ModuleTestHost> StartAsync(ITestDatabaseServer server, Units units, Action<IServiceCollection>? replace = null) =>
        StartAsync(server, new LearningWorld(), units, replace);

    /// <summary>Starts the module over the world's units, people, reminders, notifications and clock.</summary>
    public static Task<ModuleTestHost> StartAsync(
        ITestDatabaseServer server, LearningWorld world, Units? units = null, Action<IServiceCollection>? replace = null) =>
        ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new LearningModule()], replace: services =>
        {
            services.AddSingleton<IUnitHierarchy>(units ?? world.Units);
            services.AddSingleton<IOrganisationDirectory>(units ?? world.Units);
            services.AddSingleton<IPeopleSelection>(world.People);
            services.AddSingleton<IPositionTypes>(world.People);
            services.AddScoped<IPersonSearch, PersonSearchOverPeople>();
            services.AddSingleton<IReminders>(world.Reminders);
            services.AddSingleton<INotifier>(world.Notifier);
            services.AddSingleton<TimeProvider>(world.Clock);
            services.AddSingleton<ICompetencyOptions>(world.Competencies);
            replace?.Invoke(services);
        });

    /// <summary>A coordinator of a unit: authors courses there and enrols its people.</summary>
    public static TestUser AsCoordinatorOf(this ModuleTestHost host, Guid unitId) =>
        host.User.Holding(
            new PermissionGrant(LearningPermissions.CoursesView, null), new PermissionGrant(LearningPermissions.CoursesAuthor, unitId),
            new PermissionGrant(LearningPermissions.EnrolmentsManage, unitId), new PermissionGrant(LearningPermissions.ProgressView, unitId));

    /// <summary>A training coordinator of an oblast: reads every course and writes those of the oblast and what lies under it.</summary>
    public static TestUser AsAuthorOf(this ModuleTestHost host, Guid unitId) =>
        host.User.Holding(new PermissionGrant(LearningPermissions.CoursesView, null), new PermissionGrant(LearningPermissions.CoursesAuthor, unitId));

    /// <summary>A supervisor of a unit: follows the learning of its people and reads the courses, but neither authors nor enrols.</summary>
    public static TestUser AsSupervisorOf(this ModuleTestHost host, Guid unitId) =>
        host.User.Holding(new PermissionGrant(LearningPermissions.CoursesView, null), new PermissionGrant(LearningPermissions.ProgressView, unitId));

    public static TestUser AsLearner(this ModuleTestHost host) =>
        host.User.Holding(new PermissionGrant(LearningPermissions.CoursesView, null));

    public static async Task<Guid> CreateAsync(
        this CourseCatalogue catalogue, string title, Guid unitId, CourseLanguage language = CourseLanguage.Uk, bool open = false)
    {
        var result = await catalogue.CreateAsync(new CourseInput { Title = title, OwningUnitId = unitId, Language = language, OpenForSelfEnrolment = open });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    /// <summary>A published course with one lesson, as it must be to enrol people in it.</summary>
    public static async Task<Guid> CreatePublishedAsync(this ModuleTestHost host, string title, Guid unitId)
    {
        var catalogue = host.Get<CourseCatalogue>();
        var id = await catalogue.CreateAsync(title, unitId);
        var outline = host.Get<CourseOutline>();
        await outline.NewLessonAsync(await outline.NewSectionAsync(id, "Основи"), "Вступ", "Текст");
        Assert.True((await catalogue.PublishAsync(id, (await catalogue.GetAsync(id)).Value.Version)).Succeeded);
        return id;
    }

    public static async Task<Guid> NewSectionAsync(this CourseOutline outline, Guid courseId, string title)
    {
        var result = await outline.AddSectionAsync(courseId, title);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    public static async Task<Guid> NewLessonAsync(this CourseOutline outline, Guid sectionId, string title, string? body = null)
    {
        var result = await outline.AddLessonAsync(sectionId, new LessonInput { Title = title, Body = body });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }
}

/// <summary>Zhytomyr Oblast with one hromada, and Lviv Oblast, as the Organisations module would give them.</summary>
internal sealed class Units : IUnitHierarchy, IOrganisationDirectory
{
    private readonly List<OrganisationUnitSummary> _all;

    public Units()
    {
        Zhytomyr = new(Guid.NewGuid(), "Житомирська область", "Zhytomyr Oblast", UnitType.Oblast, null, null);
        ZhytomyrCity = new(Guid.NewGuid(), "Житомирська міська громада", "Zhytomyr City Hromada", UnitType.Hromada, Zhytomyr.Id, null);
        Lviv = new(Guid.NewGuid(), "Львівська область", "Lviv Oblast", UnitType.Oblast, null, null);
        _all = [Zhytomyr, ZhytomyrCity, Lviv];
    }

    public OrganisationUnitSummary Zhytomyr { get; }

    public OrganisationUnitSummary ZhytomyrCity { get; }

    public OrganisationUnitSummary Lviv { get; }

    public Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ancestry(unitId));

    public Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_all.FirstOrDefault(u => u.Id == id));

    public Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<OrganisationUnitSummary?>(null);

    public Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationUnitSummary>>(_all.Where(u => scope.Contains(Ancestry(u.Id))).ToList());

    public Task<IReadOnlyList<OrganisationUnitSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationUnitSummary>>(_all.Where(u => ids.Contains(u.Id)).ToList());

    public Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_all.FirstOrDefault(u => u.ParentId == parentId && u.Name == name));

    private IReadOnlyList<Guid> Ancestry(Guid unitId)
    {
        var chain = new List<Guid>();
        for (var unit = _all.FirstOrDefault(u => u.Id == unitId); unit is not null; unit = _all.FirstOrDefault(u => u.Id == unit.ParentId))
        {
            chain.Add(unit.Id);
        }
        return chain;
    }
}
