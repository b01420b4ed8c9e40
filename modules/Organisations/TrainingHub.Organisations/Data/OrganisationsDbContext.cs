using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Domain;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Organisations.Data;

internal abstract class OrganisationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "organisations";

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationUnit>(unit =>
        {
            unit.ToTable("OrganisationUnits");
            unit.Property(u => u.Name).HasMaxLength(UnitRules.MaxNameLength);
            unit.Property(u => u.NormalizedName).HasMaxLength(UnitRules.MaxNameLength).NotAudited();
            unit.Property(u => u.NameEn).HasMaxLength(UnitRules.MaxNameLength);
            unit.Property(u => u.KatottgCode).HasMaxLength(19);
            unit.HasIndex(u => new { u.ParentId, u.NormalizedName }).IsUnique();
            unit.HasIndex(u => u.KatottgCode).IsUnique();
            unit.HasOne<OrganisationUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class OrganisationsSqliteDbContext(DbContextOptions<OrganisationsSqliteDbContext> options)
    : OrganisationsDbContext(options);

internal sealed class OrganisationsPostgreSqlDbContext(DbContextOptions<OrganisationsPostgreSqlDbContext> options)
    : OrganisationsDbContext(options);

internal sealed class OrganisationsSqliteDesignFactory()
    : DesignTimeDbContextFactory<OrganisationsSqliteDbContext>(DatabaseProvider.Sqlite, OrganisationsDbContext.Schema);

internal sealed class OrganisationsPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<OrganisationsPostgreSqlDbContext>(DatabaseProvider.PostgreSql, OrganisationsDbContext.Schema);
