using Hangfire;
using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Changing one's e-mail address, which is also the sign-in name: the new address must be confirmed through a link
/// sent to it, so nobody can move an account to an address they do not read. Until then nothing changes.
/// </summary>
internal sealed class EmailChange(
    UserManager<ApplicationUser> users,
    AccountsDbContext db,
    MailComposer composer,
    IBackgroundJobClient jobs,
    PublicLinks links,
    TimeProvider clock)
{
    public const string MessageType = "ConfirmEmailChange";

    public async Task<IReadOnlyList<FieldError>> RequestAsync(ApplicationUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        var email = newEmail.Trim();
        if (!IsAddress(email))
        {
            return [new FieldError("Email", "Invite:Error:EmailInvalid")];
        }
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return [new FieldError("Email", "Account:Error:SameEmail")];
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return [new FieldError("Email", "Invite:Error:EmailTaken")];
        }
        var token = await users.GenerateChangeEmailTokenAsync(user, email);
        var link = links.To(
            $"account/confirm-email?userId={user.Id}&email={Uri.EscapeDataString(email)}&token={LinkToken.Encode(token)}");
        var mail = composer.Compose(typeof(AccountsResource), MessageType, email, user.FullName, user.PreferredCulture, link, user.FullName);
        db.Set<OutgoingMail>().Add(OutgoingMail.From(mail, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        jobs.DispatchMailSoon();
        return [];
    }

    /// <summary>Makes the confirmed address the person's e-mail and sign-in name; other sessions end at their next check.</summary>
    public async Task<Result> ConfirmAsync(Guid userId, string email, string linkToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || LinkToken.Decode(linkToken) is not { } token || !IsAddress(email))
        {
            return Error.Rule("Account:EmailLinkInvalid");
        }
        if (await users.FindByEmailAsync(email) is { } holder && holder.Id != user.Id)
        {
            return Error.Rule("Invite:Error:EmailTaken");
        }
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return Error.Rule("Account:EmailLinkInvalid");
        }
        await users.SetUserNameAsync(user, email);
        return Result.Success();
    }

    private static bool IsAddress(string email) =>
        email.Length is > 2 and <= 256 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
}
