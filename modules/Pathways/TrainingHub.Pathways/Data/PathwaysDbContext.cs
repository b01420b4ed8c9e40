using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Data;

internal abstract class PathwaysDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "pathways";

    public DbSet<PathwayTemplate> Templates => Set<PathwayTemplate>();

    public DbSet<PathwayStage> Stages => Set<PathwayStage>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<StageSignOff> SignOffs => Set<StageSignOff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PathwayTemplate>(template =>
        {
            template.ToTable("Templates");
            template.HasIndex(t => t.Code).IsUnique();
            template.Property(t => t.Code).HasMaxLength(PathwayTemplate.MaxCodeLength);
            template.Property(t => t.NameUk).HasMaxLength(PathwayTemplate.MaxNameLength);
            template.Property(t => t.NameEn).HasMaxLength(PathwayTemplate.MaxNameLength);
            template.Ignore(t => t.Name);
            template.HasMany(t => t.Stages).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PathwayStage>(stage =>
        {
            stage.ToTable("Stages");
            stage.HasIndex(s => new { s.TemplateId, s.Position }).IsUnique();
            stage.Property(s => s.NameUk).HasMaxLength(PathwayTemplate.MaxNameLength);
            stage.Property(s => s.NameEn).HasMaxLength(PathwayTemplate.MaxNameLength);
            stage.Property(s => s.PositionTypeCode).HasMaxLength(PathwayTemplate.MaxCodeLength);
            stage.Property(s => s.RequirementsJson).HasMaxLength(20_000);
            stage.Ignore(s => s.Name);
            stage.Ignore(s => s.Requirements);
        });
        modelBuilder.Entity<Placement>(placement =>
        {
            placement.ToTable("Placements");
            placement.HasIndex(p => p.PersonId).IsUnique();
            placement.HasIndex(p => p.UnitId);
            placement.HasOne<PathwayTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
            placement.HasMany(p => p.SignOffs).WithOne().HasForeignKey(s => s.PlacementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StageSignOff>(signOff =>
        {
            signOff.ToTable("SignOffs");
            signOff.HasIndex(s => new { s.PlacementId, s.Stage, s.Role }).IsUnique();
            signOff.Property(s => s.Role).HasMaxLength(StageSignOff.MaxRoleLength);
        });
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class PathwaysSqliteDbContext(DbContextOptions<PathwaysSqliteDbContext> options)
    : PathwaysDbContext(options);

internal sealed class PathwaysPostgreSqlDbContext(DbContextOptions<PathwaysPostgreSqlDbContext> options)
    : PathwaysDbContext(options);

internal sealed class PathwaysSqliteDesignFactory()
    : DesignTimeDbContextFactory<PathwaysSqliteDbContext>(DatabaseProvider.Sqlite, PathwaysDbContext.Schema);

internal sealed class PathwaysPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<PathwaysPostgreSqlDbContext>(DatabaseProvider.PostgreSql, PathwaysDbContext.Schema);
