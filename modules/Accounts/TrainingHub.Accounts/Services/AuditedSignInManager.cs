using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Contracts;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Identity's sign-in, recording every sign-in, failed sign-in and sign-out of an account in the audit trail. A failed
/// sign-in for an address without an account is only counted (<see cref="UnknownAccountCounter"/>) and logged without
/// the address: one row each would let anyone fill the permanent trail, and what was typed may be a password typed
/// into the wrong field.
/// </summary>
internal sealed partial class AuditedSignInManager(
    UserManager<ApplicationUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, IAuditTrail audit)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string MeterName = "TrainingHub.Accounts";
    public const string UnknownAccountCounter = "traininghub.sign_in.unknown_account";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> UnknownAccounts =
        Meter.CreateCounter<long>(UnknownAccountCounter, description: "Failed sign-ins for an address that has no account");

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UnknownAccounts.Add(1);
            LogUnknownAccount(Logger);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    [LoggerMessage(LogLevel.Warning, "A sign-in failed for an address that has no account")]
    private static partial void LogUnknownAccount(ILogger logger);

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, result, "authenticator code");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, result, "recovery code");
        return result;
    }

    public override async Task SignOutAsync()
    {
        // Recorded first, while the request still knows who is signing out.
        await audit.RecordAsync(new AuditEvent(AuditActions.SignedOut) { Module = "Accounts" });
        await base.SignOutAsync();
    }

    private Task RecordAsync(ApplicationUser? user, SignInResult result, string method)
    {
        if (user is null || result.RequiresTwoFactor)
        {
            return Task.CompletedTask;
        }
        var outcome = result switch
        {
            { Succeeded: true } => null,
            { IsLockedOut: true } => "locked out",
            { IsNotAllowed: true } => "not allowed (inactive)",
            _ => $"wrong {method}",
        };
        return audit.RecordAsync(new AuditEvent(result.Succeeded ? AuditActions.SignedIn : AuditActions.SignInFailed)
        {
            Actor = new AuditActor(user.Id, user.FullName),
            Module = "Accounts",
            EntityType = nameof(ApplicationUser),
            EntityId = user.Id.ToString(),
            UnitId = user.HomeUnitId,
            Summary = outcome is null ? $"{user.Email} ({method})" : $"{user.Email}: {outcome}",
        });
    }
}
