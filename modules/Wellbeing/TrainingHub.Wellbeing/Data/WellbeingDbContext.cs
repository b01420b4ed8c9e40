using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Data;

internal abstract class WellbeingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "wellbeing";

    public DbSet<Instrument> Instruments => Set<Instrument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Instrument>(instrument =>
        {
            instrument.ToTable("Instruments");
            instrument.HasKey(i => i.Code);
            instrument.Property(i => i.Code).HasMaxLength(Instrument.MaxCodeLength);
            instrument.Ignore(i => i.Definition);
        });
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class WellbeingSqliteDbContext(DbContextOptions<WellbeingSqliteDbContext> options)
    : WellbeingDbContext(options);

internal sealed class WellbeingPostgreSqlDbContext(DbContextOptions<WellbeingPostgreSqlDbContext> options)
    : WellbeingDbContext(options);

internal sealed class WellbeingSqliteDesignFactory()
    : DesignTimeDbContextFactory<WellbeingSqliteDbContext>(DatabaseProvider.Sqlite, WellbeingDbContext.Schema);

internal sealed class WellbeingPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<WellbeingPostgreSqlDbContext>(DatabaseProvider.PostgreSql, WellbeingDbContext.Schema);
