using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Services;

/// <summary>What a signed-in person changes about their own account: message language, password, open sessions.</summary>
internal sealed class MyAccount(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn)
{
    public Task<ApplicationUser?> FindAsync(System.Security.Claims.ClaimsPrincipal principal) => users.GetUserAsync(principal);

    public async Task<IReadOnlyList<FieldError>> SetLanguageAsync(ApplicationUser user, string culture)
    {
        if (!Cultures.Supported.Contains(culture))
        {
            return [new FieldError("Language", "Invite:Error:Language")];
        }
        user.PreferredCulture = culture;
        await users.UpdateAsync(user);
        return [];
    }

    /// <summary>Changes the password and keeps this session signed in; other sessions end at their next check.</summary>
    public async Task<IReadOnlyList<FieldError>> ChangePasswordAsync(ApplicationUser user, string current, string next)
    {
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            return changed.Errors.Select(e => e.Code == "PasswordMismatch"
                ? new FieldError("Current", "Account:WrongPassword")
                : PasswordErrors.ToFieldError(e, users.Options.Password.RequiredLength)).ToList();
        }
        await signIn.RefreshSignInAsync(user);
        return [];
    }

    /// <summary>Ends every session of the person, this one included, by changing their security stamp.</summary>
    public async Task SignOutEverywhereAsync(ApplicationUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}
