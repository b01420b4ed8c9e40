using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingHub.SharedKernel.Auditing;

namespace TrainingHub.SharedKernel.Jobs;

/// <summary>A daily job's mark that it has done one person's share for one day, so that another run that day skips them.</summary>
public sealed class DailyRun
{
    public required string Job { get; set; }

    public Guid PersonId { get; set; }

    public DateOnly Day { get; set; }
}

/// <summary>
/// Lets a daily job (a digest, say) reach each person once a day even when it runs twice, on one node or two: the job
/// claims the person's day before it writes anything for them.
/// </summary>
public static class DailyRuns
{
    /// <summary>Daily jobs are scheduled on Kyiv time, so their days are Kyiv days.</summary>
    public static readonly TimeZoneInfo Kyiv =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var kyiv) ? kyiv : TimeZoneInfo.FindSystemTimeZoneById("Europe/Kiev");

    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Kyiv).DateTime);

    /// <summary>A Kyiv clock time on a Kyiv day, as a moment (such as nine in the morning of an expiry date).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }

    /// <summary>Adds the table of daily marks to a module's model, named as the mail outbox is.</summary>
    public static ModelBuilder AddDailyRuns(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        modelBuilder.Entity<DailyRun>(run =>
        {
            run.ToTable(database.IsNpgsql() ? "DailyRuns" : $"{schema}_DailyRuns");
            run.HasKey(r => new { r.Job, r.PersonId, r.Day });
            run.Property(r => r.Job).HasMaxLength(100);
            // Bookkeeping of a job, not a change anyone made.
            run.NotAudited();
        });
        return modelBuilder;
    }

    /// <summary>
    /// Marks the person's share of the day as taken; false when a run took it before. Call it first in the transaction that
    /// writes the person's share: after a refusal the transaction is not to be used further (PostgreSQL aborts it).
    /// </summary>
    public static async Task<bool> TryClaimDayAsync(this DbContext db, string job, Guid personId, DateOnly day, CancellationToken cancellationToken)
    {
        if (await db.Set<DailyRun>().AnyAsync(r => r.Job == job && r.PersonId == personId && r.Day == day, cancellationToken))
        {
            return false;
        }
        var run = new DailyRun { Job = job, PersonId = personId, Day = day };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run claimed the same day a moment before.
            db.Entry(run).State = EntityState.Detached;
            return false;
        }
    }
}
