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

    public DbSet<TreeStamp> TreeStamps => Set<TreeStamp>();

    /// <summary>Saves, moving the tree's stamp on in the same transaction when any unit was added, changed or removed.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<OrganisationUnit>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var stamp = await TreeStamps.FindAsync([TreeStamp.SingleId], cancellationToken);
            if (stamp is null)
            {
                TreeStamps.Add(new TreeStamp { Stamp = Guid.NewGuid() });
            }
            else
            {
                stamp.Stamp = Guid.NewGuid();
            }
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

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
        modelBuilder.Entity<TreeStamp>(stamp =>
        {
            stamp.ToTable("TreeStamp");
            stamp.Property(s => s.Id).ValueGeneratedNever();
            stamp.HasData(new TreeStamp { Id = TreeStamp.SingleId, Stamp = TreeStamp.Initial });
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
