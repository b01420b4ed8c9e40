using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Supervision.Assignments;

namespace TrainingHub.Supervision.Data;

internal abstract class SupervisionDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "supervision";

    public DbSet<Assignment> Assignments => Set<Assignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Assignment>(assignment =>
        {
            assignment.ToTable("Assignments");
            assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
            assignment.HasIndex(a => new { a.PersonId, a.StartsOn });
            assignment.HasIndex(a => new { a.AssigneeId, a.StartsOn });
            assignment.HasIndex(a => a.UnitId);
        });
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class SupervisionSqliteDbContext(DbContextOptions<SupervisionSqliteDbContext> options)
    : SupervisionDbContext(options);

internal sealed class SupervisionPostgreSqlDbContext(DbContextOptions<SupervisionPostgreSqlDbContext> options)
    : SupervisionDbContext(options);

internal sealed class SupervisionSqliteDesignFactory()
    : DesignTimeDbContextFactory<SupervisionSqliteDbContext>(DatabaseProvider.Sqlite, SupervisionDbContext.Schema);

internal sealed class SupervisionPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<SupervisionPostgreSqlDbContext>(DatabaseProvider.PostgreSql, SupervisionDbContext.Schema);
