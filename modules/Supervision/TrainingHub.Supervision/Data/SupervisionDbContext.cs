using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Support;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Supervision.Data;

internal abstract class SupervisionDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "supervision";

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<SupervisionSession> Sessions => Set<SupervisionSession>();

    public DbSet<SessionLog> Logs => Set<SessionLog>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<CompetencyObservation> Observations => Set<CompetencyObservation>();

    public DbSet<GroupNote> GroupNotes => Set<GroupNote>();

    public DbSet<AgreedAction> Actions => Set<AgreedAction>();
    public DbSet<PracticeHoursEntry> HoursEntries => Set<PracticeHoursEntry>();

    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();

    public DbSet<HoursRequirement> HoursRequirements => Set<HoursRequirement>();

    public DbSet<MentoringGoal> Goals => Set<MentoringGoal>();

    public DbSet<FrequencySetting> FrequencySettings => Set<FrequencySetting>();

    public DbSet<DueReminderState> DueReminders => Set<DueReminderState>();

    public DbSet<LatestSupervision> LatestSupervisions => Set<LatestSupervision>();

    public DbSet<MentoringReview> Reviews => Set<MentoringReview>();

    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    /// <summary>The assignments that make <paramref name="assigneeId"/> the given role of someone on <paramref name="day"/>.</summary>
    public IQueryable<Assignment> AssignedTo(Guid assigneeId, AssignmentRole role, DateOnly day) =>
        Assignments.Where(a => a.AssigneeId == assigneeId && a.Role == role && a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day));

    /// <summary>
    /// Saves, and where logs or meetings changed, each supervisee's <see cref="LatestSupervision"/> as the saved rows now
    /// give it, in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (await Frequency.LatestSupervisions.TouchedAsync(this, cancellationToken) is not { } touched)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Frequency.LatestSupervisions.RecordAsync(this, touched, c => base.SaveChangesAsync(true, c), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

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
        modelBuilder.Entity<SupervisionSession>(session =>
        {
            session.ToTable("Sessions");
            session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.Place).HasMaxLength(SessionRules.MaxPlaceLength);
            session.Property(s => s.VideoLink).HasMaxLength(SessionRules.MaxLinkLength);
            session.Property(s => s.CancelReason).HasMaxLength(SessionRules.MaxReasonLength);
            session.Ignore(s => s.EndsAt);
            if (!Database.IsNpgsql())
            {
                // SQLite compares no DateTimeOffset: UTC ticks keep "meetings to come" and their order in the database.
                session.Property(s => s.StartsAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            }
            session.HasIndex(s => new { s.LeaderId, s.StartsAt });
            session.HasIndex(s => s.UnitId);
            session.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SessionParticipant>(participant =>
        {
            participant.ToTable("SessionParticipants");
            participant.HasKey(p => new { p.SessionId, p.PersonId });
            participant.HasIndex(p => p.PersonId);
        });
        modelBuilder.Entity<SessionLog>(log =>
        {
            log.ToTable("Logs");
            log.HasIndex(l => new { l.SessionId, l.PersonId }).IsUnique();
            log.HasIndex(l => new { l.LeaderId, l.LeaderSignedAt });
            log.HasIndex(l => new { l.PersonId, l.PersonSignedAt });
            log.HasIndex(l => l.UnitId);
            log.Property(l => l.Functions).HasConversion<int>();
            foreach (var text in new[] { nameof(SessionLog.Topics), nameof(SessionLog.Cases), nameof(SessionLog.PrivateNote), nameof(SessionLog.Reflection) })
            {
                log.Property(text).HasMaxLength(LogRules.MaxTextLength);
            }
            log.Ignore(l => l.Locked);
            log.HasOne<SupervisionSession>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Restrict);
            log.HasMany(l => l.Actions).WithOne().HasForeignKey(a => a.LogId).OnDelete(DeleteBehavior.Cascade);
            log.HasMany(l => l.Addenda).WithOne().HasForeignKey(a => a.LogId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AgreedAction>(action =>
        {
            action.ToTable("Actions");
            // Added to a loaded log's list, so the key is the entity's own: a new one is inserted, not updated.
            action.Property(a => a.Id).ValueGeneratedNever();
            action.Property(a => a.Text).HasMaxLength(LogRules.MaxActionLength);
            action.HasIndex(a => new { a.OwnerId, a.DoneAt });
        });
        modelBuilder.Entity<LogAddendum>(addendum =>
        {
            addendum.ToTable("LogAddenda");
            addendum.Property(a => a.Id).ValueGeneratedNever();
            addendum.Property(a => a.Text).HasMaxLength(LogRules.MaxAddendumLength);
        });
        modelBuilder.Entity<CompetencyObservation>(observation =>
        {
            observation.ToTable("CompetencyObservations");
            observation.Property(o => o.Note).HasMaxLength(CompetencyObservation.MaxNoteLength);
            observation.HasIndex(o => o.LogId);
            observation.HasOne<SessionLog>().WithMany().HasForeignKey(o => o.LogId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GroupNote>(note =>
        {
            note.ToTable("GroupNotes");
            note.HasKey(n => n.SessionId);
            note.Property(n => n.Text).HasMaxLength(LogRules.MaxTextLength);
            note.HasOne<SupervisionSession>().WithOne().HasForeignKey<GroupNote>(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CalendarFeed>(feed =>
        {
            feed.ToTable("CalendarFeeds");
            feed.HasKey(f => f.PersonId);
            feed.Property(f => f.SecretHash).HasMaxLength(64);
            feed.HasIndex(f => f.SecretHash).IsUnique();
        });
        modelBuilder.AddMailOutbox(Database, Schema);
        modelBuilder.Entity<FrequencySetting>(setting =>
        {
            setting.ToTable("FrequencySettings");
            setting.Property(f => f.Place).HasMaxLength(80);
            setting.HasIndex(f => f.Place).IsUnique();
            setting.Property(f => f.Steps).HasMaxLength(200);
            setting.Ignore(f => f.Policy);
        });
        modelBuilder.Entity<LatestSupervision>(latest =>
        {
            latest.ToTable("LatestSupervisions");
            latest.HasKey(l => l.PersonId);
            latest.Property(l => l.PersonId).ValueGeneratedNever();
            if (!Database.IsNpgsql())
            {
                latest.Property(l => l.StartsAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            }
        });
        modelBuilder.Entity<DueReminderState>(state =>
        {
            state.ToTable("DueReminders");
            state.HasKey(d => d.PersonId);
        });
        modelBuilder.Entity<PracticeHoursEntry>(entry =>
        {
            entry.ToTable("HoursEntries");
            entry.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Hours).HasPrecision(4, 2);
            entry.Property(e => e.Setting).HasMaxLength(HoursRules.MaxSettingLength);
            entry.Property(e => e.Description).HasMaxLength(HoursRules.MaxDescriptionLength);
            entry.Property(e => e.ReviewReason).HasMaxLength(HoursRules.MaxReasonLength);
            entry.Ignore(e => e.IsEditable);
            entry.HasIndex(e => new { e.PersonId, e.Date });
            entry.HasIndex(e => new { e.State, e.Date });
            entry.HasIndex(e => e.UnitId);
            entry.HasOne<ActivityType>().WithMany().HasForeignKey(e => e.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ActivityType>(type =>
        {
            type.ToTable("ActivityTypes");
            type.Property(t => t.NameUk).HasMaxLength(ActivityType.MaxNameLength);
            type.Property(t => t.NameEn).HasMaxLength(ActivityType.MaxNameLength);
            type.Ignore(t => t.Name);
            type.HasData(ActivityType.BuiltIn);
        });
        modelBuilder.Entity<HoursRequirement>(requirement =>
        {
            requirement.ToTable("HoursRequirements");
            requirement.HasIndex(r => r.PositionTypeId).IsUnique();
            requirement.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.RequirementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HoursRequirementPart>(part =>
        {
            part.ToTable("HoursRequirementParts");
            // Added to a loaded requirement's list, so the key is the part's own: a new one is inserted, not updated.
            part.Property(p => p.Id).ValueGeneratedNever();
            part.HasIndex(p => new { p.RequirementId, p.ActivityTypeId }).IsUnique();
            part.HasOne<ActivityType>().WithMany().HasForeignKey(p => p.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<MentoringGoal>(goal =>
        {
            goal.ToTable("MentoringGoals");
            goal.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            goal.Property(g => g.Text).HasMaxLength(MentoringRules.MaxGoalLength);
            goal.Property(g => g.DropReason).HasMaxLength(MentoringRules.MaxReasonLength);
            goal.HasIndex(g => g.AssignmentId);
            goal.HasIndex(g => g.UnitId);
            goal.HasOne<Assignment>().WithMany().HasForeignKey(g => g.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<MentoringReview>(review =>
        {
            review.ToTable("MentoringReviews");
            review.Property(r => r.WentWell).HasMaxLength(MentoringRules.MaxReviewLength);
            review.Property(r => r.Next).HasMaxLength(MentoringRules.MaxReviewLength);
            review.HasIndex(r => new { r.AssignmentId, r.AuthorId }).IsUnique();
            review.HasIndex(r => r.UnitId);
            review.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SupportRequest>(request =>
        {
            request.ToTable("SupportRequests");
            // The id the request came with: a second delivery finds it rather than adding another.
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.Note).HasMaxLength(ConversationRequested.MaxNoteLength);
            request.Property(r => r.Scores).HasMaxLength(SupportRequest.MaxScoresLength);
            request.Ignore(r => r.IsOpen);
            request.HasIndex(r => new { r.SupervisorId, r.HandledAt });
        });
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
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
