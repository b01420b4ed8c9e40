using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;

namespace TrainingHub.Accounts.Services;

internal sealed class PositionTypeList(IDbContextFactory<AccountsDbContext> dbFactory) : IPositionTypes
{
    public async Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.PositionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new PositionTypeInfo(t.Id, t.Code, t.NameUk, t.NameEn, t.WorksWithClients))
            .ToListAsync(cancellationToken);
    }
}
