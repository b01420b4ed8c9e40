using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TrainingHub.TestKit;

/// <summary>Tables for the contexts of test fixtures, which have no migrations.</summary>
public static class FixtureTables
{
    /// <summary>Makes the context's tables from its model; a second host on the same database finds them made.</summary>
    public static async Task CreateTablesOnceAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Made already, by an earlier host on the same database.
        }
    }
}
