using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Dashboard;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Services;
using TrainingHub.Workforce.Staffing;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Data;

internal abstract class WorkforceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "workforce";

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<FundedPosts> FundedPosts => Set<FundedPosts>();

    public DbSet<CommunityProfile> Communities => Set<CommunityProfile>();

    public DbSet<WorkforceNorms> Norms => Set<WorkforceNorms>();

    public DbSet<CountedPosition> CountedPositions => Set<CountedPosition>();

    public DbSet<BasicService> BasicServices => Set<BasicService>();

    public DbSet<VolunteerMove> VolunteerMoves => Set<VolunteerMove>();

    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();

    public DbSet<AreaSnapshot> Snapshots => Set<AreaSnapshot>();

    public DbSet<ProvidedService> ProvidedServices => Set<ProvidedService>();

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
            // The country's volunteers (people in a position counted as volunteer, with their unit) are read from the
            // index alone rather than by scanning every row.
            member.HasIndex(m => new { m.PositionTypeId, m.IsActive, m.UnitId, m.Id });
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
        modelBuilder.Entity<BasicService>(service =>
        {
            service.ToTable("BasicServices");
            service.Property(s => s.NameUk).HasMaxLength(BasicService.MaxNameLength);
            service.Property(s => s.NameEn).HasMaxLength(BasicService.MaxNameLength);
        });
        modelBuilder.Entity<ProvidedService>(provided =>
        {
            provided.ToTable("ProvidedServices");
            provided.HasKey(p => new { p.HromadaId, p.ServiceId });
            provided.HasOne<BasicService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });
        // Derived from Accounts' changes, which the audit trail follows.
        modelBuilder.Entity<VolunteerMove>(move =>
        {
            move.ToTable("VolunteerMoves");
            move.NotAudited();
            move.HasIndex(m => new { m.OblastId, m.MovedOn });
            move.HasIndex(m => new { m.HromadaId, m.MovedOn });
            move.HasIndex(m => new { m.OrganisationId, m.MovedOn });
        });
        modelBuilder.Entity<PlanTarget>(target =>
        {
            target.ToTable("PlanTargets");
            target.HasIndex(t => t.UnitId);
            target.Property(t => t.Measure).HasConversion<string>().HasMaxLength(40);
            target.Property(t => t.Note).HasMaxLength(PlanTarget.MaxNoteLength);
        });
        // Figures derived from records the audit trail follows.
        modelBuilder.Entity<AreaSnapshot>(snapshot =>
        {
            snapshot.ToTable("Snapshots");
            snapshot.NotAudited();
            snapshot.HasIndex(s => new { s.Month, s.UnitId }).IsUnique();
            snapshot.Ignore(s => s.Figures);
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
