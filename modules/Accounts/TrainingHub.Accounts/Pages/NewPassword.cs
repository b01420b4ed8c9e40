using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Accounts.Pages;

/// <summary>A password chosen in <see cref="NewPasswordForm"/>, and what the page found wrong with it.</summary>
public sealed class NewPassword(string password)
{
    public string Password { get; } = password;

    public IReadOnlyList<FieldError> Errors { get; set; } = [];
}
