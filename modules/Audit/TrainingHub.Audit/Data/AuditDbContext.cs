using Microsoft.EntityFrameworkCore;
using TrainingHub.Audit.Domain;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Audit.Data;

internal abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.NotAudited();
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.MaxNameLength);
            entry.Property(e => e.ActorSearch).HasMaxLength(AuditEntry.MaxNameLength);
            entry.Property(e => e.Module).HasMaxLength(50);
            entry.Property(e => e.EntityType).HasMaxLength(100);
            entry.Property(e => e.EntityId).HasMaxLength(200);
            entry.Property(e => e.Summary).HasMaxLength(AuditEntry.MaxSummaryLength);
            entry.HasIndex(e => e.AtUtc);
            entry.HasIndex(e => new { e.ActorId, e.AtUtc });
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
            entry.HasIndex(e => new { e.UnitId, e.AtUtc });
        });
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewriting();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRewriting();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseRewriting()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
        }
    }
}

internal sealed class AuditSqliteDbContext(DbContextOptions<AuditSqliteDbContext> options) : AuditDbContext(options);

internal sealed class AuditPostgreSqlDbContext(DbContextOptions<AuditPostgreSqlDbContext> options) : AuditDbContext(options);

internal sealed class AuditSqliteDesignFactory()
    : DesignTimeDbContextFactory<AuditSqliteDbContext>(DatabaseProvider.Sqlite, AuditDbContext.Schema);

internal sealed class AuditPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<AuditPostgreSqlDbContext>(DatabaseProvider.PostgreSql, AuditDbContext.Schema);
