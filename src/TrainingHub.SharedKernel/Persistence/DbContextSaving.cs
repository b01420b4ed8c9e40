using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Persistence;

public static class DbContextSaving
{
    /// <summary>
    /// Saves, turning a lost race (a concurrent edit, a unique name or code taken meanwhile) into an error the person
    /// can act on; null when the save succeeded.
    /// </summary>
    public static async Task<Error?> SaveOrErrorAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }
        catch (DbUpdateException)
        {
            return Error.Rule("Error:SaveConflictedWithOtherChange");
        }
    }
}
