using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Reports;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Support;

namespace TrainingHub.Wellbeing.Data;

internal abstract class WellbeingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "wellbeing";

    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<CheckInSchedule> Schedules => Set<CheckInSchedule>();

    public DbSet<CheckInRound> Rounds => Set<CheckInRound>();

    public DbSet<RoundInvitation> Invitations => Set<RoundInvitation>();

    public DbSet<CheckInResponse> Responses => Set<CheckInResponse>();

    public DbSet<SupportResource> Resources => Set<SupportResource>();

    public DbSet<ReportSettings> ReportSettings => Set<ReportSettings>();

    public DbSet<ConversationRequest> ConversationRequests => Set<ConversationRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Instrument>(instrument =>
        {
            instrument.ToTable("Instruments");
            instrument.HasKey(i => i.Code);
            instrument.Property(i => i.Code).HasMaxLength(Instrument.MaxCodeLength);
            instrument.Ignore(i => i.Definition);
        });
        modelBuilder.Entity<CheckInSchedule>(schedule =>
        {
            schedule.ToTable("Schedules");
            schedule.HasIndex(s => s.UnitId).IsUnique();
            schedule.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(20);
            schedule.Property(s => s.InstrumentCode).HasMaxLength(Instrument.MaxCodeLength);
        });
        modelBuilder.Entity<CheckInRound>(round =>
        {
            round.ToTable("Rounds");
            // One round per schedule and day: a second run of the job cannot open it again.
            round.HasIndex(r => new { r.ScheduleId, r.OpensOn }).IsUnique();
            round.Property(r => r.InstrumentCode).HasMaxLength(Instrument.MaxCodeLength);
            round.HasOne<CheckInSchedule>().WithMany().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Restrict);
            if (!Database.IsNpgsql())
            {
                // SQLite compares no DateTimeOffset: UTC ticks keep "open now" in the database.
                round.Property(r => r.OpensAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
                round.Property(r => r.ClosesAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            }
        });
        modelBuilder.Entity<RoundInvitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.HasIndex(i => new { i.RoundId, i.PersonId }).IsUnique();
            invitation.HasIndex(i => new { i.PersonId, i.State });
            invitation.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
            invitation.HasOne<CheckInRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CheckInResponse>(response =>
        {
            response.ToTable("Responses");
            response.HasIndex(r => new { r.RoundId, r.UnitId });
            response.Property(r => r.Answers).HasMaxLength(4000);
            response.Property(r => r.Scores).HasMaxLength(1000);
            response.Ignore(r => r.Submitted);
            response.HasOne<CheckInRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SupportResource>(resource =>
        {
            resource.ToTable("SupportResources");
            resource.Property(r => r.NameUk).HasMaxLength(SupportResource.MaxNameLength);
            resource.Property(r => r.NameEn).HasMaxLength(SupportResource.MaxNameLength);
            resource.Property(r => r.DetailsUk).HasMaxLength(SupportResource.MaxDetailsLength);
            resource.Property(r => r.DetailsEn).HasMaxLength(SupportResource.MaxDetailsLength);
            resource.Ignore(r => r.Name);
            resource.Ignore(r => r.Details);
        });
        modelBuilder.Entity<ReportSettings>(settings =>
        {
            settings.ToTable("ReportSettings");
            settings.Property(s => s.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ConversationRequest>(request =>
        {
            request.ToTable("ConversationRequests");
            // One request per person and round.
            request.HasIndex(r => new { r.PersonId, r.RoundId }).IsUnique();
            request.HasOne<CheckInRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            // Only a high score offers the request, so even a row naming its author without values would tell what the score was.
            request.NotAudited();
        });
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
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
