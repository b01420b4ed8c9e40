using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;

namespace TrainingHub.Workforce.Services;

/// <summary>A basic service as the list shows it: its names, and how many hromadas report providing it.</summary>
internal sealed record BasicServiceRow(Guid Id, string Name, string NameUk, string NameEn, int Hromadas, Guid Version);

/// <summary>A service as the form edits it.</summary>
internal sealed class BasicServiceInput
{
    public string? NameUk { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>
/// The list of basic social services, read by everyone who sees staffing and maintained by administrators
/// (<see cref="WorkforcePermissions.NormsEdit"/>). Removing a service removes what hromadas reported of it.
/// </summary>
internal sealed class BasicServices(IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access)
{
    public bool CanManage => access.HasPermission(WorkforcePermissions.NormsEdit);

    public async Task<Result<IReadOnlyList<BasicServiceRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage && !access.HasPermission(WorkforcePermissions.View))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var providing = await db.ProvidedServices.GroupBy(p => p.ServiceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (await db.BasicServices.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken))
            .Select(s => new BasicServiceRow(s.Id, s.Name(Cultures.ReadsEnglish), s.NameUk, s.NameEn, providing.GetValueOrDefault(s.Id), s.Version)).ToList();
    }

    public async Task<Result<Guid>> AddAsync(BasicServiceInput input, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var service = new BasicService();
        if (service.Rename(input.NameUk, input.NameEn) is { } invalid)
        {
            return invalid;
        }
        await using var db = dbFactory.CreateDbContext();
        service.SortOrder = (await db.BasicServices.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0) + 1;
        db.BasicServices.Add(service);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : service.Id;
    }

    public Task<Result> RenameAsync(Guid id, Guid version, BasicServiceInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, (_, service) => Task.FromResult(service.Rename(input.NameUk, input.NameEn)), cancellationToken);

    /// <summary>Removes the service and, in the same save, every hromada's report of providing it.</summary>
    public Task<Result> RemoveAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, async (db, service) =>
        {
            db.ProvidedServices.RemoveRange(await db.ProvidedServices.Where(p => p.ServiceId == id).ToListAsync(cancellationToken));
            db.BasicServices.Remove(service);
            return null;
        }, cancellationToken);

    /// <summary>Applies a change to the service as read at <paramref name="version"/> and saves it; a stale version is a conflict.</summary>
    private async Task<Result> ChangeAsync(
        Guid id, Guid version, Func<WorkforceDbContext, BasicService, Task<Error?>> change, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.BasicServices.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } service)
        {
            return Error.NotFound;
        }
        if (service.Version != version)
        {
            return Error.Conflict;
        }
        if (await change(db, service) is { } invalid)
        {
            return invalid;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }
}

/// <summary>On the first start, the 18 basic social services the law on social services names, in its order.</summary>
internal sealed class BasicServicesSetup(IDbContextFactory<WorkforceDbContext> dbFactory) : IModuleInitializer
{
    private static readonly (string Uk, string En)[] Law =
    [
        ("Догляд вдома", "Home care"),
        ("Денний догляд", "Day care"),
        ("Підтримане проживання", "Supported living"),
        ("Паліативний догляд", "Palliative care"),
        ("Соціальна адаптація", "Social adaptation"),
        ("Соціальна інтеграція та реінтеграція", "Social integration and reintegration"),
        ("Натуральна допомога", "Assistance in kind"),
        ("Консультування", "Counselling"),
        ("Соціальний супровід", "Social support (case management)"),
        ("Представництво інтересів", "Representation of interests"),
        ("Посередництво (медіація)", "Mediation"),
        ("Соціальна профілактика", "Social prevention"),
        ("Екстрене (кризове) втручання", "Emergency (crisis) intervention"),
        ("Надання притулку", "Shelter"),
        ("Переклад жестовою мовою", "Sign language interpretation"),
        ("Супровід під час інклюзивного навчання", "Support in inclusive education"),
        ("Фізичний супровід осіб з інвалідністю", "Physical assistance for people with disabilities"),
        ("Інформування", "Information"),
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.BasicServices.AnyAsync(cancellationToken))
        {
            return;
        }
        foreach (var ((uk, en), order) in Law.Select((s, i) => (s, i + 1)))
        {
            var service = new BasicService { SortOrder = order };
            service.Rename(uk, en);
            db.BasicServices.Add(service);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
