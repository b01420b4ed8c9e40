using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Data;

internal abstract class WorkforceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "workforce";

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<FundedPosts> FundedPosts => Set<FundedPosts>();

    public DbSet<CommunityProfile> Communities => Set<CommunityProfile>();

    public DbSet<WorkforceNorms> Norms => Set<WorkforceNorms>();

    public DbSet<CountedPosition> CountedPositions => Set<CountedPosition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // A copy kept for counting: the person's record in Accounts is what the audit trail follows.
        modelBuilder.Entity<StaffMember>(member =>
        {
            member.ToTable("Staff");
            member.NotAudited();
            member.Property(m => m.Id).ValueGeneratedNever();
            // Every figure counts the active people of each unit in an area (the country, an oblast, a hromada, an
            // organisation), by position: the count reads the index alone, in the order it groups, and skips the inactive
            // there (last, as SQLite seeks an index only on comparisons, never on a bare true-or-false column).
            member.HasIndex(m => new { m.UnitId, m.PositionTypeId, m.IsActive });
            member.HasIndex(m => new { m.OblastId, m.UnitId, m.PositionTypeId, m.IsActive });
            member.HasIndex(m => new { m.HromadaId, m.UnitId, m.PositionTypeId, m.IsActive });
            member.HasIndex(m => new { m.OrganisationId, m.UnitId, m.PositionTypeId, m.IsActive });
        });
        modelBuilder.Entity<FundedPosts>(posts =>
        {
            posts.ToTable("FundedPosts");
            posts.HasIndex(p => new { p.OrganisationId, p.PositionTypeId }).IsUnique();
        });
        modelBuilder.Entity<CommunityProfile>(community =>
        {
            community.ToTable("Communities");
            community.HasKey(c => c.HromadaId);
            community.Property(c => c.Settlement).HasConversion<string>().HasMaxLength(10);
        });
        modelBuilder.Entity<WorkforceNorms>(norms =>
        {
            norms.ToTable("Norms");
            norms.Property(n => n.Id).ValueGeneratedNever();
            norms.OwnsOne(n => n.Targets);
        });
        modelBuilder.Entity<CountedPosition>(counted =>
        {
            counted.ToTable("CountedPositions");
            counted.HasKey(c => c.PositionTypeId);
            counted.Property(c => c.CountedAs).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class WorkforceSqliteDbContext(DbContextOptions<WorkforceSqliteDbContext> options)
    : WorkforceDbContext(options);

internal sealed class WorkforcePostgreSqlDbContext(DbContextOptions<WorkforcePostgreSqlDbContext> options)
    : WorkforceDbContext(options);

internal sealed class WorkforceSqliteDesignFactory()
    : DesignTimeDbContextFactory<WorkforceSqliteDbContext>(DatabaseProvider.Sqlite, WorkforceDbContext.Schema);

internal sealed class WorkforcePostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<WorkforcePostgreSqlDbContext>(DatabaseProvider.PostgreSql, WorkforceDbContext.Schema);
