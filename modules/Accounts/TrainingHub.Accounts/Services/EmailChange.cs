using Hangfire;
using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Changing one's e-mail address, which is also the sign-in name: it needs the current password, and the new address
/// must be confirmed through a link sent to it, so nobody can move an account to an address they do not read. Until
/// then nothing changes; afterwards the old address is told, so a change the person did not make does not go unnoticed.
/// </summary>
internal sealed class EmailChange(
    UserManager<ApplicationUser> users,
    CurrentPassword currentPassword,
    AccountsDbContext db,
    MailComposer composer,
    IBackgroundJobClient jobs,
    PublicLinks links,
    TimeProvider clock)
{
    public const string MessageType = "ConfirmEmailChange";
    public const string NoticeMessageType = "EmailChangedNotice";

    public async Task<IReadOnlyList<FieldError>> RequestAsync(
        ApplicationUser user, string newEmail, string? password, CancellationToken cancellationToken = default)
    {
        if (await currentPassword.CheckAsync(user, password) is { } wrong)
        {
            return [wrong];
        }
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

    /// <summary>
    /// Makes the confirmed address the person's e-mail and sign-in name and tells the old address, all in one
    /// transaction; other sessions and the person's API tokens end at their next check.
    /// </summary>
    public async Task<Result> ConfirmAsync(Guid userId, string email, string linkToken, CancellationToken cancellationToken = default)
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
        var oldEmail = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return Error.Rule("Account:EmailLinkInvalid");
        }
        if (!(await users.SetUserNameAsync(user, email)).Succeeded)
        {
            return Error.Rule("Error:SaveConflictedWithOtherChange");
        }
        var notice = composer.Compose(typeof(AccountsResource), NoticeMessageType, oldEmail, user.FullName, user.PreferredCulture, null, user.FullName, email);
        db.Set<OutgoingMail>().Add(OutgoingMail.From(notice, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.DispatchMailSoon();
        return Result.Success();
    }

    private static bool IsAddress(string email) =>
        email.Length is > 2 and <= 256 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
}
