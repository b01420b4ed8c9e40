using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Sessions;

/// <summary>
/// A person's private calendar address: whoever has it reads their meetings, so only a hash of its secret is kept, and
/// making a new one or stopping it revokes the old at once.
/// </summary>
[OrdinaryData]
internal sealed class CalendarFeed
{
    public Guid PersonId { get; set; }

    [SensitiveData]
    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>
/// Subscribing to one's own meetings from Outlook, Google Calendar or a phone: a private address per person serving an
/// iCalendar feed of their meetings from three months back, which they can replace or stop.
/// </summary>
internal sealed class CalendarFeeds(
    IDbContextFactory<SupervisionDbContext> dbFactory, ICurrentUser currentUser, IPeopleLookup people, PublicLinks links,
    IStringLocalizerFactory localizers, TimeProvider clock)
{
    /// <summary>How far back the feed reaches, so past meetings stay in the calendar for a while.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(92);

    public async Task<bool> HasFeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return currentUser.UserId is { } me && await db.CalendarFeeds.AnyAsync(f => f.PersonId == me, cancellationToken);
    }

    /// <summary>A new private address for the signed-in person; any earlier one stops working.</summary>
    public async Task<Uri?> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return null;
        }
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var db = dbFactory.CreateDbContext();
        await db.CalendarFeeds.Where(f => f.PersonId == me).ExecuteDeleteAsync(cancellationToken);
        db.CalendarFeeds.Add(new CalendarFeed { PersonId = me, SecretHash = CalendarFeed.Hash(secret), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return links.To($"supervision/calendar/{secret}.ics");
    }

    /// <summary>Stops the signed-in person's address.</summary>
    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is { } me)
        {
            await using var db = dbFactory.CreateDbContext();
            await db.CalendarFeeds.Where(f => f.PersonId == me).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The feed behind a secret, in its owner's language; null for a secret that is not (or no longer) valid.</summary>
    public async Task<string?> FeedAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var hash = CalendarFeed.Hash(secret);
        if (await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.SecretHash == hash, cancellationToken) is not { } feed
            || await people.FindAsync(feed.PersonId, cancellationToken) is not { IsActive: true } owner)
        {
            return null;
        }
        var me = owner.Id;
        var since = clock.GetUtcNow() - History;
        var sessions = (await db.Sessions.AsNoTracking().Include(s => s.Participants)
                .Where(s => s.LeaderId == me || s.Participants.Any(p => p.PersonId == me)).ToListAsync(cancellationToken))
            .Where(s => s.StartsAt >= since).OrderBy(s => s.StartsAt).ToList();
        var contacts = (await people.FindManyAsync([.. sessions.SelectMany(s => s.Participants.Select(p => p.PersonId).Append(s.LeaderId)).Distinct()],
                cancellationToken))
            .ToDictionary(p => p.Id, p => new CalendarPerson(p.FullName, p.Email));
        var unknown = new CalendarPerson("?", "unknown@invalid");
        var texts = localizers.Create(typeof(SupervisionResource));
        return InCulture.Run(owner.PreferredCulture, () =>
            SessionCalendar.Feed(sessions.Select(s => (s, texts[$"Sessions:Kind:{s.Kind}"].Value, contacts.GetValueOrDefault(s.LeaderId, unknown),
                (IReadOnlyList<CalendarPerson>)[.. s.Participants.Select(p => contacts.GetValueOrDefault(p.PersonId, unknown))])), clock.GetUtcNow()));
    }

    /// <summary>The feed's address needs no sign-in (calendar programs cannot sign in): its secret is the key.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/supervision/calendar/{secret}.ics", async (string secret, CalendarFeeds feeds, CancellationToken cancellationToken) =>
                await feeds.FeedAsync(secret, cancellationToken) is { } calendar
                    ? Results.Text(calendar, "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous();
}
