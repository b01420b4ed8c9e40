using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// The position types every installation starts with, from volunteer to coordinator. Volunteers, social assistants,
/// case managers and social workers visit and support families; supervisors and coordinators work with the workforce.
/// </summary>
internal sealed class PositionTypesSetup(IDbContextFactory<AccountsDbContext> dbFactory) : IModuleInitializer
{
    public static IReadOnlyList<PositionType> BuiltIn { get; } =
    [
        new() { Code = "volunteer", NameUk = "Волонтер", NameEn = "Volunteer", IsBuiltIn = true, SortOrder = 10 },
        new() { Code = "social-assistant", NameUk = "Соціальний помічник", NameEn = "Social assistant", IsBuiltIn = true, SortOrder = 20 },
        new() { Code = "case-manager", NameUk = "Фахівець із супроводу (кейс-менеджер)", NameEn = "Case manager", IsBuiltIn = true, SortOrder = 30 },
        new() { Code = "social-worker", NameUk = "Соціальний працівник", NameEn = "Social worker", IsBuiltIn = true, SortOrder = 40 },
        new() { Code = "supervisor", NameUk = "Супервізор", NameEn = "Supervisor", IsBuiltIn = true, SortOrder = 50, WorksWithClients = false },
        new() { Code = "coordinator", NameUk = "Координатор", NameEn = "Coordinator", IsBuiltIn = true, SortOrder = 60, WorksWithClients = false },
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.PositionTypes.Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var type in BuiltIn.Where(t => !existing.Contains(t.Code)))
        {
            db.PositionTypes.Add(new PositionType
            {
                Code = type.Code, NameUk = type.NameUk, NameEn = type.NameEn, IsBuiltIn = true, SortOrder = type.SortOrder,
                WorksWithClients = type.WorksWithClients,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
