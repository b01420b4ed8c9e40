using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Asks for the current password before a change that could hand the account to someone else (a new e-mail address,
/// two-factor sign-in off, a new authenticator key): a stolen session alone must not be enough. Wrong answers count
/// towards the lockout like wrong passwords at sign-in, so the form cannot be used to guess.
/// </summary>
internal sealed class CurrentPassword(SignInManager<ApplicationUser> signIn)
{
    public const string Field = "CurrentPassword";

    /// <summary>Null when <paramref name="password"/> is the person's password; otherwise what to tell them.</summary>
    public async Task<FieldError?> CheckAsync(ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new FieldError(Field, "Account:CurrentPasswordRequired");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => null,
            { IsLockedOut: true } => new FieldError(Field, "Account:LockedOutForNow"),
            _ => new FieldError(Field, "Account:WrongPassword"),
        };
    }
}
