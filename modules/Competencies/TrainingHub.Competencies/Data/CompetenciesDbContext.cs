using TrainingHub.SharedKernel.Files;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Competencies.Data;

internal abstract class CompetenciesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "competencies";

    public DbSet<CompetencyFramework> Frameworks => Set<CompetencyFramework>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();

    public DbSet<CompetencyNode> Nodes => Set<CompetencyNode>();

    public DbSet<NodeReference> NodeReferences => Set<NodeReference>();

    public DbSet<ProficiencyLevel> ProficiencyLevels => Set<ProficiencyLevel>();

    public DbSet<RoleRequirement> RoleRequirements => Set<RoleRequirement>();

    public DbSet<CompetencyRating> Ratings => Set<CompetencyRating>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<RatingEvidence> RatingEvidence => Set<RatingEvidence>();
    public DbSet<Member> Members => Set<Member>();

    public DbSet<CountedLevel> CountedLevels => Set<CountedLevel>();

    public DbSet<RequirementTally> RequirementTallies => Set<RequirementTally>();

    public DbSet<TalliedPeople> TalliedPeople => Set<TalliedPeople>();

    public DbSet<ProfileStanding> ProfileStandings => Set<ProfileStanding>();

    public DbSet<FigureCount> FigureCounts => Set<FigureCount>();

    public DbSet<FigureState> FigureStates => Set<FigureState>();

    /// <summary>
    /// Saves, and when the save changed anything the planning figures count (counted levels, people, role profiles,
    /// versions) marks the tallies behind, after the save so that a count starting later sees the change.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var counted = ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is CountedLevel or Member or RoleRequirement or FrameworkVersion);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (counted)
        {
            await FigureStates.Where(s => s.Id == FigureState.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Changes, x => x.Changes + 1), cancellationToken);
        }
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CompetencyFramework>(framework =>
        {
            framework.ToTable("Frameworks");
            framework.Property(f => f.Code).HasMaxLength(FrameworkRules.MaxCodeLength);
            framework.Property(f => f.NormalizedCode).HasMaxLength(FrameworkRules.MaxCodeLength).NotAudited();
            framework.HasIndex(f => f.NormalizedCode).IsUnique();
        });
        modelBuilder.Entity<FrameworkVersion>(version =>
        {
            version.ToTable("FrameworkVersions");
            version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.Name).HasMaxLength(FrameworkRules.MaxNameLength);
            version.Property(v => v.NameEn).HasMaxLength(FrameworkRules.MaxNameLength);
            version.Property(v => v.Description).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            version.Property(v => v.DescriptionEn).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            version.HasIndex(v => new { v.FrameworkId, v.Number }).IsUnique();
            version.HasOne<CompetencyFramework>().WithMany().HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CompetencyNode>(node =>
        {
            node.ToTable("Nodes");
            node.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            node.Property(n => n.Code).HasMaxLength(FrameworkRules.MaxCodeLength);
            node.Property(n => n.NormalizedCode).HasMaxLength(FrameworkRules.MaxCodeLength).NotAudited();
            node.Property(n => n.Name).HasMaxLength(FrameworkRules.MaxNameLength);
            node.Property(n => n.NameEn).HasMaxLength(FrameworkRules.MaxNameLength);
            node.Property(n => n.Description).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            node.Property(n => n.DescriptionEn).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            node.HasIndex(n => new { n.FrameworkVersionId, n.NormalizedCode }).IsUnique();
            node.HasIndex(n => new { n.FrameworkVersionId, n.ParentId, n.Order });
            node.HasIndex(n => n.LineageId);
            node.HasOne<FrameworkVersion>().WithMany().HasForeignKey(n => n.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
            node.HasOne<CompetencyNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<NodeReference>(reference =>
        {
            reference.ToTable("NodeReferences");
            reference.HasKey(r => new { r.NodeId, r.RelatedNodeId });
            reference.HasOne<CompetencyNode>().WithMany().HasForeignKey(r => r.NodeId).OnDelete(DeleteBehavior.Cascade);
            reference.HasOne<CompetencyNode>().WithMany().HasForeignKey(r => r.RelatedNodeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProficiencyLevel>(level =>
        {
            level.ToTable("ProficiencyLevels");
            level.Property(l => l.Name).HasMaxLength(FrameworkRules.MaxNameLength);
            level.Property(l => l.NameEn).HasMaxLength(FrameworkRules.MaxNameLength);
            level.Property(l => l.Description).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            level.Property(l => l.DescriptionEn).HasMaxLength(FrameworkRules.MaxDescriptionLength);
            level.HasIndex(l => new { l.FrameworkVersionId, l.Rank });
            level.HasOne<FrameworkVersion>().WithMany().HasForeignKey(l => l.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RoleRequirement>(requirement =>
        {
            requirement.ToTable("RoleRequirements");
            requirement.HasIndex(r => new { r.FrameworkVersionId, r.PositionTypeId, r.NodeId }).IsUnique();
            requirement.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
            requirement.HasOne<CompetencyNode>().WithMany().HasForeignKey(r => r.NodeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CompetencyRating>(rating =>
        {
            rating.ToTable("Ratings");
            rating.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            rating.Property(r => r.Reason).HasMaxLength(RatingRules.MaxReasonLength);
            rating.HasIndex(r => new { r.PersonId, r.LineageId, r.RatedAt });
            rating.HasIndex(r => r.LineageId);
            // A rating keeps the version it was made against: nodes of a published version are never deleted.
            rating.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
            rating.HasOne<CompetencyNode>().WithMany().HasForeignKey(r => r.NodeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Evidence>(evidence =>
        {
            evidence.ToTable("Evidence");
            evidence.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            evidence.Property(e => e.Title).HasMaxLength(EvidenceRules.MaxTitleLength);
            evidence.Property(e => e.Note).HasMaxLength(EvidenceRules.MaxNoteLength);
            evidence.Property(e => e.Link).HasMaxLength(EvidenceRules.MaxLinkLength);
            evidence.Property(e => e.FileName).HasMaxLength(DocumentFiles.MaxFileNameLength);
            evidence.Property(e => e.ContentType).HasMaxLength(100);
            evidence.Property(e => e.Hours).HasPrecision(6, 2);
            evidence.Property(e => e.SourceReference).HasMaxLength(200);
            evidence.HasIndex(e => new { e.PersonId, e.LineageId, e.RecordedAt });
            // Recording the same course (or any other source) twice for a person and competency is a no-op.
            evidence.HasIndex(e => new { e.PersonId, e.LineageId, e.SourceReference }).IsUnique();
            evidence.HasOne<CompetencyNode>().WithMany().HasForeignKey(e => e.NodeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<EvidenceFile>(file =>
        {
            file.ToTable("EvidenceFiles");
            file.HasKey(f => f.EvidenceId);
            file.Property(f => f.Content).NotAudited();
            file.HasOne<Evidence>().WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RatingEvidence>(cited =>
        {
            cited.ToTable("RatingEvidence");
            cited.HasKey(c => new { c.RatingId, c.EvidenceId });
            cited.HasIndex(c => c.EvidenceId);
            cited.HasOne<CompetencyRating>().WithMany().HasForeignKey(c => c.RatingId).OnDelete(DeleteBehavior.Restrict);
            // Evidence a rating cites stays as long as the rating, which is forever.
            cited.HasOne<Evidence>().WithMany().HasForeignKey(c => c.EvidenceId).OnDelete(DeleteBehavior.Restrict);
        });
        // Copies kept for counting: the person's record in Accounts and the ratings are what the audit trail follows.
        modelBuilder.Entity<Member>(member =>
        {
            member.ToTable("Members");
            member.NotAudited();
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.FullName).HasMaxLength(200);
            member.Property(m => m.SearchName).HasMaxLength(200);
            // The gap view filters by the unit at one level, then by position; inactive people are never counted.
            member.HasIndex(m => new { m.OblastId, m.IsActive, m.PositionTypeId });
            member.HasIndex(m => new { m.HromadaId, m.IsActive, m.PositionTypeId });
            member.HasIndex(m => new { m.OrganisationId, m.IsActive, m.PositionTypeId });
        });
        modelBuilder.Entity<CountedLevel>(counted =>
        {
            counted.ToTable("CountedLevels");
            counted.NotAudited();
            counted.HasKey(c => new { c.PersonId, c.LineageId });
        });
        // Counted ahead for the planning figures (FigureTallies): derived, so not audited.
        modelBuilder.Entity<RequirementTally>(tally =>
        {
            tally.ToTable("RequirementTallies");
            tally.NotAudited();
            tally.HasKey(t => new { t.FrameworkVersionId, t.AreaId, t.RowId, t.NodeId });
        });
        modelBuilder.Entity<TalliedPeople>(people =>
        {
            people.ToTable("TalliedPeople");
            people.NotAudited();
            people.HasKey(p => new { p.FrameworkVersionId, p.AreaId, p.RowId });
        });
        modelBuilder.Entity<ProfileStanding>(standing =>
        {
            standing.ToTable("ProfileStandings");
            standing.NotAudited();
            standing.HasKey(s => s.PersonId);
            standing.Property(s => s.PersonId).ValueGeneratedNever();
        });
        modelBuilder.Entity<FigureCount>(count =>
        {
            count.ToTable("FigureCounts");
            count.NotAudited();
            count.HasKey(c => c.FrameworkVersionId);
        });
        modelBuilder.Entity<FigureState>(state =>
        {
            state.ToTable("FigureStates");
            state.NotAudited();
            state.Property(s => s.Id).ValueGeneratedNever();
            // Behind from the start, so the first count runs.
            state.HasData(new FigureState { Id = FigureState.Key, Changes = 1, CountedChanges = 0 });
        });
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class CompetenciesSqliteDbContext(DbContextOptions<CompetenciesSqliteDbContext> options)
    : CompetenciesDbContext(options);

internal sealed class CompetenciesPostgreSqlDbContext(DbContextOptions<CompetenciesPostgreSqlDbContext> options)
    : CompetenciesDbContext(options);

internal sealed class CompetenciesSqliteDesignFactory()
    : DesignTimeDbContextFactory<CompetenciesSqliteDbContext>(DatabaseProvider.Sqlite, CompetenciesDbContext.Schema);

internal sealed class CompetenciesPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<CompetenciesPostgreSqlDbContext>(DatabaseProvider.PostgreSql, CompetenciesDbContext.Schema);
