using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Data;

internal abstract class PathwaysDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "pathways";

    public DbSet<PathwayTemplate> Templates => Set<PathwayTemplate>();

    public DbSet<PathwayStage> Stages => Set<PathwayStage>();

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
