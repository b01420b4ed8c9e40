using TrainingHub.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Notifications.Data;

internal abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<OutgoingMail> Outbox => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Notifications and reminders are messages about changes recorded elsewhere; auditing them would bury the
        // trail in noise (and repeat personal details). People's choices below are audited.
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.NotAudited();
            notification.ToTable("Notifications");
            notification.Property(n => n.Category).HasMaxLength(100);
            notification.Property(n => n.MessageKey).HasMaxLength(200);
            notification.Property(n => n.Arguments).HasMaxLength(4000);
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.HasIndex(n => new { n.PersonId, n.CreatedAtUtc });
            notification.HasIndex(n => new { n.PersonId, n.ReadAtUtc });
            notification.HasIndex(n => n.AwaitsDigest);
        });
        modelBuilder.Entity<Reminder>(reminder =>
        {
            reminder.NotAudited();
            reminder.ToTable("Reminders");
            reminder.Property(r => r.ThingType).HasMaxLength(100);
            reminder.Property(r => r.Category).HasMaxLength(100);
            reminder.Property(r => r.MessageKey).HasMaxLength(200);
            reminder.Property(r => r.Arguments).HasMaxLength(4000);
            reminder.Property(r => r.Link).HasMaxLength(500);
            reminder.HasIndex(r => new { r.SentAtUtc, r.SendAtUtc });
            reminder.HasIndex(r => new { r.ThingType, r.ThingId, r.PersonId });
        });
        modelBuilder.Entity<NotificationSettings>(settings =>
        {
            settings.ToTable("NotificationSettings");
            settings.HasKey(s => s.PersonId);
            settings.Property(s => s.TimeZoneId).HasMaxLength(64);
            settings.Ignore(s => s.QuietHours);
            settings.HasMany(s => s.Categories).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CategoryChoice>(choice =>
        {
            choice.ToTable("NotificationCategoryChoices");
            choice.HasKey(c => new { c.PersonId, c.Category });
            choice.Property(c => c.Category).HasMaxLength(100);
        });
        modelBuilder.AddMailOutbox(Database, Schema);
        modelBuilder.AddDailyRuns(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

internal sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsPostgreSqlDbContext(DbContextOptions<NotificationsPostgreSqlDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsSqliteDesignFactory()
    : DesignTimeDbContextFactory<NotificationsSqliteDbContext>(DatabaseProvider.Sqlite, NotificationsDbContext.Schema);

internal sealed class NotificationsPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<NotificationsPostgreSqlDbContext>(DatabaseProvider.PostgreSql, NotificationsDbContext.Schema);
