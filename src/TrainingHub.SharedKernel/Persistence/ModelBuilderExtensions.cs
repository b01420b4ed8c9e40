using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TrainingHub.SharedKernel.Persistence;

public static class ModelBuilderExtensions
{
    /// <summary>
    /// What every module model needs: its own schema on PostgreSQL (SQLite has none) and a
    /// concurrency token on each versioned entity.
    /// </summary>
    public static ModelBuilder ApplyModuleConventions(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        if (database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema(schema);
        }
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IHasVersion).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IHasVersion.Version)).IsConcurrencyToken();
        }
        return modelBuilder;
    }
}
