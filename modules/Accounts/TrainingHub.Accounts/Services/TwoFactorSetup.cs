using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>Where a person stands with two-factor sign-in.</summary>
/// <param name="Required">Administrators must use it and cannot turn it off.</param>
internal sealed record TwoFactorState(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>What an authenticator app needs: the shared key, typed in or scanned as a QR code.</summary>
/// <param name="SharedKey">The key in groups of four, easy to type.</param>
/// <param name="QrCode">A PNG data URI of <paramref name="AuthenticatorUri"/>, so the page needs nothing from elsewhere.</param>
internal sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCode);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP) and single-use recovery codes. Required for administrators,
/// optional for everyone else. Every change renews the security stamp, so the person's other sessions end at their
/// next check, and refreshes this session's cookie.
/// </summary>
internal sealed class TwoFactorSetup(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, CurrentPassword currentPassword, AccountsDbContext db, ModuleCatalog catalog)
{
    public const string Issuer = "TrainingHub";
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Who must use two-factor sign-in: whoever holds an administrative permission (managing roles, reading the audit
    /// trail, the job dashboard…) at any unit, whatever the role that gives it is called.
    /// </summary>
    public static bool IsRequiredFor(IEnumerable<PermissionGrant> grants, ModuleCatalog catalog) =>
        grants.Any(g => catalog.AdministrativePermissions.Contains(g.Permission));

    public async Task<TwoFactorState> GetStateAsync(ApplicationUser user) =>
        new(user.TwoFactorEnabled, await IsRequiredAsync(user), user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);

    /// <summary>The person's authenticator key, created on first use; it only takes effect once a code from it is confirmed.</summary>
    public async Task<AuthenticatorSetup> GetAuthenticatorAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode($"{Issuer}:{user.Email}")}?secret={key}&issuer={Issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new(InGroups(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor sign-in on once the person proves their app shows the right code; returns the recovery codes, shown once.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAsync(ApplicationUser user, string code)
    {
        var token = Normalise(code);
        if (token.Length == 0)
        {
            return Error.Validation("Code", "TwoFactor:CodeRequired");
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            return Error.Validation("Code", "TwoFactor:WrongCode");
        }
        if (!(await users.SetTwoFactorEnabledAsync(user, true)).Succeeded)
        {
            return Error.Rule("Error:SaveConflictedWithOtherChange");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        return Result<IReadOnlyList<string>>.Success([.. codes!]);
    }

    /// <summary>Turns two-factor sign-in off, given the current password; whoever holds an administrative permission must keep it.</summary>
    public async Task<Result> DisableAsync(ApplicationUser user, string? password)
    {
        if (await IsRequiredAsync(user))
        {
            return Error.Rule("TwoFactor:RequiredForAdministrators");
        }
        if (await currentPassword.CheckAsync(user, password) is { } wrong)
        {
            return Error.Validation([wrong]);
        }
        return await ThenRefreshAsync(user, await users.SetTwoFactorEnabledAsync(user, false));
    }

    /// <summary>
    /// A new key, for a lost or replaced phone: the old app stops working, so two-factor sign-in is off until a code
    /// from the new key is confirmed (an administrator is sent to set it up again).
    /// </summary>
    public async Task<Result> ResetKeyAsync(ApplicationUser user, string? password)
    {
        if (await currentPassword.CheckAsync(user, password) is { } wrong)
        {
            return Error.Validation([wrong]);
        }
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        return await ThenRefreshAsync(user, disabled.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : disabled);
    }

    private async Task<Result> ThenRefreshAsync(ApplicationUser user, IdentityResult changed)
    {
        if (!changed.Succeeded)
        {
            return Error.Rule("Error:SaveConflictedWithOtherChange");
        }
        await signIn.RefreshSignInAsync(user);
        return Result.Success();
    }

    /// <summary>Replaces every recovery code with new ones; the old ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(ApplicationUser user)
    {
        if (!user.TwoFactorEnabled)
        {
            return Error.Rule("TwoFactor:NotOn");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return Result<IReadOnlyList<string>>.Success([.. codes!]);
    }

    /// <summary>A code as typed, without the spaces people add when copying it; recovery codes are upper-case.</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    private async Task<bool> IsRequiredAsync(ApplicationUser user) =>
        IsRequiredFor((await HeldRoles.ReadAsync(db, user.Id)).Grants, catalog);

    private static string InGroups(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
