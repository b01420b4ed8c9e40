namespace TrainingHub.Accounts.Contracts;

/// <summary>Claims the sign-in cookie carries beyond the standard ones.</summary>
public static class AccountClaimTypes
{
    /// <summary>The person's full name as they wrote it.</summary>
    public const string FullName = "th:full_name";

    /// <summary>
    /// Present while a person who must use two-factor sign-in (an administrator) has not turned it on yet;
    /// until then only the set-up page and signing out are open to them.
    /// </summary>
    public const string TwoFactorSetupRequired = "th:2fa-setup-required";
}
