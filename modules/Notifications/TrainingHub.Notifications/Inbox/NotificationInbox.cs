using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Notifications.Inbox;

/// <param name="CreatedAt">When it arrived, in the reader's time zone.</param>
internal sealed record NotificationRow(Guid Id, string Text, string Category, string? Link, DateTime CreatedAt, bool IsRead);

/// <summary>
/// The signed-in person's own notifications: nobody else's are ever listed, counted or changed. One per circuit, so the
/// bell hears when the list page marks something read.
/// </summary>
internal sealed class NotificationInbox(
    IDbContextFactory<NotificationsDbContext> dbFactory, ICurrentUser currentUser, NotificationTexts texts, TimeProvider clock)
{
    /// <summary>Raised after something was marked read.</summary>
    public event Action? Changed;

    public async Task<int> CountUnreadAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return 0;
        }
        await using var db = dbFactory.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.PersonId == me && n.ReadAtUtc == null, cancellationToken);
    }

    /// <summary>Newest first, in the reader's language and time zone.</summary>
    public async Task<Result<Page<NotificationRow>>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var mine = db.Notifications.AsNoTracking().Where(n => n.PersonId == me);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var zone = (await db.SettingsOfAsync(me, cancellationToken)).QuietHours.TimeZone;
        return new Page<NotificationRow>(
            items.Select(n => new NotificationRow(
                n.Id, texts.Render(n.Category, n.MessageKey, n.Arguments), CategoryName(n.Category), n.Link,
                TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(n.CreatedAtUtc, DateTimeKind.Utc), zone), n.ReadAtUtc is not null)).ToList(),
            total);
    }

    public async Task<Result> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return Error.NotFound;
        }
        if (notification.PersonId != me)
        {
            return Error.Forbidden;
        }
        notification.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke();
        return Result.Success();
    }

    /// <returns>How many were marked.</returns>
    public async Task<Result<int>> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var marked = await db.Notifications.Where(n => n.PersonId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        Changed?.Invoke();
        return marked;
    }

    private string CategoryName(string category)
    {
        var declared = texts.Categories.FirstOrDefault(c => c.Name == category);
        return declared is null ? category : texts.NameOf(declared);
    }
}
