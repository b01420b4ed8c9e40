using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>What a coordinator fills in to invite someone.</summary>
internal sealed class InvitationInput
{
    public string Email { get; set; } = "";
    public string FullName { get; set; } = "";
    public Guid? UnitId { get; set; }
    public string Role { get; set; } = BuiltInRoles.Learner;
    public Guid? PositionTypeId { get; set; }
    public string PreferredCulture { get; set; } = Cultures.Default;
}

/// <summary>
/// Invitations: there is no public registration. A coordinator invites a person into a unit with a role; the
/// person gets an e-mail in their language with a single-use link, valid for seven days, that sets their password.
/// </summary>
internal sealed class Invitations(
    IServiceScopeFactory scopes,
    RoleAssignments roles,
    IAccessControl access,
    MailComposer composer,
    IBackgroundJobClient jobs,
    PublicLinks links,
    RateLimits limits,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public const string MessageType = "Invitation";
    public const string TokenProvider = "Invitation";
    public const string TokenPurpose = "AcceptInvitation";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// The built-in roles the current user may give at a unit: as when giving a role to someone already here, only
    /// those whose every permission they hold there themselves.
    /// </summary>
    public async Task<IReadOnlyList<string>> GrantableRolesAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var grantable = (await roles.GetGrantableRolesAsync(unitId, cancellationToken)).Select(r => r.Name).ToHashSet();
        return BuiltInRoles.All.Where(grantable.Contains).ToList();
    }

    public async Task<Result<Guid>> InviteAsync(InvitationInput input, CancellationToken cancellationToken = default)
    {
        if (input.UnitId is not { } unitId)
        {
            return Error.Validation(nameof(InvitationInput.UnitId), "Invite:Error:UnitRequired");
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var work = IdentityWork.Begin(scopes);
        var errors = await CheckAsync(work, input);
        if (!(await GrantableRolesAsync(unitId, cancellationToken)).Contains(input.Role))
        {
            errors.Add(new(nameof(InvitationInput.Role), "Invite:Error:RoleNotGrantable"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        if (!limits.TryAcquire(RateLimits.Invitations, currentUser))
        {
            return RateLimits.TooManyRequests;
        }

        // The person, their role and the message are saved together or not at all.
        await using var transaction = await work.Db.Database.BeginTransactionAsync(cancellationToken);
        var staged = await StageAsync(work, input, unitId, cancellationToken);
        if (staged.Failed(out var error))
        {
            return error;
        }
        await transaction.CommitAsync(cancellationToken);
        jobs.DispatchMailSoon();
        return staged;
    }

    /// <summary>
    /// Creates the person, their role and the message within the caller's transaction; the caller checked the input,
    /// the permission at <paramref name="unitId"/> and the role, and commits.
    /// </summary>
    internal async Task<Result<Guid>> StageAsync(IdentityWork work, InvitationInput input, Guid unitId, CancellationToken cancellationToken)
    {
        var (users, db) = (work.Users, work.Db);
        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), FullName = input.FullName.Trim(),
            HomeUnitId = unitId, PositionTypeId = input.PositionTypeId, PreferredCulture = input.PreferredCulture,
            StartDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Error.Validation(nameof(InvitationInput.Email), "Invite:Error:EmailInvalid");
        }
        var roleId = await db.Roles.Where(r => r.Name == input.Role).Select(r => r.Id).SingleAsync(cancellationToken);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, RoleId = roleId, UnitId = unitId });
        var token = await users.GenerateUserTokenAsync(user, TokenProvider, TokenPurpose);
        var link = links.To($"account/accept-invitation?userId={user.Id}&token={LinkToken.Encode(token)}");
        var mail = composer.Compose(typeof(AccountsResource), MessageType, user.Email, user.FullName, user.PreferredCulture, link, user.FullName);
        db.Set<OutgoingMail>().Add(OutgoingMail.From(mail, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    /// <summary>The invited person's name, when the link is still good; null otherwise.</summary>
    public async Task<string?> FindInviteeAsync(Guid userId, string token)
    {
        await using var work = IdentityWork.Begin(scopes);
        var user = await work.Users.FindByIdAsync(userId.ToString());
        return user is not null && await IsValidAsync(work.Users, user, token) ? user.FullName : null;
    }

    /// <summary>Sets the password and confirms the address; the link stops working once used.</summary>
    public async Task<IReadOnlyList<FieldError>> AcceptAsync(Guid userId, string token, string password)
    {
        await using var work = IdentityWork.Begin(scopes);
        var users = work.Users;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !await IsValidAsync(users, user, token))
        {
            return [new FieldError("Token", "Invite:InvalidLink")];
        }
        // The password and the confirmed address are one change: a link that set the one but not the other would be used up.
        user.EmailConfirmed = true;
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return added.Errors.Select(e => PasswordErrors.ToFieldError(e, users.Options.Password.RequiredLength)).ToList();
        }
        return [];
    }

    private static async Task<bool> IsValidAsync(UserManager<ApplicationUser> users, ApplicationUser user, string token)
    {
        return user.PasswordHash is null
            && LinkToken.Decode(token) is { } decoded
            && await users.VerifyUserTokenAsync(user, TokenProvider, TokenPurpose, decoded);
    }

    internal static async Task<List<FieldError>> CheckAsync(IdentityWork work, InvitationInput input)
    {
        var users = work.Users;
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new(nameof(InvitationInput.FullName), "Invite:Error:NameRequired"));
        }
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@'))
        {
            errors.Add(new(nameof(InvitationInput.Email), "Invite:Error:EmailInvalid"));
        }
        else if (await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            errors.Add(new(nameof(InvitationInput.Email), "Invite:Error:EmailTaken"));
        }
        if (!Cultures.Supported.Contains(input.PreferredCulture))
        {
            errors.Add(new(nameof(InvitationInput.PreferredCulture), "Invite:Error:Language"));
        }
        return errors;
    }
}

/// <summary>
/// Invitation links last seven days, longer than password-reset links, counted on the app's clock. The token is the
/// person, the purpose, the time it was made and the person's security stamp, protected with the app's keys; it stops
/// working once used, because setting the password changes the stamp.
/// </summary>
internal sealed class InvitationTokenProvider(IDataProtectionProvider dataProtectionProvider, TimeProvider clock)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private readonly IDataProtector _protector = dataProtectionProvider.CreateProtector("TrainingHub.Accounts.Invitation");

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var made = clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _protector.Protect(string.Join('|', user.Id, purpose, made, stamp));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        string[] parts;
        try
        {
            parts = _protector.Unprotect(token).Split('|');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        return parts.Length == 4
            && parts[0] == user.Id.ToString()
            && parts[1] == purpose
            && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) is var age && age >= TimeSpan.Zero && age <= Invitations.LinkLifetime
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);
}

/// <summary>Identity's password errors as localisation keys.</summary>
internal static class PasswordErrors
{
    public static FieldError ToFieldError(IdentityError error, int requiredLength) => error.Code switch
    {
        "InvalidToken" => new FieldError("Token", "Reset:InvalidLink"),
        "PasswordTooShort" => new FieldError("Password", "Identity:PasswordTooShort", requiredLength),
        "PasswordRequiresNonAlphanumeric" or "PasswordRequiresDigit" or "PasswordRequiresLower" or "PasswordRequiresUpper"
            => new FieldError("Password", $"Identity:{error.Code}"),
        _ => new FieldError("Password", "Identity:Other"),
    };
}
