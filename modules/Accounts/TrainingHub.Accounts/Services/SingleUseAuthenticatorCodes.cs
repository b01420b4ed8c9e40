using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Domain;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Checks authenticator-app codes as Identity's own provider does (the code of the current 30-second step or of the two
/// steps either side, for phones whose clocks drift), but accepts each code once: the step of an accepted code is
/// saved with the person, and a code of that step or an earlier one is refused, so a code seen over someone's shoulder
/// or caught on its way cannot be used again.
/// </summary>
internal sealed class SingleUseAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const int StepsEitherSide = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var now = Totp.Step(clock.GetUtcNow());
        for (var step = Math.Max(now - StepsEitherSide, (user.LastAuthenticatorStep ?? long.MinValue) + 1); step <= now + StepsEitherSide; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.CodeAt(key, step)), Encoding.ASCII.GetBytes(token)))
            {
                user.LastAuthenticatorStep = step;
                // Two requests racing with one code: the second save meets a changed concurrency stamp and fails.
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }
        return false;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The first code this person's app shows that will still be accepted, or null when none is until the next step.</summary>
    public static string? NextUsableCode(string key, ApplicationUser user, DateTimeOffset now)
    {
        var step = Math.Max(Totp.Step(now), (user.LastAuthenticatorStep ?? long.MinValue) + 1);
        return step <= Totp.Step(now) + StepsEitherSide ? Totp.CodeAt(key, step) : null;
    }
}
