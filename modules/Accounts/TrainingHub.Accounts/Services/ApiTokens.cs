using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>A token as its owner sees it in their list; the secret is never shown again.</summary>
internal sealed record ApiTokenRow(Guid Id, string Name, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? LastUsedAtUtc, bool IsRevoked)
{
    public bool IsUsable(DateTime nowUtc) => !IsRevoked && ExpiresAtUtc > nowUtc;
}

/// <summary>A token just created: <see cref="Secret"/> is shown to its person this once.</summary>
internal sealed record IssuedApiToken(Guid Id, string Name, string Secret, DateTime ExpiresAtUtc);

/// <summary>
/// Personal API tokens: a person creates, lists and revokes their own; the API's bearer authentication asks
/// <see cref="AuthenticateAsync"/> whose a presented token is.
/// </summary>
internal sealed class ApiTokens(IDbContextFactory<AccountsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Marks the string as a TrainingHub token, so secret scanners and people recognise a leaked one.</summary>
    public const string Prefix = "thk_";

    public const int NameMaxLength = 100;

    public const int MaxLifetimeDays = 365;

    /// <summary>The lifetimes the page offers, in days.</summary>
    public static IReadOnlyList<int> LifetimeChoices { get; } = [30, 90, 365];

    /// <summary>Using a token is recorded at most this often, so a busy script does not write on every request.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<Result<IssuedApiToken>> CreateAsync(string name, int lifetimeDays, CancellationToken cancellationToken = default) =>
        currentUser.UserId is { } userId ? await IssueAsync(userId, name, lifetimeDays, cancellationToken) : Error.Forbidden;

    /// <summary>Creates a token for a person; only its hash is stored.</summary>
    internal async Task<Result<IssuedApiToken>> IssueAsync(Guid userId, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("Name", "ApiTokens:Error:NameRequired"));
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add(new FieldError("Name", "ApiTokens:Error:NameTooLong", NameMaxLength));
        }
        if (lifetimeDays is < 1 or > MaxLifetimeDays)
        {
            errors.Add(new FieldError("LifetimeDays", "ApiTokens:Error:Lifetime", MaxLifetimeDays));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(stamp))
        {
            return Error.Forbidden;
        }
        var token = new ApiToken
        {
            UserId = userId, Name = name, SecretHash = Hash(secret), CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(lifetimeDays),
            SecurityStamp = stamp,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiToken(token.Id, token.Name, secret, token.ExpiresAtUtc);
    }

    /// <summary>The current person's tokens, newest first, revoked and expired ones included so they can see what happened.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new ApiTokenRow(t.Id, t.Name, Utc(t.CreatedAtUtc), Utc(t.ExpiresAtUtc),
                t.LastUsedAtUtc is { } used ? Utc(used) : null, t.RevokedAtUtc is not null))
            .ToList();
    }

    /// <summary>Stops one of the current person's tokens at once. Someone else's token is "not found".</summary>
    public async Task<Result> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == currentUser.UserId, cancellationToken);
        if (token is null)
        {
            return Error.NotFound;
        }
        token.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// The person a presented token belongs to, or null when the token is unknown, revoked or expired, or its person
    /// is deactivated or has since changed their password or e-mail address or signed out everywhere. Records when
    /// the token was used.
    /// </summary>
    public async Task<ApplicationUser?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Hash(presented);
        await using var db = dbFactory.CreateDbContext();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || token.RevokedAtUtc is not null || Utc(token.ExpiresAtUtc) <= now)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is not { IsActive: true } || user.SecurityStamp != token.SecurityStamp)
        {
            return null;
        }
        if (token.LastUsedAtUtc is not { } lastUsed || now - Utc(lastUsed) >= LastUsedPrecision)
        {
            token.LastUsedAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return user;
    }

    /// <summary>The stored form of a token. The secret has 256 random bits, so a fast hash without salt is enough.</summary>
    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>SQLite gives times back without their kind; they were stored in UTC.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
