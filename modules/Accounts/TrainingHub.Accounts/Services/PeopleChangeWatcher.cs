using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Publishes <see cref="PersonChanged"/> for people created or changed in what others keep of them (name, home unit,
/// position, active flag), whichever path saved them: invitations, profile edits, deactivation, demo data. Watching the
/// Accounts context's saves catches them all, and the events go into the same save, so a rolled-back bulk invitation
/// announces nobody and a saved change is announced even when the module that keeps a copy cannot be reached.
/// </summary>
internal sealed class PeopleChangeWatcher(TimeProvider clock) : IModuleContextInterceptor, ISaveChangesInterceptor
{
    private static readonly string[] WatchedFields =
        [nameof(ApplicationUser.FullName), nameof(ApplicationUser.HomeUnitId), nameof(ApplicationUser.PositionTypeId), nameof(ApplicationUser.IsActive)];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Publish(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Publish(DbContext? context)
    {
        if (context is not AccountsDbContext)
        {
            return;
        }
        var changed = context.ChangeTracker.Entries<ApplicationUser>()
            .Where(entry => entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && WatchedFields.Any(f => entry.Property(f).IsModified && !Equals(entry.Property(f).OriginalValue, entry.Property(f).CurrentValue))))
            .Select(entry => entry.Entity)
            .ToList();
        var now = clock.GetUtcNow();
        foreach (var person in changed)
        {
            context.Publish(new PersonChanged(person.Id, person.FullName, person.HomeUnitId, person.PositionTypeId, person.IsActive), now);
        }
    }
}
