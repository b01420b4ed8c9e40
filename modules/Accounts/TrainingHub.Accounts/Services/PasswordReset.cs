using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// "Forgot your password?": a link by e-mail, in the person's language, that lets them choose a new password.
/// Whether an address has an account is never revealed. At most a few messages go to one address in a window
/// (<see cref="RateLimits.ResetMailsPerAddress"/>), counted in the outbox so that the limit holds whichever clients
/// ask and on whichever node; requests over it are dropped silently, as for an unknown address.
/// </summary>
internal sealed class PasswordReset(
    UserManager<ApplicationUser> users,
    AccountsDbContext db,
    MailComposer composer,
    IBackgroundJobClient jobs,
    PublicLinks links,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock)
{
    public const string MessageType = "PasswordReset";

    /// <summary>Puts a reset message in the outbox when the address belongs to an active, confirmed account.</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.EmailConfirmed || await SentEnoughAsync(user.Email!, cancellationToken))
        {
            return;
        }
        var token = LinkToken.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To($"account/reset-password?userId={user.Id}&token={token}");
        var mail = composer.Compose(typeof(AccountsResource), MessageType, user.Email!, user.FullName, user.PreferredCulture, link, user.FullName);
        db.Set<OutgoingMail>().Add(OutgoingMail.From(mail, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        jobs.DispatchMailSoon();
    }

    private async Task<bool> SentEnoughAsync(string address, CancellationToken cancellationToken)
    {
        var rule = limits.Value[RateLimits.ResetMailsPerAddress];
        var since = clock.GetUtcNow().UtcDateTime.AddSeconds(-rule.WindowSeconds);
        var sent = await db.Set<OutgoingMail>()
            .CountAsync(m => m.MessageType == MessageType && m.ToAddress == address && m.CreatedAtUtc > since, cancellationToken);
        return sent >= rule.PermitLimit;
    }

    /// <summary>Sets the new password; the errors are localisation keys with their arguments.</summary>
    public async Task<IReadOnlyList<FieldError>> ResetAsync(Guid userId, string token, string newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || LinkToken.Decode(token) is not { } decoded)
        {
            return [new FieldError("Token", "Reset:InvalidLink")];
        }
        var result = await users.ResetPasswordAsync(user, decoded, newPassword);
        return result.Succeeded ? [] : result.Errors.Select(e => PasswordErrors.ToFieldError(e, users.Options.Password.RequiredLength)).ToList();
    }
}
