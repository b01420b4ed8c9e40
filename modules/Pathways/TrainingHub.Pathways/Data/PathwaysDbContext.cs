using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Qualifications;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Data;

internal abstract class PathwaysDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "pathways";

    public DbSet<PathwayTemplate> Templates => Set<PathwayTemplate>();

    public DbSet<PathwayStage> Stages => Set<PathwayStage>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<StageSignOff> SignOffs => Set<StageSignOff>();

    public DbSet<ReachedStage> ReachedStages => Set<ReachedStage>();

    public DbSet<ProgressionRequest> Requests => Set<ProgressionRequest>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<QualificationProfile> Qualifications => Set<QualificationProfile>();

    public DbSet<ExternalTraining> Trainings => Set<ExternalTraining>();

    public DbSet<ExternalTrainingFile> TrainingFiles => Set<ExternalTrainingFile>();

    public DbSet<DevelopmentPlan> Plans => Set<DevelopmentPlan>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

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
            stage.Property(s => s.RenewalCpdHours).HasPrecision(7, 2);
            stage.Ignore(s => s.Renewal);
        });
        modelBuilder.Entity<Placement>(placement =>
        {
            placement.ToTable("Placements");
            placement.HasIndex(p => p.PersonId).IsUnique();
            placement.HasIndex(p => p.UnitId);
            placement.HasOne<PathwayTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
            placement.HasMany(p => p.SignOffs).WithOne().HasForeignKey(s => s.PlacementId).OnDelete(DeleteBehavior.Cascade);
            placement.HasMany(p => p.Reached).WithOne().HasForeignKey(r => r.PlacementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReachedStage>(reached =>
        {
            reached.ToTable("ReachedStages");
            reached.HasIndex(r => new { r.PlacementId, r.Stage });
        });
        modelBuilder.Entity<ProgressionRequest>(request =>
        {
            request.ToTable("ProgressionRequests");
            request.HasOne<Placement>().WithMany().HasForeignKey(r => r.PlacementId).OnDelete(DeleteBehavior.Cascade);
            request.HasIndex(r => new { r.Status, r.UnitId });
            request.HasIndex(r => new { r.PlacementId, r.ToStage });
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Note).HasMaxLength(ProgressionRequest.MaxTextLength);
            request.Property(r => r.Reason).HasMaxLength(ProgressionRequest.MaxTextLength);
        });
        modelBuilder.Entity<StageSignOff>(signOff =>
        {
            signOff.ToTable("SignOffs");
            signOff.HasIndex(s => new { s.PlacementId, s.Stage, s.Role }).IsUnique();
            signOff.Property(s => s.Role).HasMaxLength(StageSignOff.MaxRoleLength);
        });
        modelBuilder.Entity<Certificate>(certificate =>
        {
            certificate.ToTable("Certificates");
            certificate.HasIndex(c => c.Number).IsUnique();
            certificate.HasIndex(c => c.PersonId);
            certificate.HasIndex(c => new { c.UnitId, c.ValidUntil });
            certificate.Property(c => c.Number).HasMaxLength(30);
            certificate.Property(c => c.PersonName).HasMaxLength(Certificate.MaxNameLength);
            certificate.Property(c => c.TemplateCode).HasMaxLength(PathwayTemplate.MaxCodeLength);
            certificate.Property(c => c.PathwayNameUk).HasMaxLength(PathwayTemplate.MaxNameLength);
            certificate.Property(c => c.PathwayNameEn).HasMaxLength(PathwayTemplate.MaxNameLength);
            certificate.Property(c => c.StageNameUk).HasMaxLength(PathwayTemplate.MaxNameLength);
            certificate.Property(c => c.StageNameEn).HasMaxLength(PathwayTemplate.MaxNameLength);
            certificate.Property(c => c.IssuerNameUk).HasMaxLength(Certificate.MaxNameLength);
            certificate.Property(c => c.IssuerNameEn).HasMaxLength(Certificate.MaxNameLength);
            certificate.Ignore(c => c.IssuerName);
            certificate.Property(c => c.Culture).HasMaxLength(10);
            certificate.Property(c => c.RevocationReason).HasMaxLength(Certificate.MaxReasonLength);
            certificate.Ignore(c => c.PathwayName);
            certificate.Ignore(c => c.StageName);
        });
        modelBuilder.Entity<QualificationProfile>(profile =>
        {
            profile.ToTable("Qualifications");
            profile.HasIndex(q => q.PositionTypeId).IsUnique();
            foreach (var text in new[] { "DutiesUk", "DutiesEn", "EducationUk", "EducationEn", "ExperienceUk", "ExperienceEn" })
            {
                profile.Property<string>(text).HasMaxLength(QualificationProfile.MaxTextLength);
            }
            profile.Ignore(q => q.CpdUnit);
            profile.Ignore(q => q.Cpd);
            profile.HasMany(q => q.Areas).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AreaRequirement>(area =>
        {
            area.ToTable("QualificationAreas");
            area.HasIndex(a => new { a.ProfileId, a.AreaId }).IsUnique();
        });
        modelBuilder.Entity<ExternalTraining>(training =>
        {
            training.ToTable("ExternalTrainings");
            training.HasIndex(t => new { t.PersonId, t.CompletedOn });
            training.HasIndex(t => t.State);
            training.Property(t => t.Title).HasMaxLength(ExternalTraining.MaxTitleLength);
            training.Property(t => t.Provider).HasMaxLength(ExternalTraining.MaxProviderLength);
            training.Property(t => t.Hours).HasPrecision(7, 2);
            training.Property(t => t.FileName).HasMaxLength(DocumentFiles.MaxFileNameLength);
            training.Property(t => t.ContentType).HasMaxLength(120);
            training.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
            training.Property(t => t.DeclineReason).HasMaxLength(ExternalTraining.MaxReasonLength);
        });
        modelBuilder.Entity<ExternalTrainingFile>(file =>
        {
            file.ToTable("ExternalTrainingFiles");
            file.HasKey(f => f.TrainingId);
            file.Property(f => f.Content).NotAudited();
            file.HasOne<ExternalTraining>().WithOne().HasForeignKey<ExternalTrainingFile>(f => f.TrainingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DevelopmentPlan>(plan =>
        {
            plan.ToTable("DevelopmentPlans");
            plan.HasIndex(p => new { p.PersonId, p.Year }).IsUnique();
            plan.Ignore(p => p.Agreed);
            plan.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlanItem>(item =>
        {
            item.ToTable("DevelopmentPlanItems");
            item.Property(i => i.Title).HasMaxLength(ExternalTraining.MaxTitleLength);
            item.Property(i => i.Hours).HasPrecision(7, 2);
        });
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
        modelBuilder.AddDailyRuns(Database, Schema);
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
