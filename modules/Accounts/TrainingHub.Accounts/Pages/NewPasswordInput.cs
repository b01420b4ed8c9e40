using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Pages;

/// <summary>A new password typed twice. Public only because the page component that edits it is.</summary>
public sealed class NewPasswordInput
{
    public string Password { get; set; } = "";

    public string Confirm { get; set; } = "";

    /// <summary>The error when the two do not match; empty when they do.</summary>
    public IReadOnlyList<FieldError> MismatchErrors() =>
        Password == Confirm ? [] : [new FieldError("Password", "Reset:Mismatch")];
}
