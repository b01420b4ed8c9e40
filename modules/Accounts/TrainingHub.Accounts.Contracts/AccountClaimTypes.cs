namespace TrainingHub.Accounts.Contracts;

/// <summary>Claims the sign-in cookie carries beyond the standard ones.</summary>
public static class AccountClaimTypes
{
    /// <summary>The person's full name as they wrote it.</summary>
    public const string FullName = "th:full_name";
}
